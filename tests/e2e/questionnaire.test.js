// The questionnaire as a person uses it, in headless Chromium: rate factors
// and see the numbers the API gives, add an entity, save and load back,
// open the samples, type markup that must stay text, and read the verdicts,
// the reasons for no verdict, what to rate and state first, over- and
// under-integration and the warnings in the words of the reports.
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { ROOT, startServer, launchBrowser, poster } = require("./harness");

let server;
let browser;
let RB;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  RB = await (await fetch(server.url + "api/rulebook")).json();
});

after(async () => {
  if (browser) await browser.close();
  if (server) {
    const { code } = await server.stop();
    assert.equal(code, 0, "the server stops cleanly on Ctrl-C");
  }
});

const api = (...args) => poster(server)(...args);

async function openPage() {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready=true]");
  page.errors = errors;
  return page;
}

/** The mission the page holds, read back through the library. */
async function pageMission(page) {
  const json = await page.evaluate(() => JSON.stringify(M));
  const r = await api("api/mission", json);
  assert.equal(r.status, 200, r.text);
  return r.json();
}

/** Waits until every dimension on the page shows exactly what POST
 * /api/assess answers for `mission` (JSON text), and returns that answer. */
async function waitForAssessment(page, mission) {
  const r = await api("api/assess", mission);
  assert.equal(r.status, 200, r.text);
  const a = r.json();
  const want = a.dimensions.map((d) => ({ id: d.id, value: String(d.score), text: d.score.toFixed(1), verdict: d.verdict }));
  await page.waitForFunction(
    (want) =>
      want.every((w) => {
        const box = document.querySelector('[data-dimension="' + w.id + '"]');
        if (!box) return false;
        const s = box.querySelector('[data-field="score"]');
        const v = box.querySelector('[data-field="verdict"]');
        return s && v && s.dataset.value === w.value && s.textContent === w.text && v.textContent === w.verdict;
      }),
    want,
    { timeout: 10000 },
  );
  return a;
}

async function rate(page, factor, word) {
  await page.locator(`[data-factor="${factor}"] input[value="${word}"]`).check({ force: true });
}

test("the page is generated from the rulebook", async () => {
  const page = await openPage();
  assert.equal(await page.locator("[data-factor]").count(), RB.factors.length);
  for (const f of RB.factors) {
    const words = await page.locator(`[data-factor="${f.id}"] input[type=radio]`).evaluateAll((xs) => xs.map((x) => x.value));
    assert.deepEqual(words, ["none", "low", "partial", "high", "full", "unknown", "not-applicable"]);
  }
  assert.equal(await page.locator("section.theme").count(), RB.themes.length);
  assert.equal(await page.locator("[data-context]").count(), RB.context.length);
  for (const d of RB.dimensions) assert.equal(await page.locator(`[data-dimension="${d}"]`).count(), 1);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("rating factors moves the scores and verdicts to what the API answers", async () => {
  const page = await openPage();
  const [f1, f2, f3] = RB.factors;
  const ctx = RB.context[0];
  await rate(page, f1.id, "high");
  await rate(page, f2.id, "low");
  await rate(page, f3.id, "not-applicable");
  await page.locator(`[data-context="${ctx.key}"]`).selectOption({ index: 1 });
  const mission = {
    mission: { name: "New mission" },
    context: { [ctx.key]: ctx.values[0] },
    evidence: { [f1.id]: { rating: "high" }, [f2.id]: { rating: "low" }, [f3.id]: { rating: "not-applicable" } },
  };
  await waitForAssessment(page, JSON.stringify(mission));
  assert.deepEqual(await pageMission(page), (await api("api/mission", JSON.stringify(mission))).json());
  // Rating another factor moves the numbers again.
  await rate(page, f1.id, "none");
  mission.evidence[f1.id].rating = "none";
  await waitForAssessment(page, JSON.stringify(mission));
  // Progress per theme and the filter of unrated factors.
  const theme = RB.factors[0].theme;
  const inTheme = RB.factors.filter((f) => f.theme === theme);
  const rated = [f1, f2, f3].filter((f) => f.theme === theme).length;
  assert.equal(await page.locator(`[data-theme-progress="${theme}"]`).textContent(), `${rated} / ${inTheme.length} rated`);
  await page.locator("#only-unrated").check();
  assert.equal(await page.locator("article.factor:visible").count(), RB.factors.length - 3);
  assert.equal(await page.locator(`#factor-${f1.id}`).isVisible(), false);
  await page.locator("#only-unrated").uncheck();
  assert.equal(await page.locator("article.factor:visible").count(), RB.factors.length);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("typing is not lost while the assessment updates", async () => {
  const page = await openPage();
  const f = RB.factors[4].id;
  const note = page.locator(`[data-note="${f}"]`);
  await note.click();
  await note.pressSequentially("Seen in the mission's weekly minutes", { delay: 20 });
  await rate(page, RB.factors[5].id, "full");
  await note.click();
  await note.press("End");
  await note.pressSequentially(", and confirmed", { delay: 20 });
  await page.waitForTimeout(400);
  assert.equal(await note.inputValue(), "Seen in the mission's weekly minutes, and confirmed");
  const m = await pageMission(page);
  assert.equal(m.evidence[f].note, "Seen in the mission's weekly minutes, and confirmed");
  await page.close();
});

test("an entity added in the page gets its targets from the API", async () => {
  const page = await openPage();
  await page.locator("#add-entity").click();
  const entity = page.locator('[data-entity="0"]');
  await entity.locator('[data-entity-field="name"]').fill("UNICEF");
  const role = RB.roles[RB.roles.length > 2 ? 2 : 0].id;
  await entity.locator('[data-entity-field="role"]').selectOption(role);
  await entity.locator("select").nth(1).selectOption(RB.levels[RB.levels.length - 1].id);
  const mission = await pageMission(page);
  assert.equal(mission.entity.length, 1);
  assert.equal(mission.entity[0].name, "UNICEF");
  const a = await waitForAssessment(page, JSON.stringify(mission));
  const row = page.locator('[data-entity-result="UNICEF"]');
  await row.waitFor();
  const text = await row.textContent();
  for (const d of a.dimensions) {
    const target = RB.levels.find((l) => l.id === a.entities[0].target[d.id]);
    assert.ok(text.includes("target " + (target.title || target.id)), text);
  }
  // Removing it takes it out of the mission.
  await entity.locator("button.remove").click();
  assert.equal((await pageMission(page)).entity, undefined);
  await page.close();
});

test("save as TOML and open it again gives an equal mission", async () => {
  const page = await openPage();
  await page.locator("#mission-name").fill("Round trip mission");
  await page.locator("#mission-date").fill("2026-11-29");
  await page.locator("#mission-description").fill("Two lines\nof description, with \"quotes\" and \\ backslash");
  const [f1, f2] = RB.factors;
  await rate(page, f1.id, "partial");
  await page.locator(`[data-note="${f1.id}"]`).fill("A note\nover two lines");
  await page.locator(`[data-add-source="${f1.id}"]`).click();
  await page.locator(`[data-sources="${f1.id}"] input`).last().fill("Mission review, 2026");
  await page.locator(`[data-add-source="${f1.id}"]`).click();
  await page.locator(`[data-sources="${f1.id}"] input`).last().fill("Interviews with the leadership team");
  await rate(page, f2.id, "full");
  await page.locator("#add-entity").click();
  await page.locator('[data-entity="0"] [data-entity-field="name"]').fill("OCHA");
  const before = await pageMission(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#save-toml").click()]);
  assert.match(download.suggestedFilename(), /^round-trip-mission\.toml$/);
  const file = await download.path();
  const toml = fs.readFileSync(file, "utf8");
  // Through the library, the saved file is the same mission.
  const loaded = await api("api/mission", toml, "application/toml");
  assert.equal(loaded.status, 200, loaded.text);
  assert.deepEqual(loaded.json(), before);
  assert.deepEqual(before.evidence[f1.id].sources, ["Mission review, 2026", "Interviews with the leadership team"]);

  // And opened in a fresh page, it comes back whole.
  const again = await openPage();
  const named = path.join(path.dirname(file), "saved.toml");
  fs.copyFileSync(file, named);
  await again.locator("#open-file").setInputFiles(named);
  await again.waitForFunction(() => document.getElementById("status").textContent.startsWith("Opened"));
  assert.deepEqual(await pageMission(again), before);
  assert.equal(await again.locator(`[data-note="${f1.id}"]`).inputValue(), "A note\nover two lines");
  await waitForAssessment(again, JSON.stringify(before));
  await again.close();
  await page.close();
});

test("every sample mission opens with its notes and sources, and scores as the API does", async () => {
  const dir = path.join(ROOT, "examples", "missions");
  const page = await openPage();
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith(".toml")).sort()) {
    const file = path.join(dir, name);
    const toml = fs.readFileSync(file, "utf8");
    const want = await api("api/mission", toml, "application/toml");
    assert.equal(want.status, 200, name + ": " + want.text);
    await page.locator("#open-file").setInputFiles(file);
    await page.waitForFunction((n) => document.getElementById("status").textContent === "Opened " + n, name);
    const m = await pageMission(page);
    assert.deepEqual(m, want.json(), name);
    for (const [id, ev] of Object.entries(m.evidence || {})) {
      assert.equal(await page.locator(`[data-factor="${id}"] input:checked`).getAttribute("value"), ev.rating, name + " " + id);
      assert.equal(await page.locator(`[data-note="${id}"]`).inputValue(), ev.note || "", name + " " + id);
      const sources = await page.locator(`[data-sources="${id}"] input`).evaluateAll((xs) => xs.map((x) => x.value));
      assert.deepEqual(sources, ev.sources || [], name + " " + id);
    }
    assert.equal(await page.locator("#mission-name").inputValue(), m.mission.name);
    await waitForAssessment(page, JSON.stringify(m));
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("markup typed into the page stays text, in the page and in the HTML report", async () => {
  const page = await openPage();
  const evil = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">`;
  const f = RB.factors[0].id;
  await rate(page, f, "high");
  await page.locator(`[data-note="${f}"]`).fill(evil);
  await page.locator("#mission-name").fill(evil);
  await page.locator("#add-entity").click();
  await page.locator('[data-entity="0"] [data-entity-field="name"]').fill(evil);
  const row = page.locator("[data-entity-result]");
  await row.waitFor();
  await page.waitForFunction((evil) => document.querySelector("[data-entity-result] strong")?.textContent === evil, evil);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator("#panel img").count(), 0);

  const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-report="html"]').click()]);
  const html = fs.readFileSync(await download.path(), "utf8");
  assert.ok(!html.includes("<script>"), "no script element in the report");
  assert.ok(html.includes("&lt;script&gt;window.__pwned = 1&lt;/script&gt;"));
  const report = await browser.newPage();
  await report.setContent(html);
  assert.equal(await report.evaluate(() => window.__pwned), undefined);
  assert.equal(await report.locator("img").count(), 0);
  assert.ok((await report.locator("body").textContent()).includes(evil));
  await report.close();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.close();
});

test("reports download as HTML, Markdown and JSON", async () => {
  const page = await openPage();
  await rate(page, RB.factors[0].id, "full");
  const mission = JSON.stringify(await pageMission(page));
  for (const [format, ext] of [["html", "html"], ["markdown", "md"], ["json", "json"]]) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator(`[data-report="${format}"]`).click()]);
    assert.equal(download.suggestedFilename(), "new-mission-report." + ext);
    const got = fs.readFileSync(await download.path(), "utf8");
    const want = await api("api/report?format=" + format, mission);
    assert.equal(got, want.text, format);
  }
  await page.close();
});

test("another rulebook gets its own questionnaire", async () => {
  const other = await startServer(["--rulebook", path.join(ROOT, "tests", "data", "tiny.toml")]);
  try {
    const rb = await (await fetch(other.url + "api/rulebook")).json();
    assert.notEqual(rb.id, RB.id);
    const page = await browser.newPage();
    await page.goto(other.url);
    await page.waitForSelector("body[data-ready=true]");
    const factors = await page.locator("[data-factor]").evaluateAll((xs) => xs.map((x) => x.dataset.factor));
    assert.deepEqual(factors.sort(), rb.factors.map((f) => f.id).sort());
    const dims = await page.locator("[data-dimension]").evaluateAll((xs) => xs.map((x) => x.dataset.dimension));
    assert.deepEqual(dims, rb.dimensions);
    await rate(page, rb.factors[0].id, "full");
    const r = await fetch(other.url + "api/assess", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ mission: { name: "New mission" }, evidence: { [rb.factors[0].id]: { rating: "full" } } }),
    });
    const a = await r.json();
    for (const d of a.dimensions) {
      await page.waitForFunction(
        ([id, v]) => document.querySelector(`[data-dimension="${id}"] [data-field="score"]`)?.dataset.value === v,
        [d.id, String(d.score)],
      );
    }
    await page.close();
  } finally {
    await other.stop();
  }
});

test("fix first and missing evidence lead to their factors, even when filtered out", async () => {
  const page = await openPage();
  // The start-up sample has both a plan to follow and factors left unrated.
  const file = path.join(ROOT, "examples", "missions", "start-up-active-conflict.toml");
  await page.locator("#open-file").setInputFiles(file);
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("Opened"));
  const a = await waitForAssessment(page, JSON.stringify(await pageMission(page)));
  // The page lists fix first (the start of the plan) as its steps.
  const first = (a.fix_first && a.fix_first.length ? a.fix_first : a.recommendations)[0].factor;
  assert.ok(first && a.evidence_gaps.length > 0);
  await page.locator("#only-unrated").check();
  await page.locator(".recs button").first().click();
  const rec = page.locator(`#factor-${first}`);
  await rec.waitFor({ state: "visible" });
  await page.waitForFunction((id) => {
    const r = document.getElementById("factor-" + id).getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight + 1;
  }, first);
  await page.locator(".gaps button").first().click();
  await page.waitForFunction((id) => {
    const r = document.getElementById("factor-" + id).getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight + 1;
  }, a.evidence_gaps[0].factor);
  await page.close();
});

/** What POST /api/panel answers for `mission` (JSON text): the assessment
 * and the reports' words for it. */
async function panelOf(mission) {
  const r = await api("api/panel", mission);
  assert.equal(r.status, 200, r.text);
  return r.json();
}

async function openMissionFile(page, file) {
  await page.locator("#open-file").setInputFiles(file);
  const name = path.basename(file);
  await page.waitForFunction((n) => document.getElementById("status").textContent === "Opened " + n, name);
}

async function waitInView(page, selector) {
  await page.waitForFunction((s) => {
    const r = document.querySelector(s).getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight + 1;
  }, selector);
}

test("an undetermined verdict says why, and what to rate and state first, in the reports' words", async () => {
  const page = await openPage();
  await openMissionFile(page, path.join(ROOT, "examples", "missions", "poorly-evidenced.toml"));
  const mission = JSON.stringify(await pageMission(page));
  const { assessment: a, words } = await panelOf(mission);
  // The panel's assessment is the one POST /api/assess answers.
  assert.deepEqual(a, (await api("api/assess", mission)).json());
  await waitForAssessment(page, mission);
  assert.equal(a.overall.verdict, "undetermined");
  assert.equal(await page.locator('[data-field="overall-verdict"]').textContent(), "undetermined");

  // What the reports lead with, word for word: the Markdown report has
  // each line as a bold item.
  const md = (await api("api/report?format=markdown", mission)).text;
  const leads = await page.locator('[data-field="leads"] li').allTextContents();
  assert.deepEqual(leads, words.leads);
  assert.ok(leads[0].startsWith("No verdict: "), leads[0]);
  assert.ok(leads.some((l) => l.startsWith("State the context: ")), JSON.stringify(leads));
  for (const l of leads) assert.ok(md.includes("- **" + l + "**"), l);

  // Each dimension: its verdict, its target and its labelled lines as the
  // server words them; the reasons as the Markdown report gives them.
  for (const d of a.dimensions) {
    const box = page.locator(`[data-dimension="${d.id}"]`);
    assert.equal(await box.getAttribute("data-verdict"), d.verdict);
    const w = words.dimensions.find((x) => x.id === d.id);
    assert.equal(await box.locator('[data-field="target"]').textContent(), w.target);
    const notes = await box.locator("dd[data-note]").evaluateAll((xs) => xs.map((x) => [x.dataset.note, x.textContent]));
    assert.deepEqual(notes, w.notes.map((n) => [n.label, n.text]));
    assert.equal(d.verdict, "undetermined");
    const why = w.notes.find((n) => n.label === "no verdict");
    assert.ok(why && md.includes("No verdict: " + why.text + "."), d.id);
    for (const n of w.notes.filter((n) => n.label === "provisional")) assert.ok(md.includes("Provisional: " + n.text + "."), n.text);
    assert.equal(await box.locator('[data-field="provisional"]').count(), d.provisional ? 1 : 0);
  }
  const panel = await page.locator("#panel").textContent();
  assert.ok(!panel.includes("to rely on"), "never 'too little to rely on'");

  // The legend explains every verdict word.
  const legend = await page.locator('[data-field="legend"]').textContent();
  assert.equal(legend, words.legend);
  for (const v of words.verdicts) assert.ok(legend.includes(v.verdict + ", " + v.meaning), v.verdict);
  assert.equal(await page.locator('[data-field="overall-verdict"]').getAttribute("title"),
    words.verdicts.find((v) => v.verdict === "undetermined").meaning);

  // The context keys to state are marked, and their names in the lead
  // lead to the field.
  assert.ok(a.missing_context.length > 0);
  for (const k of a.missing_context) {
    assert.ok(await page.locator(`[data-context-field="${k.key}"]`).evaluate((e) => e.classList.contains("wanted")), k.key);
  }
  const key = a.missing_context[0].key;
  await page.locator(`[data-field="leads"] [data-goto-context="${key}"]`).first().click();
  await page.waitForFunction((k) => document.activeElement && document.activeElement.dataset.context === k, key);
  // Stating it takes the mark away once the assessment comes back.
  await page.locator(`[data-context="${key}"]`).selectOption({ index: 1 });
  await page.waitForFunction((k) => !document.querySelector(`[data-context-field="${k}"]`).classList.contains("wanted"), key);

  // A factor to rate first leads to its card.
  const first = a.overall.rate_first[0];
  await page.locator(`[data-field="leads"] [data-goto-factor="${first}"]`).first().click();
  await waitInView(page, "#factor-" + first);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("above-target and under-integrated partners show with the reports' words", async () => {
  const page = await openPage();
  // The embedded sample with a traditional mandate: its cap (coordination)
  // is below what the mission and its partners have reached.
  const sample = fs.readFileSync(path.join(ROOT, "examples", "missions", "consolidation-after-ceasefire.toml"), "utf8");
  const toml = sample.replace(/^mandate = "multidimensional"$/m, 'mandate = "traditional"');
  assert.notEqual(toml, sample);
  const file = path.join(require("node:os").tmpdir(), "traditional-mandate.toml");
  fs.writeFileSync(file, toml);
  await openMissionFile(page, file);
  const mission = JSON.stringify(await pageMission(page));
  const { assessment: a, words } = await panelOf(mission);
  await waitForAssessment(page, mission);
  const meaning = words.verdicts.find((v) => v.verdict === "above-target").meaning;
  const above = a.dimensions.filter((d) => d.verdict === "above-target");
  assert.ok(above.length > 0, JSON.stringify(a.dimensions.map((d) => d.verdict)));
  for (const d of above) {
    const badge = page.locator(`[data-dimension="${d.id}"] [data-field="verdict"]`);
    assert.equal(await badge.getAttribute("class"), "verdict v-above-target");
    assert.equal(await badge.getAttribute("title"), meaning);
  }
  assert.equal(await page.locator('[data-field="overall-verdict"]').textContent(), a.overall.verdict);
  assert.ok((await page.locator('[data-field="legend"]').textContent()).includes("above-target, " + meaning));

  // Partners above a cap (over-integrated) and below what the text asks of their role: each
  // flagged in its cell, and the reasons listed in the Markdown report's words.
  const md = (await api("api/report?format=markdown", mission)).text;
  const want = [];
  a.entities.forEach((e, i) => {
    for (const line of words.entities[i].under) want.push(e.name + ": " + line);
  });
  assert.ok(want.length > 0, "a partner below its floor");
  assert.deepEqual(await page.locator('[data-field="under"] li').allTextContents(), want);
  for (const [i, e] of a.entities.entries()) {
    const row = page.locator(`[data-entity-result="${e.name}"]`);
    assert.equal(await row.locator('[data-flag="under"]').count(), (e.under_integrated || []).length, e.name);
    assert.equal(await row.locator('[data-flag="over"]').count(), (e.over_integrated || []).length, e.name);
    for (const line of words.entities[i].under) assert.ok(md.includes(line), line);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("inconsistent ratings are warned, and a factor the context rules out says so", async () => {
  // The tiny rulebook with a factor that applies only where `flag` is true
  // and a consistency rule over e1 and b1.
  const tiny = fs.readFileSync(path.join(ROOT, "tests", "data", "tiny.toml"), "utf8");
  const rulebook = path.join(require("node:os").tmpdir(), "tiny-checks.toml");
  fs.writeFileSync(rulebook, tiny + `
[[factor]]
id = "h1"
polarity = "enabler"
theme = "t2"
title = "Relief enabler"
description = "an enabler where relief runs"
question = "how present is it?"
effort = "low"
remedy = "raise h1"
citation = { section = "Test", paragraph = 6, phrase = "sixth" }
applies-when = { flag = true }

[[consistency]]
id = "e1-against-b1"
all = [{ factor = "e1", at-least = "high" }, { factor = "b1", at-least = "high" }]
because = "e1 cannot be strong while b1 is"
citation = { section = "Test", paragraph = 7, phrase = "seventh" }
`);
  const other = await startServer(["--rulebook", rulebook]);
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e));
    await page.goto(other.url);
    await page.waitForSelector("body[data-ready=true]");
    await rate(page, "e1", "full");
    await rate(page, "b1", "high");
    await page.locator('[data-context="flag"]').selectOption({ label: "false" });
    const mission = JSON.stringify({
      mission: { name: "New mission" },
      context: { flag: false },
      evidence: { e1: { rating: "full" }, b1: { rating: "high" } },
    });
    const r = await fetch(other.url + "api/panel", { method: "POST", headers: { "Content-Type": "application/json" }, body: mission });
    const { assessment: a, words } = await r.json();
    assert.equal(a.inconsistencies.length, 1);
    await page.waitForFunction((n) => document.querySelectorAll('[data-field="warnings"] li').length === n, a.warnings.length);
    assert.deepEqual(await page.locator('[data-field="warnings"] li').allTextContents(), a.warnings);
    assert.ok(a.warnings.some((w) => w.includes("e1-against-b1") && w.includes("e1 cannot be strong while b1 is")));
    // The factors it names lead to their cards.
    assert.ok(await page.locator('[data-field="warnings"] [data-goto-factor="e1"]').count() > 0);
    // h1 does not apply while flag is false: its card says so, in the
    // reports' words, and stops saying so when flag is true.
    assert.deepEqual(words.ruled_out.factors, ["h1"]);
    const note = page.locator('[data-ruled-out="h1"]');
    await note.waitFor({ state: "visible" });
    assert.equal(await note.textContent(), words.ruled_out.text);
    assert.equal(await page.locator('[data-ruled-out="e1"]').isVisible(), false);
    await page.locator('[data-context="flag"]').selectOption({ label: "true" });
    await note.waitFor({ state: "hidden" });
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await other.stop();
  }
});
