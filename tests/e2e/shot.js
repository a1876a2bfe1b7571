// Takes the screenshot of the page shown in the README:
// node shot.js OUT.png [MISSION.toml]
"use strict";
const path = require("node:path");
const { ROOT, startServer, launchBrowser } = require("./harness");

(async () => {
  const out = process.argv[2] || path.join(ROOT, "docs", "questionnaire.png");
  const mission = process.argv[3] || path.join(ROOT, "examples", "missions", "poorly-evidenced.toml");
  const server = await startServer([mission]);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(server.url);
    await page.waitForSelector("body[data-ready=true]");
    // Show the questionnaire itself beside the assessment: scroll to the
    // first theme, below the mission, context and entities.
    await page.evaluate(() => {
      const t = document.querySelector("section.theme");
      window.scrollTo(0, t.getBoundingClientRect().top + window.scrollY - 70);
    });
    await page.waitForTimeout(300);
    await page.screenshot({ path: out });
  } finally {
    await browser.close();
    await server.stop();
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
