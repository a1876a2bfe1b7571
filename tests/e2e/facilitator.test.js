// The facilitator's view of a panel of assessors: three assessors' files
// opened at once, their disagreements highlighted and listed in the API's
// order, Krippendorff's alpha as the API gives it, the agreed ratings
// settled with the assessment following and saved as a file that loads
// back, an anonymous round, the keyboard alone, a broken file named, a
// folder, and a phone.
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { ROOT, startServer, launchBrowser, poster } = require("./harness");

let server;
let browser;
let RB;

const SAMPLE = fs.readFileSync(path.join(ROOT, "examples", "missions", "consolidation-after-ceasefire.toml"), "utf8");
const NAMES = ["Amina Diallo", "Bertrand Okafor", "Chen Wei"];

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  RB = await (await fetch(server.url + "api/rulebook")).json();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

const api = (...args) => poster(server)(...args);

async function openPage(viewport = { width: 1400, height: 900 }) {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  // File choosers are caught from the start, so that one opened by a key
  // press at once is not missed.
  page.on("filechooser", () => {});
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready=true]");
  page.errors = errors;
  return page;
}

/** The sample with an assessor's name and, for each factor given, its
 * table replaced by this rating and note. */
function assessorFile(name, changes) {
  let text = SAMPLE.replace("[mission]\n", `[mission]\nassessor = "${name}"\n`);
  for (const [factor, rating, note] of changes) {
    const start = text.indexOf(`[evidence.${factor}]\n`);
    assert.ok(start >= 0, factor + " is in the sample");
    const body = start + `[evidence.${factor}]\n`.length;
    const rest = text.slice(body);
    const end = rest.search(/^(\[|# ---)/m);
    text = text.slice(0, body) + `rating = "${rating}"\nnote = "${note}"\n\n` + (end < 0 ? "" : rest.slice(end));
  }
  return text;
}

const F = {
  lead: "senior-leadership-cohesion",
  strategy: "common-planning-framework",
};

/** Three assessors: the first as the sample, the two others apart from it
 * and from each other on a few factors. */
function threeFiles() {
  return [
    ["amina.toml", assessorFile(NAMES[0], [[F.lead, "high", "Weekly meetings, one retreat"]])],
    ["bertrand.toml", assessorFile(NAMES[1], [[F.lead, "low", "The deputies do not attend"], [F.strategy, "none", "No shared objectives seen"]])],
    ["chen.toml", assessorFile(NAMES[2], [[F.lead, "none", "Cohesion on paper only"], [F.strategy, "full", "Six objectives agreed"]])],
  ];
}

function writeFiles(files, extra = []) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ir-panel-"));
  for (const [name, text] of files.concat(extra)) fs.writeFileSync(path.join(dir, name), text);
  return { dir, paths: files.map(([name]) => path.join(dir, name)) };
}

async function apiPanel(files) {
  const r = await api("api/assessors", JSON.stringify({ missions: files.map(([file, text]) => ({ file, text })) }));
  return r;
}

/** Opens the files through the header's button, as a user does. */
async function openPanel(page, paths, button = "#panel-button") {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.locator(button).click()]);
  assert.ok(chooser.isMultiple(), "the picker takes several files");
  await chooser.setFiles(paths);
  await page.waitForSelector("#facilitator:not([hidden]) [data-fac-factor]");
  await agreedSettled(page);
}

/** Waits until the agreed mission's assessment has come back. */
async function agreedSettled(page) {
  await page.waitForFunction(() => document.body.dataset.agreedSeq && document.querySelector('[data-field="agreed-overall"]').textContent !== "");
}

function levelTitle(id) {
  const l = RB.levels.find((x) => x.id === id);
  return l && l.title ? l.title : id;
}

test("three assessors' files: disagreements highlighted and listed in the API's order, alpha and the panel's assessment the API's", async () => {
  const files = threeFiles();
  const { paths } = writeFiles(files);
  const answer = await apiPanel(files);
  assert.equal(answer.status, 200, answer.text);
  const panel = answer.json().panel;
  const page = await openPage();
  await openPanel(page, paths);
  assert.equal(await page.locator("main.layout").isVisible(), false, "the view replaces the questionnaire");
  assert.match(await page.locator("#fac-heading").textContent(), /Panel of assessors: UN Integrated Mission in Lomaro/);
  assert.deepEqual(await page.locator(".fac-who .who").allTextContents(), NAMES);

  // The disagreements (not `agree`) are highlighted, and only they.
  const disputed = panel.factors.filter((f) => !f.agree).map((f) => f.id);
  assert.deepEqual(disputed.sort(), [F.lead, F.strategy].sort());
  const shown = await page.locator("article.fac-factor.disputed").evaluateAll((cs) => cs.map((c) => c.dataset.facFactor));
  assert.deepEqual(shown.sort(), disputed.sort());
  const border = (id) => page.locator(`#panel-factor-${id}`).evaluate((e) => getComputedStyle(e).borderLeftColor);
  const agreed = panel.factors.find((f) => f.agree).id;
  assert.notEqual(await border(F.lead), await border(agreed), "a disagreement is marked apart from an agreement");
  assert.equal(await page.locator(`#panel-factor-${F.lead} .disputed-tag`).textContent(), "disagreement");

  // Each assessor's rating and note, side by side, in the panel's order.
  const lead = panel.factors.find((f) => f.id === F.lead);
  const rows = page.locator(`#panel-factor-${F.lead} .fac-rating`);
  assert.equal(await rows.count(), 3);
  for (let i = 0; i < 3; i++) {
    const row = rows.nth(i);
    assert.equal(await row.locator(".who").textContent(), NAMES[i]);
    assert.equal(await row.locator('[data-field="rating"]').textContent(), lead.ratings[i]);
    assert.equal(await row.locator(".note").textContent(), lead.notes[i]);
  }
  const boxes = await Promise.all([".who", '[data-field="rating"]', ".note"].map((s) => rows.nth(1).locator(s).boundingBox()));
  assert.ok(boxes[0].x < boxes[1].x && boxes[1].x < boxes[2].x && Math.abs(boxes[0].y - boxes[2].y) < 4, "name, rating and note on one line");

  // What to discuss first, in the API's order, each with its levels at the
  // least and most favourable rating; those that change nothing marked.
  assert.ok(panel.discuss.length >= 2);
  assert.deepEqual(await page.locator("[data-discuss]").evaluateAll((l) => l.map((e) => e.dataset.discuss)), panel.discuss.map((d) => d.factor));
  for (const d of panel.discuss) {
    const item = page.locator(`[data-discuss="${d.factor}"]`);
    assert.equal(await item.getAttribute("data-changes"), String(d.changes));
    assert.equal(await item.locator('[data-field="changes-nothing"]').count(), d.changes ? 0 : 1);
    assert.deepEqual(await item.locator("[data-swing]").evaluateAll((l) => l.map((e) => e.dataset.swing)), d.swings.map((s) => s.dimension));
    for (const s of d.swings) {
      const sw = item.locator(`[data-swing="${s.dimension}"]`);
      assert.equal(await sw.locator('[data-field="level-least"]').textContent(), levelTitle(s.level[0]));
      assert.equal(await sw.locator('[data-field="level-most"]').textContent(), levelTitle(s.level[1]));
      assert.equal(await sw.locator('[data-field="verdict-least"]').textContent(), s.verdict[0] || "undetermined");
      assert.equal(await sw.locator('[data-field="verdict-most"]').textContent(), s.verdict[1] || "undetermined");
    }
  }

  // Alpha as the API gives it, overall, per theme and per dimension, with
  // its pairable values.
  const alphas = [["overall", panel.reliability.overall]]
    .concat(panel.reliability.themes.map((a) => ["theme:" + a.id, a]))
    .concat(panel.reliability.dimensions.map((a) => ["dimension:" + a.id, a]));
  assert.equal(await page.locator("[data-alpha]").count(), alphas.length);
  for (const [key, a] of alphas) {
    const row = page.locator(`[data-alpha="${key}"]`);
    const cell = row.locator('[data-field="alpha"]');
    if (a.value === null) {
      assert.equal(await cell.textContent(), "–");
      assert.equal(await row.locator('[data-field="why-not"]').textContent(), a.why_not);
    } else {
      assert.equal(Number(await cell.getAttribute("data-value")), a.value, key);
      assert.equal(await cell.textContent(), a.value.toFixed(3));
    }
    assert.equal(await row.locator('[data-field="pairable"]').textContent(), String(a.pairable));
  }
  assert.equal(typeof panel.reliability.overall.value, "number");

  // The panel's assessment per dimension: point score, range left open,
  // level range, verdict and whether the disagreement can change it.
  for (const d of panel.dimensions) {
    const box = page.locator(`[data-fac-dimension="${d.id}"]`);
    assert.equal(Number(await box.locator('[data-field="score"]').getAttribute("data-value")), d.score);
    assert.equal(await box.locator('[data-field="range"]').textContent(), d.score_range[0].toFixed(1) + "–" + d.score_range[1].toFixed(1));
    const [lo, hi] = d.level_range;
    assert.equal(await box.locator('[data-field="level-range"]').textContent(), lo === hi ? levelTitle(lo) : levelTitle(lo) + " to " + levelTitle(hi));
    assert.equal(await box.locator('[data-field="verdict"]').textContent(), d.verdict);
    assert.equal(await box.getAttribute("data-settled"), String(d.settled));
    if (!d.settled) {
      assert.equal(await box.locator('[data-field="verdict-low"]').textContent(), d.verdict_range[0] || "undetermined");
      assert.equal(await box.locator('[data-field="verdict-high"]').textContent(), d.verdict_range[1] || "undetermined");
    }
  }
  assert.ok(panel.dimensions.some((d) => !d.settled), "the sample leaves a verdict open");
  // No context split among these files: none is shown.
  assert.equal(await page.locator('[data-field="context-splits"]').count(), 0);

  // The filter keeps only the disagreements.
  await page.locator("#fac-only-disputed").check();
  assert.deepEqual((await page.locator("article.fac-factor:visible").evaluateAll((l) => l.map((e) => e.dataset.facFactor))).sort(), disputed.sort());
  await page.locator("#fac-only-disputed").uncheck();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(os.tmpdir(), "facilitator-desktop.png") });
  await page.locator(`#panel-factor-${F.lead}`).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(os.tmpdir(), "facilitator-cards.png") });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the agreed rating of a disputed factor moves the assessment live, and the agreed file saves and loads back", async () => {
  const files = threeFiles();
  const { paths } = writeFiles(files);
  const { panel, settled } = (await apiPanel(files)).json();
  const page = await openPage();
  await openPanel(page, paths);

  // At first the agreed mission is the panel's medians: the numbers are the panel's.
  const first = panel.discuss.find((d) => d.changes);
  const median = panel.factors.find((f) => f.id === first.factor).median;
  const select = page.locator(`[data-agreed="${first.factor}"]`);
  assert.equal(await select.inputValue(), median, "the agreed rating starts at the median");
  assert.equal(await page.locator(`#panel-factor-${first.factor} [data-field="from-median"]`).textContent(), "the median");
  assert.equal(await page.locator('[data-field="agreed-overall"]').textContent(), panel.overall.score.toFixed(1));
  // Only factors the assessors are not unanimous on are settled here.
  const unanimous = panel.factors.find((f) => f.agree && f.ratings.every((r) => r === f.ratings[0]));
  assert.equal(await page.locator(`#panel-factor-${unanimous.id} select`).count(), 0);

  // Settle it at the other end of the disagreement: the assessment follows the API's.
  const to = median === first.least ? first.most : first.least;
  await select.selectOption(to);
  const edited = JSON.parse(JSON.stringify(settled));
  edited.evidence[first.factor].rating = to;
  const a = (await api("api/assess", JSON.stringify(edited))).json();
  await page.waitForFunction((s) => document.querySelector('[data-field="agreed-overall"]').textContent === s, a.overall.score.toFixed(1));
  assert.notEqual(a.overall.score.toFixed(1), panel.overall.score.toFixed(1), "the change moves the overall score");
  for (const d of a.dimensions) {
    const box = page.locator(`[data-fac-dimension="${d.id}"]`);
    assert.equal(Number(await box.locator('[data-field="agreed-score"]').getAttribute("data-value")), d.score);
    assert.equal(await box.locator('[data-field="agreed-verdict-word"]').textContent(), d.verdict);
  }
  assert.match(await page.locator(`#panel-factor-${first.factor} [data-field="from-median"]`).textContent(), /changed from the median/);
  assert.equal(await page.locator(`[data-discuss="${first.factor}"] [data-field="discuss-agreed"]`).textContent(), to.replace("-", " "));
  // The panel's own numbers stay as the panel gave them.
  const d0 = panel.dimensions[0];
  assert.equal(Number(await page.locator(`[data-fac-dimension="${d0.id}"] [data-field="score"]`).getAttribute("data-value")), d0.score);

  // Leaving with the agreed ratings not saved asks first.
  const wouldAsk = () => page.evaluate(() => {
    const e = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(e);
    return e.defaultPrevented;
  });
  assert.equal(await wouldAsk(), true);

  // Saved as TOML, it loads back as the agreed mission.
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#fac-save").click()]);
  assert.match(download.suggestedFilename(), /-agreed\.toml$/);
  const toml = fs.readFileSync(await download.path(), "utf8");
  const back = await api("api/mission", toml, "application/toml");
  assert.equal(back.status, 200, back.text);
  const want = (await api("api/mission", JSON.stringify(edited))).json();
  assert.deepEqual(back.json(), want);
  assert.equal(back.json().evidence[first.factor].rating, to);
  assert.match(await page.locator("#fac-status").textContent(), /Saved .*-agreed\.toml/);
  assert.equal(await wouldAsk(), false);

  // The agreed mission goes into the questionnaire to be finished there.
  await page.locator("#fac-edit").click();
  assert.equal(await page.locator("#facilitator").isVisible(), false);
  assert.equal(await page.locator(`[data-factor="${first.factor}"] input:checked`).getAttribute("value"), to);
  await page.waitForFunction((s) => document.querySelector('[data-field="overall-score"]').textContent === s, a.overall.score.toFixed(1));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("assessors who state the context differently are shown first: the panel is not comparing like with like", async () => {
  const files = threeFiles();
  files[2][1] = files[2][1].replace('phase = "consolidation"', 'phase = "drawdown"');
  const { paths } = writeFiles(files);
  const { panel } = (await apiPanel(files)).json();
  assert.deepEqual(panel.context_splits.map((c) => c.key), ["phase"]);
  const page = await openPage();
  await openPanel(page, paths);
  const order = await page.locator("#fac-body > section").evaluateAll((l) => l.map((e) => e.dataset.field));
  assert.equal(order[0], "context-splits", "the context comes before the panel's assessment: " + order.join(", "));
  const row = page.locator('[data-split="phase"] td');
  assert.deepEqual(await row.allTextContents(), panel.context_splits[0].values.map((v) => String(v)));
  assert.deepEqual(await page.locator('[data-field="context-splits"] th[data-assessor]').allTextContents(), NAMES);
  await page.locator("#fac-anonymous").check();
  assert.deepEqual(await page.locator('[data-field="context-splits"] th[data-assessor]').allTextContents(), ["A", "B", "C"]);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the anonymous toggle hides every assessor's name, and shows them again", async () => {
  // A name in the server's own sentences too: the third assessor's
  // entities differ from the first's.
  const files = threeFiles();
  files[2][1] = files[2][1].replace('name = "UNDP"', 'name = "UNDP country office"');
  assert.notEqual(files[2][1], threeFiles()[2][1], "the sample has an entity to rename");
  const { paths } = writeFiles(files);
  const { panel } = (await apiPanel(files)).json();
  assert.ok(panel.warnings.some((w) => w.includes(NAMES[0])), "a warning names an assessor: " + panel.warnings.join(" / "));
  const page = await openPage();
  await openPanel(page, paths);
  const names = () => page.evaluate((ns) => {
    const text = document.body.innerText + document.getElementById("facilitator").outerHTML;
    return ns.filter((n) => text.includes(n) || text.includes(n.split(" ")[0]));
  }, NAMES);
  assert.deepEqual(await names(), NAMES);

  await page.locator("#fac-anonymous").focus();
  await page.keyboard.press("Space");
  assert.equal(await page.locator("#fac-anonymous").isChecked(), true);
  assert.deepEqual(await names(), [], "no name anywhere in the page");
  assert.deepEqual(await page.locator(".fac-who .who").allTextContents(), ["A", "B", "C"]);
  assert.deepEqual(await page.locator(`#panel-factor-${F.lead} .fac-rating .who`).allTextContents(), ["A", "B", "C"]);
  assert.ok((await page.locator('[data-field="panel-warnings"]').textContent()).includes("keeps those of A"));
  // The ratings themselves are still shown, in the same order.
  const lead = panel.factors.find((f) => f.id === F.lead);
  assert.deepEqual(await page.locator(`#panel-factor-${F.lead} [data-field="rating"]`).allTextContents(), lead.ratings);
  await page.screenshot({ path: path.join(os.tmpdir(), "facilitator-anonymous.png") });

  await page.keyboard.press("Space");
  assert.deepEqual(await names(), NAMES);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the keyboard alone opens the panel, reaches every control with its focus shown, settles and saves", async () => {
  const files = threeFiles();
  const { paths } = writeFiles(files);
  const { panel } = (await apiPanel(files)).json();
  const page = await openPage();
  let reached = false;
  for (let i = 0; i < 12 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await page.evaluate(() => document.activeElement.id === "panel-button");
  }
  assert.ok(reached, "the button is reached by Tab");
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Enter")]);
  await chooser.setFiles(paths);
  await page.waitForSelector("#facilitator:not([hidden]) [data-fac-factor]");
  await agreedSettled(page);
  assert.equal(await page.evaluate(() => document.activeElement.id), "fac-heading", "the keyboard lands on the panel");

  // Tab from the panel's heading to the end of the page.
  const seen = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement === document.body)) break;
    seen.push(await page.evaluate(() => {
      const e = document.activeElement;
      const s = getComputedStyle(e);
      const r = e.getBoundingClientRect();
      return {
        id: e.id || e.closest("[data-discuss]")?.dataset.discuss || e.tagName,
        outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2,
        inView: r.top >= 0 && r.bottom <= window.innerHeight,
      };
    }));
  }
  const ids = seen.map((s) => s.id);
  const wanted = ["fac-files", "fac-folder", "fac-anonymous", "fac-save", "fac-edit", "fac-close", panel.discuss[0].factor, "fac-only-disputed"]
    .concat(panel.discuss.map((d) => "agreed-" + d.factor));
  for (const want of wanted) {
    assert.ok(ids.includes(want), want + " is reached by Tab: " + ids.join(", "));
  }
  for (const s of seen) {
    assert.ok(s.outline, "focus is visible on " + JSON.stringify(s) + " after " + ids.join(", "));
    assert.ok(s.inView, s.id + " is in view when focused");
  }

  // From the list of what to discuss, Enter goes to the factor's agreed
  // rating; an arrow key changes it, and the assessment follows.
  const first = panel.discuss[0];
  await page.locator(`[data-discuss="${first.factor}"] button`).focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction((id) => document.activeElement.dataset.agreed === id, first.factor);
  const before = await page.locator(`[data-agreed="${first.factor}"]`).inputValue();
  await page.keyboard.press(before === "none" ? "ArrowDown" : "ArrowUp");
  const after = await page.locator(`[data-agreed="${first.factor}"]`).inputValue();
  assert.notEqual(after, before);
  const edited = (await apiPanel(files)).json().settled;
  edited.evidence[first.factor].rating = after;
  const a = (await api("api/assess", JSON.stringify(edited))).json();
  await page.waitForFunction((s) => document.querySelector('[data-field="agreed-overall"]').textContent === s, a.overall.score.toFixed(1));

  // Save and close from the keyboard.
  await page.locator("#fac-save").focus();
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  assert.equal((await api("api/mission", fs.readFileSync(await download.path(), "utf8"), "application/toml")).json().evidence[first.factor].rating, after);
  await page.locator("#fac-close").focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("main.layout").isVisible(), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), "panel-button", "focus goes back where the user came from");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a broken file's problem is shown with its file name where the user acted, and a good panel is kept", async () => {
  const files = threeFiles();
  files[1] = ["bertrand.toml", files[1][1].replace(`rating = "low"`, `rating = "lowish"`)];
  const { paths } = writeFiles(files);
  const refused = await apiPanel(files);
  assert.equal(refused.status, 422);
  const problem = refused.json().problems[0];
  assert.equal(problem.file, "bertrand.toml");

  const page = await openPage({ width: 1400, height: 700 });
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.locator("#panel-button").click()]);
  await chooser.setFiles(paths);
  await page.waitForSelector("#status.error");
  const status = page.locator("#status");
  assert.equal(await status.getAttribute("role"), "alert");
  const said = `bertrand.toml: line ${problem.line}:${problem.column}, ${problem.path}: ${problem.message}`;
  assert.equal(await status.locator('[data-file="bertrand.toml"]').textContent(), said);
  assert.match(problem.message, /lowish/);
  assert.equal(await page.locator("#facilitator").isVisible(), false, "no panel from files with problems");
  const box = await status.boundingBox();
  assert.ok(box.y >= 0 && box.y + box.height <= 700, "the message is on screen beside the button");

  // From inside the view, the problem shows beside the view's buttons, and
  // the panel open stays.
  const good = writeFiles(threeFiles());
  await page.locator("#status button").click();
  await openPanel(page, good.paths);
  const [again] = await Promise.all([page.waitForEvent("filechooser"), page.locator("#fac-files").click()]);
  await again.setFiles(paths);
  await page.waitForSelector("#fac-status.error");
  assert.equal(await page.locator('#fac-status [data-file="bertrand.toml"]').textContent(), said);
  assert.equal(await page.locator("#fac-status").getAttribute("role"), "alert");
  assert.deepEqual(await page.locator(".fac-who .who").allTextContents(), NAMES, "the open panel is kept");
  await page.screenshot({ path: path.join(os.tmpdir(), "facilitator-problem.png") });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a folder of files opens as a panel; what is not a mission file is left out", async () => {
  const files = threeFiles();
  const { dir } = writeFiles(files, [["README.txt", "not a mission"]]);
  const page = await openPage();
  await openPanel(page, writeFiles(threeFiles().slice(0, 2)).paths);
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.locator("#fac-folder").click()]);
  await chooser.setFiles(dir);
  await page.waitForFunction(() => document.querySelectorAll(".fac-who .who").length === 3);
  assert.deepEqual(await page.locator(".fac-who .who").allTextContents(), NAMES);
  assert.match(await page.locator("#fac-status").textContent(), /Opened the panel of 3 assessors; 1 file that is not a mission file left out/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("on a phone the view fits the width: no sideways scrolling, nothing off the screen", async () => {
  const width = 390, height = 844;
  const files = threeFiles();
  const { paths } = writeFiles(files);
  const page = await openPage({ width, height });
  // The header has no room for the button: it is at the top of the questionnaire.
  assert.equal(await page.locator("#panel-button").isVisible(), false);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, "no horizontal scrolling on the questionnaire");
  await openPanel(page, paths, "#panel-button-narrow");
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, "no horizontal scrolling");
  const off = await page.evaluate((w) => {
    const out = [];
    for (const e of document.querySelectorAll("#facilitator *, header.topbar *")) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || e.closest(".fac-scroll")) continue;
      if (r.left < -1 || r.right > w + 1) out.push(e.tagName + "." + e.className + " " + (e.textContent || "").slice(0, 40));
    }
    return out;
  }, width);
  assert.deepEqual(off, []);
  // The tables that may grow with the panel scroll within themselves.
  for (const t of await page.locator(".fac-scroll").all()) {
    const b = await t.boundingBox();
    assert.ok(b.x >= 0 && b.x + b.width <= width + 1);
  }
  await page.screenshot({ path: path.join(os.tmpdir(), "facilitator-phone.png") });
  // Back to the questionnaire, the keyboard is on the button that opened the panel.
  await page.locator("#fac-close").click();
  assert.equal(await page.evaluate(() => document.activeElement.id), "panel-button-narrow");
  await openPanel(page, paths, "#panel-button-narrow");
  await page.locator(`#panel-factor-${F.lead}`).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(os.tmpdir(), "facilitator-phone-cards.png") });
  assert.deepEqual(page.errors, []);
  await page.close();
});
