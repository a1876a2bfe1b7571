// The HTML report (`assess --format html`) printed on A4 in Chromium, and
// read on a phone: every sample mission prints in at most half the pages
// the report took before its print rules (counted on 7 December 2026 in the
// same way: Chromium's page.pdf({format: "A4"})), every table repeats its
// header row, and a phone's screen holds the page without sideways scrolling.
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { ROOT, launchBrowser } = require("./harness");

const BIN = process.env.IR_BIN || path.join(ROOT, "target", "debug", "integration-readiness");

// Pages before the print rules, per sample.
const BEFORE = {
  "compare-2008": 12,
  "compare-2009": 15,
  "consolidation-after-ceasefire": 16,
  "drawdown-transition": 17,
  "political-mission": 16,
  "poorly-evidenced": 11,
  "start-up-active-conflict": 14,
};

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  if (browser) await browser.close();
});

function report(name) {
  return execFileSync(BIN, ["assess", "--format", "html", path.join(ROOT, "examples", "missions", name + ".toml")], { encoding: "utf8" });
}

function pages(pdf) {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) || []).length;
}

test("every sample is listed", () => {
  const samples = fs.readdirSync(path.join(ROOT, "examples", "missions")).filter((f) => f.endsWith(".toml")).map((f) => f.slice(0, -5)).sort();
  assert.deepEqual(samples, Object.keys(BEFORE).sort());
});

for (const [name, was] of Object.entries(BEFORE)) {
  test(`${name}: at most half its former pages on A4, tables with repeated headers, and a phone's width`, async () => {
    const html = report(name);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.setContent(html);
    const pdf = await page.pdf({ format: "A4" });
    const n = pages(pdf);
    assert.ok(n >= 2 && n <= Math.floor(was / 2), `${name}: ${n} pages, at most ${Math.floor(was / 2)}`);
    // Every table's header row is a thead, which the browser repeats on each page.
    const tables = await page.evaluate(() => [...document.querySelectorAll("table")].map((t) => [!!t.tHead, t.querySelectorAll("tr").length - (t.tHead ? t.tHead.rows.length : 0)]));
    assert.ok(tables.length > 0);
    for (const [head, rows] of tables) {
      assert.ok(head, "a table with its header in a thead");
      assert.ok(rows > 0, "no table of a header alone");
    }
    // The chart is on the first page, printed with the overall result: the
    // page breaks before nothing of it (print media, A4 content height).
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: 756, height: 1000 });
    const chartBottom = await page.evaluate(() => document.querySelector(".chart").getBoundingClientRect().bottom);
    const a4ContentPx = ((297 - 11 - 12) / 25.4) * 96;
    assert.ok(chartBottom < a4ContentPx, `the chart ends at ${chartBottom} px, within the first page's ${a4ContentPx} px`);
    await page.close();

    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.setContent(html);
    assert.equal(await phone.locator('meta[name="viewport"]').getAttribute("content"), "width=device-width, initial-scale=1");
    assert.equal(await phone.evaluate(() => document.documentElement.scrollWidth), 390, "no sideways scrolling on a phone");
    await phone.close();
  });
}
