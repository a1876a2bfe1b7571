// Starts the questionnaire server on a free port and Debian's Chromium,
// for the end-to-end tests.
"use strict";

const { spawn } = require("node:child_process");
const path = require("node:path");
const { chromium } = require("playwright-core");

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = process.env.IR_BIN || path.join(ROOT, "target", "debug", "integration-readiness");

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Starts `integration-readiness serve --port 0 ARGS...` and resolves to
 * { url, stop } once it prints its address. */
function startServer(args = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, ["serve", "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    const timer = setTimeout(() => reject(new Error("the server did not start: " + err)), 20000);
    child.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/http:\/\/[^\s]+\//);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[0],
          stop: () =>
            new Promise((done) => {
              child.once("exit", (code, signal) => done({ code, signal }));
              child.kill("SIGINT");
            }),
        });
      }
    });
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error("the server exited with " + code + ": " + err));
    });
  });
}

async function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

// A POST to the server's API: its status, its text, and the text as JSON.
function poster(server) {
  return async (route, body, type = "application/json") => {
    const r = await fetch(server.url + route, { method: "POST", headers: { "Content-Type": type }, body });
    const text = await r.text();
    return { status: r.status, text, json: () => JSON.parse(text) };
  };
}

module.exports = { ROOT, startServer, launchBrowser, poster };
