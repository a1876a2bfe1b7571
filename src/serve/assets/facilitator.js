// The facilitator's view of a panel of assessors: several mission files,
// each rated by one assessor alone, sent at once to POST /api/assessors.
// Every number shown (the panel's assessment and the range it leaves open,
// Krippendorff's alpha, the order of what to discuss first, the levels at
// either end of a disagreement) is the server's; the agreed mission the
// facilitator settles is assessed by POST /api/panel, as the questionnaire
// is, and saved by POST /api/mission/toml. It uses the questionnaire's
// helpers (el, post, problemsOf, describe, verdictBadge, levelTitle,
// spectrumBar, download...) and, like it, puts user text into the page as
// text only.
"use strict";

const AGREED_WORDS = ["none", "low", "partial", "high", "full", "unknown", "not-applicable"];

// The panel open in the view: the server's answer, the file names in the
// order sent, the agreed mission being settled (the server's `settled`, as
// the JSON document of a mission file) and its assessment.
let FAC = null;
let facSeq = 0;
let facTimer = null;

// ---------- names ----------

// The letter of the i-th assessor: A to Z, then AA, AB...
function facLetter(i) {
  const a = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  return i < 26 ? a[i] : a[Math.floor(i / 26) - 1] + a[i % 26];
}

function facAnonymous() {
  return document.getElementById("fac-anonymous").checked;
}

function who(i) {
  return facAnonymous() ? facLetter(i) : FAC.panel.assessors[i];
}

// The server's sentences name assessors (a name given twice, whose
// entities are kept): in an anonymous round, their letters stand in.
function anonymised(text) {
  if (!facAnonymous()) return text;
  const names = FAC.panel.assessors.map((n, i) => [n, facLetter(i)]).sort((a, b) => b[0].length - a[0].length);
  let out = text;
  for (const [n, letter] of names) out = out.split(n).join(letter);
  return out;
}

// ---------- messages, where the user acted ----------

function facMessageBox(where) {
  return document.getElementById(where === "view" ? "fac-status" : "status");
}

function facSay(where, text, kind) {
  const s = facMessageBox(where);
  s.replaceChildren();
  s.className = kind || "";
  s.setAttribute("role", kind === "error" ? "alert" : "status");
  if (text) s.append(el("span", {}, text));
}

function facProblems(where, heading, problems) {
  const s = facMessageBox(where);
  facSay(where, "", "error");
  s.append(el("strong", {}, heading + ":"));
  const ul = el("ul", { "data-field": "panel-problems" });
  for (const p of problems.slice(0, 30)) {
    ul.append(el("li", { "data-file": p.file || "" }, p.file ? el("strong", {}, p.file + ": ") : null, describe(p)));
  }
  if (problems.length > 30) ul.append(el("li", {}, "and " + (problems.length - 30) + " more"));
  s.append(ul, el("button", { type: "button", class: "link", onclick: () => facSay(where, "") }, "Dismiss"));
}

// ---------- opening the files ----------

async function openPanel(list, where) {
  const all = Array.from(list || []);
  const files = all
    .filter((f) => /\.(toml|json)$/i.test(f.name))
    .map((f) => ({ f, name: f.webkitRelativePath || f.name }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (!files.length) {
    facSay(where, all.length ? "None of the files chosen is a mission file (.toml or .json)." : "", all.length ? "error" : "");
    return;
  }
  const missions = await Promise.all(files.map(async ({ f, name }) => ({ file: name, text: await f.text() })));
  let r;
  try {
    r = await post("/api/assessors", JSON.stringify({ missions }));
  } catch (_) {
    facProblems(where, "The panel cannot be opened", [{ path: "", message: "the server cannot be reached" }]);
    return;
  }
  if (!r.ok) {
    facProblems(where, "The panel of " + files.length + " files cannot be opened", await problemsOf(r));
    return;
  }
  if (FAC && FAC.unsaved && !confirm("Open another panel? The agreed ratings not saved are lost.")) return;
  const answer = await r.json();
  FAC = {
    panel: answer.panel,
    files: missions.map((m) => m.file),
    agreed: normalise(answer.settled),
    assessment: answer.panel.assessment,
    unsaved: false,
  };
  showFacilitator(true);
  renderFacilitator();
  const skipped = all.length - files.length;
  facSay("view", "Opened the panel of " + files.length + " assessors" +
    (skipped ? "; " + skipped + (skipped === 1 ? " file that is not" : " files that are not") + " a mission file left out" : ""), "ok");
  if (where !== "view") facSay("header", "");
  document.getElementById("fac-heading").focus();
  window.scrollTo(0, 0);
  facAssess();
}

// The button that opens a panel: in the header, or on a phone at the top
// of the questionnaire.
function panelEntry() {
  const shown = Array.from(document.querySelectorAll("[data-panel-open]")).find((b) => b.getClientRects().length > 0);
  return shown || document.getElementById("panel-button");
}

function showFacilitator(on) {
  document.getElementById("facilitator").hidden = !on;
  document.querySelector("main.layout").hidden = on;
  document.body.classList.toggle("facilitating", on);
}

// ---------- the view ----------

function renderFacilitator() {
  const p = FAC.panel;
  const body = document.getElementById("fac-body");
  body.replaceChildren();
  document.getElementById("fac-heading").textContent = "Panel of assessors: " + (p.mission && p.mission.name !== undefined ? p.mission.name : p.mission);
  body.append(el("p", { class: "fac-who", "data-field": "assessors" },
    p.assessors.length + " assessors, each rating alone: ",
    ...p.assessors.map((_, i) => el("span", { class: "who", "data-assessor": String(i) }, who(i)))));

  if (p.warnings.length) {
    const ul = el("ul", { class: "warnings", "data-field": "panel-warnings" });
    for (const w of p.warnings) ul.append(el("li", {}, anonymised(w)));
    body.append(ul);
  }

  // The context first: where the assessors state it differently, their
  // targets differ and the panel is not comparing like with like.
  if (p.context_splits.length) body.append(contextSplits(p));
  body.append(assessmentSection(p));
  body.append(reliabilitySection(p));
  body.append(discussSection(p));
  body.append(factorsSection(p));
  updateAgreed();
}

function contextSplits(p) {
  const table = el("table", { class: "fac-table" },
    el("tr", {}, el("th", {}, "Context"), ...p.assessors.map((_, i) => el("th", { "data-assessor": String(i) }, who(i)))));
  for (const s of p.context_splits) {
    table.append(el("tr", { "data-split": s.key },
      el("th", {}, s.key),
      ...s.values.map((v) => el("td", {}, v === null || v === undefined ? "not stated" : String(v)))));
  }
  return el("section", { class: "card fac-splits", "data-field": "context-splits" },
    el("h3", {}, "The assessors state the context differently"),
    el("p", { class: "muted small" }, "Their targets differ, so the panel is not comparing like with like: its assessment leaves these keys out and its targets span their values."),
    el("div", { class: "fac-scroll" }, table));
}

function assessmentSection(p) {
  const dims = el("div", { class: "fac-dims" });
  for (const d of p.dimensions) {
    const a = (p.assessment.dimensions || []).find((x) => x.id === d.id) || {};
    const [lo, hi] = d.level_range;
    const open = !d.settled;
    dims.append(el("div", { class: "fac-dim" + (open ? " open" : ""), "data-fac-dimension": d.id, "data-settled": String(d.settled) },
      el("div", { class: "dim-head" },
        el("span", { class: "dim-title" }, d.title || d.id),
        el("span", { class: "score", "data-field": "agreed-score" }, ""),
        el("span", { "data-field": "agreed-verdict" })),
      el("div", { "data-field": "bar" }),
      el("dl", { class: "dim-facts" },
        el("dt", {}, "panel"), el("dd", {},
          el("span", { "data-field": "score", "data-value": String(d.score) }, fmt1(d.score)),
          " at the medians, ", el("span", { "data-field": "level" }, levelTitle(d.level)), " ", verdictBadge(d.verdict, "verdict")),
        el("dt", {}, "left open"), el("dd", {},
          el("span", { "data-field": "range", "data-value": JSON.stringify(d.score_range) }, fmt1(d.score_range[0]) + "–" + fmt1(d.score_range[1])),
          ", ", el("span", { "data-field": "level-range" }, lo === hi ? levelTitle(lo) : levelTitle(lo) + " to " + levelTitle(hi))),
        el("dt", {}, "verdict"), el("dd", { "data-field": "settled" },
          d.settled
            ? el("span", { class: "tag settled" }, "settled: the disagreement cannot change it")
            : el("span", { class: "tag open" }, "open: ", verdictBadge(d.verdict_range[0], "verdict-low"), " to ", verdictBadge(d.verdict_range[1], "verdict-high"))),
        el("dt", {}, "target"), el("dd", {}, levelTitle(a.target)),
        el("dt", {}, "agreed"), el("dd", { "data-field": "agreed-level" }, ""))));
  }
  const score = p.overall.score;
  const range = p.overall.score_range;
  return el("section", { class: "card", "data-field": "panel-assessment" },
    el("h3", {}, "The panel’s assessment"),
    el("div", { class: "overall overall-head" },
      el("span", { class: "label" }, "Overall"),
      el("span", { class: "big", "data-field": "agreed-overall" }, ""),
      el("span", { "data-field": "agreed-overall-verdict" }),
      el("span", { class: "muted small" }, "panel ",
        el("span", { "data-field": "panel-overall", "data-value": String(score) }, fmt1(score)),
        ", left open ", el("span", { "data-field": "panel-overall-range" }, fmt1(range[0]) + "–" + fmt1(range[1])))),
    el("div", { "data-field": "agreed-problems" }),
    dims,
    el("p", { class: "legend" }, "The large numbers are the agreed mission’s, as the ratings settled below give it (at first every factor at the panel’s median). Each bar: light blue the range the panel leaves open, the line the agreed score, green the target."));
}

function alphaRow(label, key, a) {
  const v = a.value;
  return el("tr", { "data-alpha": key },
    el("th", {}, label),
    el("td", { "data-field": "alpha", "data-value": v === null || v === undefined ? "" : String(v) },
      v === null || v === undefined ? "–" : v.toFixed(3)),
    el("td", { "data-field": "pairable" }, String(a.pairable)),
    el("td", { class: "small muted", "data-field": "why-not" }, a.why_not || ""));
}

function reliabilitySection(p) {
  const r = p.reliability;
  const table = el("table", { class: "fac-table fac-alpha" },
    el("tr", {}, el("th", {}, ""), el("th", {}, "alpha"), el("th", {}, "pairable values"), el("th", {}, "")));
  table.append(alphaRow("All factors", "overall", r.overall));
  for (const a of r.themes) {
    const id = a.id;
    const t = (RB.themes || []).find((x) => x.id === id);
    table.append(alphaRow((t && t.title) || id, "theme:" + id, a));
  }
  for (const a of r.dimensions) {
    const id = a.id;
    const d = p.dimensions.find((x) => x.id === id);
    table.append(alphaRow(((d && d.title) || id) + " (dimension)", "dimension:" + id, a));
  }
  return el("section", { class: "card", "data-field": "reliability" },
    el("h3", {}, "How far the assessors agree: Krippendorff’s alpha (ordinal)"),
    el("p", { class: "muted small" }, "1 is perfect agreement, 0 no better than chance; it rests on the pairable values alone (ratings on the scale of factors two assessors or more rated)."),
    el("div", { class: "fac-scroll" }, table));
}

function discussSection(p) {
  const ol = el("ol", { class: "fac-discuss", id: "fac-discuss" });
  for (const d of p.discuss) {
    const swings = el("ul", { class: "swings" });
    for (const s of d.swings) {
      const dim = p.dimensions.find((x) => x.id === s.dimension);
      swings.append(el("li", { "data-swing": s.dimension },
        ((dim && dim.title) || s.dimension) + ": ",
        el("span", { "data-field": "level-least" }, levelTitle(s.level[0])), " ", verdictBadge(s.verdict[0], "verdict-least"),
        " → ",
        el("span", { "data-field": "level-most" }, levelTitle(s.level[1])), " ", verdictBadge(s.verdict[1], "verdict-most")));
    }
    ol.append(el("li", { class: d.changes ? "" : "no-change", "data-discuss": d.factor, "data-changes": String(d.changes) },
      el("div", { class: "discuss-head" },
        el("button", { type: "button", class: "link", onclick: () => goToPanelFactor(d.factor) }, d.title),
        d.changes ? null : el("span", { class: "tag", "data-field": "changes-nothing" }, "changes nothing")),
      el("p", { class: "muted small" },
        "rated from " + d.least + " (least favourable) to " + d.most + " (most), " + d.spread + (d.spread === 1 ? " step" : " steps") +
        "; overall " + fmt1(d.points) + " points apart · agreed: ",
        el("strong", { "data-field": "discuss-agreed" }, "")),
      swings));
  }
  return el("section", { class: "card", "data-field": "discuss" },
    el("h3", {}, "What to discuss first"),
    p.discuss.length
      ? el("p", { class: "muted small" }, "The factors the assessors are not unanimous on: those that move a verdict first, then a level, then the most points. Each dimension it weighs on shows its level and verdict at the least and at the most favourable rating given, every other factor at its median.")
      : el("p", { class: "muted small" }, "The assessors are unanimous on every factor."),
    ol);
}

function factorsSection(p) {
  const only = el("input", { type: "checkbox", id: "fac-only-disputed" });
  only.addEventListener("change", applyPanelFilter);
  const section = el("section", { class: "fac-factors", "data-field": "factors" },
    el("div", { class: "fac-factors-head" },
      el("h3", {}, "The factors, assessor by assessor"),
      el("label", { class: "filter" }, only, " Show only the factors the assessors disagree on")),
    el("p", { class: "muted small" }, "Marked: a disagreement (more than one step apart, or split over not applicable). Where the assessors are not unanimous, set the agreed rating; it starts at the panel’s median."));
  const themes = RB.themes || [];
  for (const t of themes) {
    const fs = p.factors.filter((f) => f.theme === t.id);
    if (!fs.length) continue;
    section.append(el("h4", { class: "fac-theme" }, t.title || t.id), ...fs.map(panelFactorCard));
  }
  const known = new Set(themes.map((t) => t.id));
  const rest = p.factors.filter((f) => !known.has(f.theme));
  if (rest.length) section.append(el("h4", { class: "fac-theme" }, "Other factors"), ...rest.map(panelFactorCard));
  return section;
}

function panelFactorCard(f) {
  const def = RB.factors.find((x) => x.id === f.id) || {};
  const rows = el("div", { class: "fac-ratings" });
  f.ratings.forEach((r, i) => {
    const note = f.notes[i];
    rows.append(el("div", { class: "fac-rating", "data-assessor": String(i) },
      el("span", { class: "who" }, who(i)),
      el("span", { class: "word r-" + r, "data-field": "rating" }, r.replace("-", " ")),
      el("span", { class: "note" + (note ? "" : " muted") }, note || "no note")));
  });
  const unanimous = f.ratings.filter((r) => r !== "unknown").every((r, _, a) => r === a[0]);
  let settle = null;
  if (!unanimous) {
    const sel = el("select", { "data-agreed": f.id, id: "agreed-" + f.id });
    for (const w of AGREED_WORDS) sel.append(el("option", { value: w }, w.replace("-", " ")));
    sel.value = agreedRating(f.id);
    sel.addEventListener("change", () => setAgreed(f.id, sel.value));
    settle = el("div", { class: "fac-settle" },
      el("label", { for: "agreed-" + f.id }, "Agreed rating"), sel,
      el("span", { class: "small muted", "data-field": "from-median" }, ""));
  }
  return el("article", {
    class: "fac-factor" + (f.agree ? "" : " disputed"), id: "panel-factor-" + f.id,
    "data-fac-factor": f.id, "data-agree": String(f.agree),
  },
  el("header", {},
    el("h5", {}, f.title),
    def.polarity ? el("span", { class: "badge " + def.polarity }, def.polarity) : null,
    f.agree ? null : el("span", { class: "tag disputed-tag" }, "disagreement"),
    el("span", { class: "small muted fac-median" }, "median " + f.median.replace("-", " ") + " · spread " + f.spread +
      (f.unknown ? " · " + f.unknown + " unknown" : "") + (f.not_applicable ? " · " + f.not_applicable + " not applicable" : ""))),
  rows, settle);
}

function applyPanelFilter() {
  const only = document.getElementById("fac-only-disputed").checked;
  for (const c of document.querySelectorAll("article.fac-factor")) c.hidden = only && c.dataset.agree === "true";
  for (const h of document.querySelectorAll("h4.fac-theme")) {
    let n = h.nextElementSibling, any = false;
    while (n && n.matches("article.fac-factor")) {
      if (!n.hidden) any = true;
      n = n.nextElementSibling;
    }
    h.hidden = !any;
  }
}

function goToPanelFactor(id) {
  const card = document.getElementById("panel-factor-" + id);
  if (!card) return;
  if (card.hidden) {
    document.getElementById("fac-only-disputed").checked = false;
    applyPanelFilter();
  }
  card.scrollIntoView({ behavior: "smooth", block: "center" });
  const sel = card.querySelector("select");
  if (sel) sel.focus({ preventScroll: true });
  card.classList.add("flash");
  setTimeout(() => card.classList.remove("flash"), 1200);
}

// ---------- settling ----------

function agreedRating(id) {
  const e = FAC.agreed.evidence[id];
  return e ? e.rating : "unknown";
}

function setAgreed(id, rating) {
  const e = FAC.agreed.evidence[id] || (FAC.agreed.evidence[id] = { rating: "unknown" });
  e.rating = rating;
  FAC.unsaved = true;
  markAgreed();
  clearTimeout(facTimer);
  facTimer = setTimeout(facAssess, 150);
}

function markAgreed() {
  for (const f of FAC.panel.factors) {
    const card = document.getElementById("panel-factor-" + f.id);
    const span = card && card.querySelector('[data-field="from-median"]');
    const now = agreedRating(f.id);
    if (span) span.textContent = now === f.median ? "the median" : "changed from the median (" + f.median.replace("-", " ") + ")";
    if (card) card.classList.toggle("changed", now !== f.median);
    const d = document.querySelector('[data-discuss="' + CSS.escape(f.id) + '"] [data-field="discuss-agreed"]');
    if (d) d.textContent = now.replace("-", " ");
  }
}

async function facAssess() {
  const seq = ++facSeq;
  const body = JSON.stringify(FAC.agreed);
  let r;
  try {
    r = await post("/api/panel", body);
  } catch (_) {
    if (seq === facSeq) facProblems("view", "The agreed mission cannot be assessed", [{ path: "", message: "the server cannot be reached" }]);
    return;
  }
  if (seq !== facSeq || !FAC) return;
  const box = document.querySelector('[data-field="agreed-problems"]');
  if (r.ok) {
    const answer = await r.json();
    FAC.assessment = answer.assessment;
    box.replaceChildren();
    updateAgreed();
  } else {
    const problems = await problemsOf(r);
    box.replaceChildren(el("div", { class: "problems" }, el("strong", {}, "The agreed mission has problems; the scores are from before them:"),
      el("ul", {}, ...problems.slice(0, 12).map((p) => el("li", {}, describe(p))),
        problems.length > 12 ? el("li", {}, "and " + (problems.length - 12) + " more") : null)));
  }
  document.body.dataset.agreedSeq = String(seq);
}

// The agreed mission's assessment, beside the panel's.
function updateAgreed() {
  const a = FAC.assessment;
  if (!a) return;
  const o = a.overall || {};
  const big = document.querySelector('[data-field="agreed-overall"]');
  if (!big) return;
  big.textContent = fmt1(o.score);
  big.dataset.value = String(o.score);
  document.querySelector('[data-field="agreed-overall-verdict"]').replaceChildren(verdictBadge(o.verdict, "agreed-overall-verdict-word"));
  for (const pd of FAC.panel.dimensions) {
    const box = document.querySelector('[data-fac-dimension="' + CSS.escape(pd.id) + '"]');
    const d = (a.dimensions || []).find((x) => x.id === pd.id);
    if (!box || !d) continue;
    const s = box.querySelector('[data-field="agreed-score"]');
    s.textContent = fmt1(d.score);
    s.dataset.value = String(d.score);
    box.querySelector('[data-field="agreed-verdict"]').replaceChildren(verdictBadge(d.verdict, "agreed-verdict-word"));
    box.querySelector('[data-field="agreed-level"]').textContent = levelTitle(d.level) + " (" + fmt1(d.score) + ")";
    box.querySelector('[data-field="bar"]').replaceChildren(spectrumBar({ ...d, score_range: pd.score_range }));
  }
  markAgreed();
}

// ---------- saving ----------

async function saveAgreed() {
  if (!FAC) return;
  const r = await post("/api/mission/toml", JSON.stringify(FAC.agreed));
  if (!r.ok) return facProblems("view", "The agreed mission cannot be saved yet", await problemsOf(r));
  const stem = (FAC.agreed.mission.name || "mission").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "mission";
  const name = stem + "-agreed.toml";
  download(name, new Blob([await r.text()], { type: "application/toml" }));
  FAC.unsaved = false;
  facSay("view", "Saved " + name, "ok");
}

function editAgreed() {
  if (!FAC) return;
  if (dirty && !confirm("Put the agreed mission in the questionnaire? Its unsaved changes are lost.")) return;
  M = normalise(JSON.parse(JSON.stringify(FAC.agreed)));
  clearFileProblems();
  buildMission();
  setDirty(true);
  showFacilitator(false);
  status("The agreed mission is in the questionnaire; save it as TOML to keep it.", "ok");
  panelEntry().focus();
  scheduleAssess();
}

// ---------- start ----------

document.addEventListener("DOMContentLoaded", () => {
  const files = document.getElementById("panel-files");
  const folder = document.getElementById("panel-folder");
  let from = "header";
  const pick = (input, where) => () => {
    from = where;
    input.click();
  };
  for (const b of document.querySelectorAll("[data-panel-open]")) b.addEventListener("click", pick(files, "header"));
  document.getElementById("fac-files").addEventListener("click", pick(files, "view"));
  document.getElementById("fac-folder").addEventListener("click", pick(folder, "view"));
  for (const input of [files, folder]) {
    input.addEventListener("change", () => {
      const chosen = Array.from(input.files || []);
      input.value = "";
      if (chosen.length) openPanel(chosen, document.getElementById("facilitator").hidden ? "header" : from);
    });
  }
  document.getElementById("fac-anonymous").addEventListener("change", () => {
    if (!FAC) return;
    const only = document.getElementById("fac-only-disputed").checked;
    renderFacilitator();
    document.getElementById("fac-only-disputed").checked = only;
    applyPanelFilter();
  });
  document.getElementById("fac-save").addEventListener("click", saveAgreed);
  document.getElementById("fac-edit").addEventListener("click", editAgreed);
  document.getElementById("fac-close").addEventListener("click", () => {
    showFacilitator(false);
    panelEntry().focus();
  });
  window.addEventListener("beforeunload", (ev) => {
    if (!FAC || !FAC.unsaved) return;
    ev.preventDefault();
    ev.returnValue = "The agreed ratings are not saved as a file.";
  });
});
