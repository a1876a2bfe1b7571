// The questionnaire in a planning workshop: work kept through a reload and
// a warning before leaving unsaved work, every control by keyboard with its
// focus visible, errors beside the control the user acted on, a broken file
// opened to be fixed in the page, and a phone.
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
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready=true]");
  page.errors = errors;
  return page;
}

async function pageMission(page) {
  const r = await api("api/mission", await page.evaluate(() => JSON.stringify(M)));
  assert.equal(r.status, 200, r.text);
  return r.json();
}

async function rate(page, factor, word) {
  await page.locator(`[data-factor="${factor}"] input[value="${word}"]`).check({ force: true });
}

function inViewport(page, selector) {
  return page.locator(selector).first().evaluate((e) => {
    const r = e.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight + 1 && r.left >= 0 && r.right <= window.innerWidth + 1;
  });
}

function tmpFile(name, text) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ir-e2e-")), name);
  fs.writeFileSync(file, text);
  return file;
}

/** Whether leaving the page now would ask first: the page's beforeunload
 * handlers run on a cancelable event, as the browser runs them (headless
 * Chromium shows no dialog for it, so the event is sent here). */
async function wouldAsk(page) {
  return page.evaluate(() => {
    const e = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(e);
    return e.defaultPrevented;
  });
}

test("the work is kept in the browser through a reload, said so, and can be discarded", async () => {
  const page = await openPage();
  const [f1, f2] = RB.factors;
  await page.locator("#mission-name").fill("Workshop mission");
  await rate(page, f1.id, "high");
  await page.locator(`[data-note="${f1.id}"]`).fill("Said in the workshop");
  await rate(page, f2.id, "low");
  const before = await pageMission(page);
  assert.equal(await page.locator("#draft-notice").isVisible(), false, "no notice on a fresh page");

  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert.deepEqual(await pageMission(page), before);
  assert.equal(await page.locator(`[data-factor="${f1.id}"] input:checked`).getAttribute("value"), "high");
  assert.equal(await page.locator(`[data-note="${f1.id}"]`).inputValue(), "Said in the workshop");
  assert.equal(await page.locator("#mission-name").inputValue(), "Workshop mission");
  const notice = page.locator("#draft-notice");
  assert.ok(await notice.isVisible());
  assert.match(await notice.textContent(), /Restored the work kept in this browser.*not saved as a file yet/);
  // The restored numbers are the API's for the restored mission.
  const a = (await api("api/assess", JSON.stringify(before))).json();
  await page.waitForFunction((s) => document.querySelector('[data-field="overall-score"]').textContent === s, a.overall.score.toFixed(1));

  // Discarding goes back to the mission the server started with (none: a blank one).
  await page.locator("#draft-discard").click();
  assert.equal(await notice.isVisible(), false);
  assert.equal(await page.locator(`[data-factor="${f1.id}"] input:checked`).getAttribute("value"), "unknown");
  assert.deepEqual((await pageMission(page)).evidence, undefined);
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.locator(`[data-factor="${f1.id}"] input:checked`).getAttribute("value"), "unknown");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("leaving with changes not saved as a file asks first; after Save as TOML it does not", async () => {
  const page = await openPage();
  assert.equal(await wouldAsk(page), false, "a page with nothing changed closes without asking");
  await rate(page, RB.factors[0].id, "full");
  assert.equal(await wouldAsk(page), true);
  // A report is not the mission: after one, leaving still asks.
  const [report] = await Promise.all([page.waitForEvent("download"), page.locator('[data-report="html"]').click()]);
  await report.path();
  assert.equal(await wouldAsk(page), true);
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#save-toml").click()]);
  await download.path();
  assert.equal(await wouldAsk(page), false, "saved as a file, the page closes without asking");
  await page.locator(`[data-note="${RB.factors[0].id}"]`).fill("one more word");
  assert.equal(await wouldAsk(page), true);
  // A file opened as it is has nothing unsaved.
  await page.locator("#open-file").setInputFiles(path.join(ROOT, "examples", "missions", "poorly-evidenced.toml"));
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("Opened"));
  assert.equal(await wouldAsk(page), false);
  await page.close();
});

test("every control is reached by Tab with its focus visible, and Open… works from the keyboard", async () => {
  const page = await openPage();
  // Tab from the top through the header, the mission, the context, the
  // entities and the first factors.
  const seen = [];
  for (let i = 0; i < 45; i++) {
    await page.keyboard.press("Tab");
    seen.push(await page.evaluate(() => {
      const e = document.activeElement;
      // A rating's radio is drawn by the label's span beside it.
      const shown = e.type === "radio" ? e.nextElementSibling : e;
      const s = getComputedStyle(shown);
      const r = shown.getBoundingClientRect();
      return {
        id: e.id || e.dataset.report || e.getAttribute("aria-label") || e.tagName,
        tag: e.tagName,
        outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2,
        inView: r.top >= 0 && r.bottom <= window.innerHeight,
      };
    }));
  }
  const ids = seen.map((s) => s.id);
  for (const want of ["new-mission", "open-button", "save-toml", "html", "markdown", "json", "mission-name", "add-entity", "only-unrated"]) {
    assert.ok(ids.includes(want), want + " is reached by Tab: " + ids.join(", "));
  }
  assert.ok(seen.some((s) => s.tag === "SUMMARY"), "the details open by keyboard");
  for (const s of seen) {
    assert.ok(s.outline, "focus is visible on " + JSON.stringify(s));
    assert.ok(s.inView, s.id + " is scrolled into view when focused");
  }

  // Open… from the keyboard opens the file chooser.
  await page.locator("#save-toml").focus();
  await page.keyboard.press("Shift+Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "open-button");
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Enter")]);
  await chooser.setFiles(path.join(ROOT, "examples", "missions", "poorly-evidenced.toml"));
  await page.waitForFunction(() => document.getElementById("status").textContent === "Opened poorly-evidenced.toml");

  // A rating is changed with the arrow keys.
  const f = RB.factors[0].id;
  const before = await page.locator(`[data-factor="${f}"] input:checked`).getAttribute("value");
  await page.locator(`[data-factor="${f}"] input:checked`).focus();
  await page.keyboard.press("ArrowRight");
  const words = ["none", "low", "partial", "high", "full", "unknown", "not-applicable"];
  const after = words[(words.indexOf(before) + 1) % words.length];
  assert.equal(await page.locator(`[data-factor="${f}"] input:checked`).getAttribute("value"), after);
  assert.equal((await pageMission(page)).evidence[f].rating, after);
  assert.deepEqual(page.errors, []);
  await page.close();
});

const BROKEN = (factor, other) => `[mission]
name = "Broken in the workshop"
date = "2026-12-01"

[context]
mandate = "multidimensionnal"
conflict = "active"

[evidence.${factor}]
rating = "mostly"
note = "Kept note"
sources = ["Kept source"]

[evidence.${factor}x]
rating = "high"

[evidence.${other}]
rating = "high"

[[entity]]
name = "OCHA"
role = "humanitarian"

[[entity]]
name = "Nobody"
role = "alien"

[[entity]]
name = "UNDP"
role = "development"
`;

test("a broken file opens into the page with its problems beside their fields, to be fixed there", async () => {
  const page = await openPage({ width: 1400, height: 700 });
  const [f1, f2] = RB.factors;
  const text = BROKEN(f1.id, f2.id);
  const file = tmpFile("broken.toml", text);
  const refused = await api("api/mission", text, "application/toml");
  assert.equal(refused.status, 422);
  const problems = refused.json().problems;
  assert.equal(problems.length, 4, refused.text);

  await page.locator("#open-file").setInputFiles(file);
  const status = page.locator("#status");
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("Opened broken.toml with"));
  assert.equal(await status.getAttribute("role"), "alert");
  assert.ok(await inViewport(page, "#status"), "the message is where the user acted");
  assert.match(await status.textContent(), /with 4 problems/);

  // Each problem beside its field, in the server's words with its place.
  const beside = async (host) => page.locator(`${host} .field-problem`).allTextContents();
  const byPath = (p) => problems.find((x) => x.path === p);
  const rating = byPath(`evidence.${f1.id}.rating`);
  assert.deepEqual(await beside(`#factor-${f1.id}`), [`line ${rating.line}:${rating.column}, ${rating.path}: ${rating.message}`]);
  assert.equal(rating.line, 10);
  const mandate = byPath("context.mandate");
  assert.deepEqual(await beside('[data-context-field="mandate"]'), [`line 6:${mandate.column}, context.mandate: ${mandate.message}`]);
  // The second entity could not be read; its problem is in the entities card.
  const role = byPath("entity[2].role");
  assert.ok((await beside("#entities-card")).some((t) => t.includes("entity[2].role: " + role.message) && t.includes("line 26")));
  // The misspelt factor has no field: it is listed in the message.
  const unknown = byPath(`evidence.${f1.id}x`);
  assert.ok((await status.textContent()).includes(unknown.message));
  assert.equal(await page.locator(`[data-problem="evidence.${f1.id}x"]`).count(), 0);

  // What could be read is in the page: the note and source of the factor
  // whose rating could not be read (now unknown), the other factor, the
  // readable context and entities.
  const m = await pageMission(page);
  assert.equal(m.mission.name, "Broken in the workshop");
  assert.deepEqual(m.evidence[f1.id], { rating: "unknown", note: "Kept note", sources: ["Kept source"] });
  assert.equal(m.evidence[f2.id].rating, "high");
  assert.deepEqual(m.context, { conflict: "active" });
  assert.deepEqual(m.entity.map((e) => e.name), ["OCHA", "UNDP"]);
  // The first problem is scrolled into view and its field focused.
  assert.ok(await inViewport(page, ".field-problem"));
  assert.equal(await page.evaluate(() => document.activeElement.closest(".has-problem") !== null), true);
  // The problems are announced.
  assert.equal(await page.locator(".field-problem").first().getAttribute("role"), "alert");

  // Fixing a field in the page takes its problem away; the mission is not
  // saved as a file until the user saves it.
  await rate(page, f1.id, "partial");
  assert.deepEqual(await beside(`#factor-${f1.id}`), []);
  await page.locator('[data-context="mandate"]').selectOption({ label: "multidimensional" });
  assert.deepEqual(await beside('[data-context-field="mandate"]'), []);
  assert.equal(await page.evaluate(() => document.body.dataset.unsaved), "true");
  const fixed = await pageMission(page);
  assert.equal(fixed.context.mandate, "multidimensional");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a JSON file with problems opens the same way", async () => {
  const page = await openPage();
  const [f1] = RB.factors;
  const doc = {
    mission: { name: "JSON broken" },
    evidence: { [f1.id]: { rating: "mostly", note: "Kept" } },
    entity: [{ name: "Nobody", role: "alien" }, { name: "OCHA", role: "humanitarian" }],
  };
  const file = tmpFile("broken.json", JSON.stringify(doc, null, 2));
  await page.locator("#open-file").setInputFiles(file);
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("Opened broken.json with 2 problems"));
  const m = await pageMission(page);
  assert.deepEqual(m.evidence[f1.id], { rating: "unknown", note: "Kept" });
  assert.deepEqual(m.entity.map((e) => e.name), ["OCHA"]);
  assert.equal(await page.locator(`#factor-${f1.id} .field-problem`).count(), 1);
  assert.equal(await page.locator("#entities-card > .field-problem").count(), 1);
  await page.close();
});

test("a file that cannot be read at all is refused beside the buttons, and the mission is kept", async () => {
  const page = await openPage({ width: 1400, height: 700 });
  await page.locator("#mission-name").fill("Kept");
  // Scrolled far down, as in a workshop: the message still shows on screen.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.locator("#open-file").setInputFiles(tmpFile("garbage.toml", "this is = = not toml [\n"));
  await page.waitForSelector("#status.error");
  assert.equal(await page.locator("#status").getAttribute("role"), "alert");
  assert.match(await page.locator("#status").textContent(), /garbage\.toml cannot be opened: ?line 1:/);
  assert.ok(await inViewport(page, "#status"));
  assert.equal(await page.locator("#mission-name").inputValue(), "Kept");
  await page.close();
});

test("on a phone: a compact header, the score in view while rating, no clipped badge, no sideways scrolling", async () => {
  const width = 390, height = 844;
  const page = await openPage({ width, height });
  await page.locator("#open-file").setInputFiles(path.join(ROOT, "examples", "missions", "consolidation-after-ceasefire.toml"));
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("Opened"));
  await page.locator("#status button").count(); // the message sits in the header until the next action
  await page.evaluate(() => document.getElementById("status").replaceChildren());
  const header = await page.locator("header.topbar").boundingBox();
  assert.ok(header.height <= height / 8, "the header takes " + header.height + " px of " + height);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, "no horizontal scrolling");

  // Rate a factor far down the page: the scores stay in view and follow the API.
  const f = RB.factors[12].id;
  await page.locator(`#factor-${f}`).scrollIntoViewIfNeeded();
  await rate(page, f, "none");
  const a = (await api("api/assess", await page.evaluate(() => JSON.stringify(M)))).json();
  await page.waitForFunction((s) => document.querySelector('[data-field="bar-overall-score"]').textContent === s, a.overall.score.toFixed(1));
  assert.ok(await inViewport(page, ".scorebar"), "the score is on screen while rating");
  assert.ok(await inViewport(page, `#factor-${f} .rating`));
  for (const d of a.dimensions) {
    assert.equal(await page.locator(`[data-bar-dimension="${d.id}"] strong`).textContent(), d.score.toFixed(1));
  }
  assert.equal(await page.locator('[data-field="bar-overall-verdict"]').textContent(), a.overall.verdict);

  // No badge, verdict or button is clipped or off the screen, anywhere on the page.
  const clipped = await page.evaluate((w) => {
    const out = [];
    for (const e of document.querySelectorAll(".badge, .verdict, .provisional, .factor-id, .flag, button, .rating .word span")) {
      const r = e.getBoundingClientRect();
      if (r.width === 0) continue; // not shown
      if (r.left < 0 || r.right > w || e.scrollWidth > e.clientWidth + 1) out.push(e.className + " " + e.textContent);
    }
    return out;
  }, width);
  assert.deepEqual(clipped, []);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width);
  await page.screenshot({ path: path.join(os.tmpdir(), "questionnaire-phone.png") });
  assert.deepEqual(page.errors, []);
  await page.close();
});
