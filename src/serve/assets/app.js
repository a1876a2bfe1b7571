// The questionnaire page. Everything is generated from GET /api/rulebook, and
// every number shown comes from the server's answer to POST /api/panel (the
// assessment as POST /api/assess answers it), with every sentence about it
// (verdict meanings, why there is no verdict, what to rate and state first,
// provisional causes, targets out of reach, under-integrated partners,
// warnings) in the words of the reports: the page computes and words
// nothing. User text only ever enters the page as textContent or as the
// value of a form field, never as markup.
"use strict";

const RATINGS = ["none", "low", "partial", "high", "full"];
const OTHER = [["unknown", "unknown"], ["not-applicable", "not applicable"]];

let RB = null; // the rulebook, as GET /api/rulebook answers it
let M = null; // the mission being edited, as the JSON document of a mission file
let lastAssessment = null;
let lastWords = null; // the sentences the server sends with the assessment
let idPattern = null; // matches the rulebook's factor ids and context keys in those sentences
let requestSeq = 0;
let timer = null;
let startMission = null; // the mission the server was started with, or null
// Whether the mission has changed since it was last saved as a file (Save
// as TOML) or opened from one: leaving the page then asks first. The work
// itself is kept in the browser (localStorage) on every change and comes
// back on a reload.
let dirty = false;

// ---------- small DOM helpers (text only, never markup) ----------

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "value") e.value = v;
    else if (k === "checked") e.checked = v;
    else if (k === "width") e.style.width = v; // CSSOM, which the page's policy allows
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function svgEl(tag, attrs) {
  const e = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  return e;
}

const fmt1 = (x) => (typeof x === "number" ? x.toFixed(1) : "–");
const pct = (x) => (typeof x === "number" ? Math.round(100 * x) + "%" : "–");

// What the page has to say about an action the user took (opening,
// saving, a report) appears beside the buttons, in the header that stays
// on screen; an error is announced at once (role=alert).
function status(text, kind) {
  const s = document.getElementById("status");
  s.replaceChildren();
  s.className = kind || "";
  s.setAttribute("role", kind === "error" ? "alert" : "status");
  if (text) s.append(el("span", {}, text));
}

// ---------- the work kept in the browser ----------

function draftKey() {
  return "integration-readiness.draft." + RB.id;
}

function keepDraft() {
  try {
    localStorage.setItem(draftKey(), JSON.stringify({ mission: M, dirty, at: new Date().toISOString() }));
  } catch (_) {
    /* storage full or refused: the page still works */
  }
}

function readDraft() {
  try {
    const d = JSON.parse(localStorage.getItem(draftKey()) || "null");
    return d && d.mission && typeof d.mission === "object" ? d : null;
  } catch (_) {
    return null;
  }
}

function setDirty(value) {
  dirty = value;
  document.body.dataset.unsaved = String(dirty);
  keepDraft();
}

function showDraftNotice(draft) {
  const box = document.getElementById("draft-notice");
  const when = draft.at ? new Date(draft.at).toLocaleString() : "";
  document.getElementById("draft-text").textContent =
    "Restored the work kept in this browser" + (when ? " (last changed " + when + ")" : "") +
    (draft.dirty ? "; it is not saved as a file yet." : ".");
  box.hidden = false;
}

function discardDraft() {
  try {
    localStorage.removeItem(draftKey());
  } catch (_) {
    /* nothing kept */
  }
  document.getElementById("draft-notice").hidden = true;
  M = normalise(startMission ? JSON.parse(JSON.stringify(startMission)) : blankMission());
  clearFileProblems();
  buildMission();
  setDirty(false);
  status("Discarded the kept work", "ok");
  scheduleAssess();
}

function blankMission() {
  return { mission: { name: "New mission" }, context: {}, evidence: {}, entity: [] };
}

function normalise(m) {
  m.mission = m.mission || { name: "" };
  m.context = m.context || {};
  m.evidence = m.evidence || {};
  m.entity = m.entity || [];
  return m;
}

// ---------- talking to the server ----------

async function post(path, body, type) {
  const r = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": type || "application/json" },
    body,
  });
  return r;
}

async function problemsOf(r) {
  try {
    const j = await r.json();
    if (Array.isArray(j.problems)) return j.problems;
    if (j.error) return [{ path: "", message: j.error }];
  } catch (_) {
    /* not JSON */
  }
  return [{ path: "", message: "the server answered " + r.status }];
}

function missionBody() {
  return JSON.stringify(M);
}

function scheduleAssess() {
  clearTimeout(timer);
  timer = setTimeout(assessNow, 150);
}

async function assessNow() {
  const seq = ++requestSeq;
  document.body.classList.add("busy");
  let r;
  try {
    r = await post("/api/panel", missionBody());
  } catch (e) {
    if (seq === requestSeq) showProblems([{ path: "", message: "the server cannot be reached" }]);
    return;
  } finally {
    if (seq === requestSeq) document.body.classList.remove("busy");
  }
  if (seq !== requestSeq) return; // a newer change is on its way
  if (r.ok) {
    const panel = await r.json();
    lastAssessment = panel.assessment;
    lastWords = panel.words;
    renderPanel(lastAssessment, lastWords, null);
  } else {
    renderPanel(lastAssessment, lastWords, await problemsOf(r));
  }
}

function download(name, blob) {
  const a = el("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  setTimeout(() => {
    URL.revokeObjectURL(a.href);
    a.remove();
  }, 1000);
}

function fileStem() {
  const s = (M.mission.name || "mission")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return s || "mission";
}

async function saveToml() {
  const r = await post("/api/mission/toml", missionBody());
  if (!r.ok) return showProblems(await problemsOf(r), "The mission cannot be saved yet", true);
  download(fileStem() + ".toml", new Blob([await r.text()], { type: "application/toml" }));
  setDirty(false);
  status("Saved " + fileStem() + ".toml", "ok");
}

async function downloadReport(format) {
  const r = await post("/api/report?format=" + encodeURIComponent(format), missionBody());
  if (!r.ok) return showProblems(await problemsOf(r), "The report cannot be made yet", true);
  const ext = { html: "html", markdown: "md", json: "json" }[format];
  const type = r.headers.get("Content-Type") || "text/plain";
  download(fileStem() + "-report." + ext, new Blob([await r.text()], { type }));
  status("Downloaded the " + format + " report", "ok");
}

async function openFile(file) {
  const text = await file.text();
  const json = /\.json$/i.test(file.name);
  let read;
  try {
    read = await readWhatCan(text, json);
  } catch (e) {
    read = { mission: null, problems: [{ path: "", message: "the server cannot be reached" }] };
  }
  if (!read.mission) {
    showProblems(read.problems, file.name + " cannot be opened", false);
    return;
  }
  M = normalise(read.mission);
  clearFileProblems();
  buildMission();
  document.getElementById("draft-notice").hidden = true;
  if (read.problems.length === 0) {
    setDirty(false);
    status("Opened " + file.name, "ok");
  } else {
    // What could not be read is left out: the page holds less than the
    // file, so it is not saved until the user saves it.
    setDirty(true);
    const unplaced = placeProblems(read.problems, read.entities);
    const s = document.getElementById("status");
    status("", "error");
    s.append(el("strong", {}, "Opened " + file.name + " with " + read.problems.length +
      (read.problems.length === 1 ? " problem" : " problems") + "; what could not be read is left out. Fix " +
      (read.problems.length === 1 ? "it" : "them") + " in the page, beside the fields they concern, and save."));
    if (unplaced.length) {
      const ul = el("ul", {});
      for (const p of unplaced) ul.append(el("li", {}, describe(p)));
      s.append(ul);
    }
    s.append(" ", el("button", { type: "button", class: "link", id: "first-problem", onclick: () => goToFirstProblem() }, "Show the first"),
      " ", el("button", { type: "button", class: "link", onclick: () => status("") }, "Dismiss"));
    goToFirstProblem();
  }
  scheduleAssess();
}

// Problems listed beside the buttons; with `place`, also beside the fields
// they concern (the mission in the page, as it is).
function showProblems(problems, heading, place) {
  const unplaced = place ? placeProblems(problems, null) : problems;
  const s = document.getElementById("status");
  status("", "error");
  s.append(el("strong", {}, (heading || "Problems") + (unplaced.length ? ":" : "; see the fields marked below.")));
  const ul = el("ul", {});
  for (const p of unplaced.slice(0, 20)) ul.append(el("li", {}, describe(p)));
  if (unplaced.length > 20) ul.append(el("li", {}, "and " + (unplaced.length - 20) + " more"));
  if (unplaced.length) s.append(ul);
  if (unplaced.length < problems.length) {
    s.append(el("button", { type: "button", class: "link", onclick: () => goToFirstProblem() }, "Show the first"), " ");
  }
  s.append(el("button", { type: "button", class: "link", onclick: () => status("") }, "Dismiss"));
}

// ---------- a file with problems, opened to be fixed ----------

// "evidence.some-factor.rating" or "entity[2].role" as segments:
// ["evidence", "some-factor", "rating"], ["entity", 1, "role"] (the index
// into the mission's list of entities).
function pathSegments(path) {
  const out = [];
  for (const part of (path || "").split(".")) {
    const m = part.match(/^([^[\]]*)((?:\[\d+\])*)$/);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1] !== "") out.push(m[1]);
    // Indices in paths count from 1 (the 2nd [[entity]] is entity[2]).
    for (const i of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(i[1]) - 1);
  }
  return out;
}

// Reads what can be read of a file with problems: the server reads the
// mission; where it answers with located problems, the lines they point at
// are set aside (commented out, so that the lines keep their numbers; a
// rating the server cannot read becomes unknown, keeping its note and
// sources) and the rest is read again, a few rounds at most. The problems
// shown are the server's, of the file as it was, and those the later rounds
// find elsewhere; nothing is judged here.
async function readWhatCan(text, json) {
  const type = json ? "application/json" : "application/toml";
  let r = await post("/api/mission", text, type);
  if (r.ok) return { mission: await r.json(), problems: [], entities: null };
  const first = await problemsOf(r);
  if (r.status !== 422) return { mission: null, problems: first };
  const problems = first.slice();
  let doc = json ? null : text.split("\n");
  let obj = null;
  if (json) {
    try {
      obj = JSON.parse(text);
    } catch (_) {
      return { mission: null, problems };
    }
    if (!obj || typeof obj !== "object") return { mission: null, problems };
  }
  const entityCount = json ? (Array.isArray(obj.entity) ? obj.entity.length : 0) : tomlEntityHeaders(doc).length;
  let latest = first;
  for (let round = 0; round < 8; round++) {
    const moved = json ? dropJson(obj, latest) : dropToml(doc, latest);
    if (!moved) break;
    const body = json ? JSON.stringify(compactJson(obj)) : doc.join("\n");
    r = await post("/api/mission", body, type);
    if (r.ok) {
      const entities = json ? jsonEntityMap(obj, entityCount) : tomlEntityMap(text.split("\n"), doc);
      return { mission: await r.json(), problems, entities };
    }
    if (r.status !== 422) break;
    latest = await problemsOf(r);
    // Problems about what was set aside (a table left without a key it
    // needs) repeat those already listed; others are new.
    for (const p of latest) {
      const known = problems.some((q) => q.path === p.path || (p.path && (q.path || "").startsWith(p.path + ".")) || (p.path && (q.path || "").startsWith(p.path + "[")));
      if (!known) problems.push(p);
    }
  }
  return { mission: null, problems: first };
}

const TOML_HEADER = /^\s*\[/;
const TOML_ENTITY = /^\s*\[\[\s*entity\s*\]\]/;

function tomlEntityHeaders(lines) {
  const out = [];
  lines.forEach((l, i) => {
    if (TOML_ENTITY.test(l)) out.push(i);
  });
  return out;
}

// Original entity index -> index in what was read, or null where set aside.
function tomlEntityMap(before, after) {
  const map = [];
  let kept = 0;
  for (const i of tomlEntityHeaders(before)) map.push(TOML_ENTITY.test(after[i]) ? kept++ : null);
  return map;
}

function setAside(lines, i) {
  if (!/^\s*#/.test(lines[i])) lines[i] = "# " + lines[i];
}

// Sets aside the lines the problems point at; false where none could be.
function dropToml(lines, problems) {
  let moved = false;
  for (const p of problems) {
    const i = (p.line || 0) - 1;
    if (i < 0 || i >= lines.length || /^\s*#/.test(lines[i])) continue;
    const segs = pathSegments(p.path);
    if (segs[0] === "evidence" && segs[2] === "rating" && segs.length === 3 && /^\s*rating\s*=/.test(lines[i])) {
      lines[i] = lines[i].replace(/=.*$/, '= "unknown"');
      moved = true;
      continue;
    }
    if (TOML_HEADER.test(lines[i])) {
      // A table that cannot be read: the table and its keys.
      setAside(lines, i);
      for (let j = i + 1; j < lines.length && !TOML_HEADER.test(lines[j]); j++) setAside(lines, j);
    } else {
      setAside(lines, i);
      // A value over several lines (a list) goes with its key.
      let depth = (lines[i].match(/\[/g) || []).length - (lines[i].match(/\]/g) || []).length;
      for (let j = i + 1; depth > 0 && j < lines.length; j++) {
        depth += (lines[j].match(/\[/g) || []).length - (lines[j].match(/\]/g) || []).length;
        setAside(lines, j);
      }
    }
    moved = true;
  }
  return moved;
}

function dropJson(obj, problems) {
  let moved = false;
  for (const p of problems) {
    const segs = pathSegments(p.path);
    if (!segs.length) continue;
    let parent = obj;
    for (const s of segs.slice(0, -1)) parent = parent && typeof parent === "object" ? parent[s] : undefined;
    const last = segs[segs.length - 1];
    if (!parent || typeof parent !== "object" || !(last in parent)) continue;
    if (segs[0] === "evidence" && segs.length === 3 && last === "rating") {
      if (parent.rating === "unknown") continue;
      parent.rating = "unknown";
    } else if (Array.isArray(parent)) {
      if (parent[last] === null) continue;
      parent[last] = null; // removed when sent, so that indices keep their meaning here
    } else {
      delete parent[last];
    }
    moved = true;
  }
  return moved;
}

function compactJson(v) {
  if (Array.isArray(v)) return v.filter((x) => x !== null).map(compactJson);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, compactJson(x)]));
  return v;
}

function jsonEntityMap(obj, count) {
  const map = [];
  let kept = 0;
  for (let i = 0; i < count; i++) map.push(Array.isArray(obj.entity) && obj.entity[i] !== null ? kept++ : null);
  return map;
}

// Where a problem is shown: the factor's card, the context field, the
// entity, the mission's field; null where the page has no field for it.
function problemHost(p, entities) {
  const segs = pathSegments(p.path);
  if (segs[0] === "evidence" && typeof segs[1] === "string") return document.getElementById("factor-" + segs[1]);
  if (segs[0] === "context" && typeof segs[1] === "string") {
    return document.querySelector('[data-context-field="' + CSS.escape(segs[1]) + '"]');
  }
  if (segs[0] === "entity" && typeof segs[1] === "number") {
    const at = entities ? entities[segs[1]] : segs[1];
    if (at === null || at === undefined) return document.getElementById("entities-card");
    return document.querySelector('[data-entity="' + at + '"]');
  }
  if (segs[0] === "mission" && ["name", "date", "description"].includes(segs[1])) {
    return document.getElementById("mission-" + segs[1]).closest("label");
  }
  return null;
}

// Lists each problem beside the field it concerns; returns those that
// have no field in the page.
function placeProblems(problems, entities) {
  clearFileProblems();
  const unplaced = [];
  for (const p of problems) {
    const host = problemHost(p, entities);
    if (!host) {
      unplaced.push(p);
      continue;
    }
    host.classList.add("has-problem");
    for (const c of host.querySelectorAll("input, select, textarea")) c.setAttribute("aria-invalid", "true");
    host.append(el("p", { class: "field-problem", role: "alert", "data-problem": p.path }, describe(p)));
  }
  return unplaced;
}

function clearFileProblems(host) {
  for (const h of host ? [host] : document.querySelectorAll(".has-problem")) {
    h.classList.remove("has-problem");
    for (const p of h.querySelectorAll(".field-problem")) p.remove();
    for (const c of h.querySelectorAll("[aria-invalid]")) c.removeAttribute("aria-invalid");
  }
}

function goToFirstProblem() {
  const p = document.querySelector(".field-problem");
  if (!p) return;
  const host = p.closest(".has-problem");
  const card = host.closest("article.factor");
  if (card && card.hidden) {
    document.getElementById("only-unrated").checked = false;
    applyFilter();
  }
  host.scrollIntoView({ block: "center" });
  const field = host.querySelector("input:not([type=radio]), select, textarea, input[type=radio]:checked");
  if (field) field.focus({ preventScroll: true });
}

function describe(p) {
  const where = p.line ? "line " + p.line + ":" + p.column + ", " : "";
  return where + (p.path ? p.path + ": " : "") + p.message;
}

// ---------- the questionnaire ----------

function evidenceOf(id) {
  return M.evidence[id];
}

function ensureEvidence(id) {
  if (!M.evidence[id]) M.evidence[id] = { rating: "unknown" };
  return M.evidence[id];
}

function isRated(id) {
  const e = M.evidence[id];
  return !!e && e.rating !== "unknown";
}

function changed() {
  updateProgress();
  setDirty(true);
  scheduleAssess();
}

function buildMission() {
  document.getElementById("mission-name").value = M.mission.name || "";
  document.getElementById("mission-date").value = M.mission.date || "";
  document.getElementById("mission-description").value = M.mission.description || "";
  buildContext();
  buildEntities();
  buildFactors();
  updateProgress();
}

function bindMissionFields() {
  const set = (key) => (ev) => {
    const v = ev.target.value;
    if (key === "name" || v !== "") M.mission[key] = v;
    else delete M.mission[key];
    changed();
  };
  document.getElementById("mission-name").addEventListener("input", set("name"));
  document.getElementById("mission-date").addEventListener("input", set("date"));
  document.getElementById("mission-description").addEventListener("input", set("description"));
}

function buildContext() {
  const box = document.getElementById("context-fields");
  box.replaceChildren();
  for (const c of RB.context || []) {
    const current = M.context[c.key];
    const sel = el("select", { "data-context": c.key, "aria-label": c.key });
    sel.append(el("option", { value: "" }, "not known"));
    (c.values || []).forEach((v, i) => {
      const o = el("option", { value: String(i) }, String(v));
      if (current !== undefined && current === v) o.selected = true;
      sel.append(o);
    });
    sel.addEventListener("change", () => {
      if (sel.value === "") delete M.context[c.key];
      else M.context[c.key] = c.values[Number(sel.value)];
      changed();
    });
    box.append(
      el("label", { class: "context-field", "data-context-field": c.key }, el("span", { class: "key" }, c.key), sel,
        c.description ? el("span", { class: "hint" }, c.description) : null),
    );
  }
}

function levelSelect(value, label, onchange) {
  const sel = el("select", { "aria-label": label });
  sel.append(el("option", { value: "" }, "not given"));
  for (const l of RB.levels) {
    const o = el("option", { value: l.id }, l.title || l.id);
    if (value === l.id) o.selected = true;
    sel.append(o);
  }
  sel.addEventListener("change", () => onchange(sel.value));
  return sel;
}

function buildEntities() {
  const list = document.getElementById("entity-list");
  list.replaceChildren();
  if (M.entity.length === 0) list.append(el("p", { class: "muted" }, "No entity yet."));
  M.entity.forEach((e, i) => {
    const name = el("input", { type: "text", value: e.name || "", "aria-label": "Entity name", "data-entity-field": "name" });
    name.addEventListener("input", () => {
      e.name = name.value;
      changed();
    });
    // One role or several (a dual-mandate agency): a list box where
    // Ctrl-click (or Shift) selects more than one; kept as written, a word
    // for one role, a list for several.
    const held = Array.isArray(e.role) ? e.role : [e.role];
    const role = el("select", {
      "aria-label": "Role (Ctrl-click for several)",
      "data-entity-field": "role",
      multiple: "multiple",
      size: String(Math.min(4, (RB.roles || []).length || 1)),
    });
    for (const r of RB.roles || []) {
      const o = el("option", { value: r.id }, r.title || r.id);
      if (held.includes(r.id)) o.selected = true;
      role.append(o);
    }
    role.addEventListener("change", () => {
      const picked = Array.from(role.selectedOptions).map((o) => o.value);
      if (picked.length === 0) {
        // A role is required: keep the one held before.
        for (const o of role.options) o.selected = held.includes(o.value);
        return;
      }
      e.role = picked.length === 1 ? picked[0] : picked;
      held.splice(0, held.length, ...picked);
      changed();
    });
    const levels = el("div", { class: "entity-levels" });
    for (const d of RB.dimensions) {
      levels.append(
        el("label", {}, el("span", { class: "key" }, dimensionTitle(d)),
          levelSelect((e.current || {})[d], d + " now", (v) => {
            e.current = e.current || {};
            if (v) e.current[d] = v;
            else delete e.current[d];
            changed();
          })),
      );
    }
    const remove = el("button", {
      type: "button", class: "remove", "aria-label": "Remove entity",
      onclick: () => {
        M.entity.splice(i, 1);
        buildEntities();
        changed();
      },
    }, "Remove");
    list.append(
      el("div", { class: "entity", "data-entity": String(i) },
        el("div", { class: "entity-head" },
          el("label", {}, el("span", { class: "key" }, "Name"), name),
          el("label", {}, el("span", { class: "key" }, "Role"), role), remove),
        el("div", { class: "entity-current" }, el("span", { class: "hint" }, "Integrated now:"), levels)),
    );
  });
}

function dimensionTitle(id) {
  const d = lastAssessment && (lastAssessment.dimensions || []).find((x) => x.id === id);
  return d && d.title ? d.title : id;
}

function buildFactors() {
  const box = document.getElementById("themes");
  box.replaceChildren();
  const themes = RB.themes || [];
  const known = new Set(themes.map((t) => t.id));
  const groups = themes.map((t) => [t, RB.factors.filter((f) => f.theme === t.id)]);
  const orphans = RB.factors.filter((f) => !known.has(f.theme));
  if (orphans.length) groups.push([{ id: "", title: "Other factors" }, orphans]);
  for (const [t, factors] of groups) {
    if (!factors.length) continue;
    const section = el("section", { class: "theme", "data-theme": t.id },
      el("div", { class: "theme-head" },
        el("h2", {}, t.title || t.id),
        el("span", { class: "theme-progress", "data-theme-progress": t.id })),
      t.description ? el("p", { class: "muted" }, t.description) : null);
    for (const f of factors) section.append(factorCard(f));
    box.append(section);
  }
  applyFilter();
}

function factorCard(f) {
  const ev = evidenceOf(f.id);
  const current = ev ? ev.rating : "unknown";
  const guide = f["rating-guide"] || {};
  const guideLine = el("p", { class: "guide-line" });
  const showGuide = (word) => {
    guideLine.replaceChildren();
    if (guide[word]) guideLine.append(el("strong", {}, word + ": "), guide[word]);
    else if (word === "not-applicable") guideLine.append("Not applicable: the factor leaves the sums.");
    else if (word === "unknown") guideLine.append("Unknown: the score becomes a range over every possible rating.");
  };
  const group = el("div", { class: "rating", role: "radiogroup", "aria-label": "Rating of " + f.title, "data-factor": f.id });
  const words = RATINGS.map((w) => [w, w]).concat(OTHER);
  for (const [w, label] of words) {
    const input = el("input", { type: "radio", name: "rating-" + f.id, value: w, checked: w === current });
    input.addEventListener("change", () => {
      ensureEvidence(f.id).rating = w;
      card.classList.toggle("rated", isRated(f.id));
      showGuide(w);
      changed();
    });
    group.append(el("label", { class: "word" + (RATINGS.includes(w) ? "" : " other"), title: guide[w] || "" }, input, el("span", {}, label)));
  }
  showGuide(current);

  const note = el("textarea", { rows: 2, placeholder: "Note: what supports this rating", "data-note": f.id, "aria-label": "Note on " + f.title, value: (ev && ev.note) || "" });
  note.addEventListener("input", () => {
    const e = ensureEvidence(f.id);
    if (note.value !== "") e.note = note.value;
    else delete e.note;
    changed();
  });

  const sources = el("ul", { class: "sources", "data-sources": f.id });
  const addSourceRow = (value, focus) => {
    const input = el("input", { type: "text", value, placeholder: "Document, interview or review", "aria-label": "Source" });
    const row = el("li", {}, input);
    const sync = () => {
      const e = ensureEvidence(f.id);
      const list = [...sources.querySelectorAll("input")].map((i) => i.value).filter((s) => s !== "");
      if (list.length) e.sources = list;
      else delete e.sources;
      changed();
    };
    input.addEventListener("input", sync);
    row.append(el("button", { type: "button", class: "remove small", "aria-label": "Remove source", onclick: () => { row.remove(); sync(); } }, "×"));
    sources.append(row);
    if (focus) input.focus();
  };
  for (const s of (ev && ev.sources) || []) addSourceRow(s, false);

  const guideList = el("dl", { class: "guide" });
  for (const w of RATINGS) {
    if (guide[w]) guideList.append(el("dt", {}, w), el("dd", {}, guide[w]));
  }

  const card = el("article", { class: "factor" + (isRated(f.id) ? " rated" : ""), id: "factor-" + f.id, "data-factor-card": f.id },
    el("header", {},
      el("h3", {}, f.title || f.id),
      el("span", { class: "badge " + f.polarity }, f.polarity),
      el("code", { class: "factor-id" }, f.id)),
    f.question ? el("p", { class: "question" }, f.question) : null,
    f.polarity === "barrier" ? el("p", { class: "hint" }, "A barrier: rate how present it is (none is best).") : null,
    el("p", { class: "ruled-out", "data-ruled-out": f.id, hidden: true }),
    group,
    guideLine,
    Object.keys(guide).length ? el("details", { class: "guide-details" }, el("summary", {}, "What each word means"), guideList) : null,
    el("div", { class: "evidence" },
      note,
      el("div", { class: "sources-box" },
        el("span", { class: "key" }, "Sources"), sources,
        el("button", { type: "button", class: "link", "data-add-source": f.id, onclick: () => addSourceRow("", true) }, "Add source"))),
    el("p", { class: "source" }, "Source: ", f.citation_text || ""),
    f.description ? el("details", {}, el("summary", {}, "About this factor"), el("p", {}, f.description),
      f.remedy ? el("p", {}, el("strong", {}, "Remedy: "), f.remedy) : null) : null,
  );
  return card;
}

function updateProgress() {
  let rated = 0;
  for (const t of RB.themes || []) {
    const fs = RB.factors.filter((f) => f.theme === t.id);
    const n = fs.filter((f) => isRated(f.id)).length;
    const span = document.querySelector('[data-theme-progress="' + CSS.escape(t.id) + '"]');
    if (span) span.textContent = n + " / " + fs.length + " rated";
  }
  rated = RB.factors.filter((f) => isRated(f.id)).length;
  const total = RB.factors.length;
  const box = document.getElementById("progress-total");
  box.replaceChildren(
    el("span", {}, rated + " of " + total + " factors rated"),
    el("span", { class: "meter" }, el("span", { class: "fill", width: (total ? (100 * rated) / total : 0) + "%" })),
  );
  applyFilter();
}

function applyFilter() {
  const only = document.getElementById("only-unrated").checked;
  for (const card of document.querySelectorAll("article.factor")) {
    card.hidden = only && isRated(card.dataset.factorCard);
  }
  for (const section of document.querySelectorAll("section.theme")) {
    section.hidden = only && !section.querySelector("article.factor:not([hidden])");
  }
}

function goToFactor(id) {
  const card = document.getElementById("factor-" + id);
  if (!card) return;
  if (card.hidden) {
    document.getElementById("only-unrated").checked = false;
    applyFilter();
  }
  card.scrollIntoView({ behavior: "smooth", block: "center" });
  card.classList.add("flash");
  setTimeout(() => card.classList.remove("flash"), 1200);
}

function goToContext(key) {
  const field = document.querySelector('[data-context-field="' + CSS.escape(key) + '"]');
  if (!field) return;
  field.scrollIntoView({ behavior: "smooth", block: "center" });
  field.classList.add("flash");
  setTimeout(() => field.classList.remove("flash"), 1200);
  field.querySelector("select").focus({ preventScroll: true });
}

// ---------- the assessment panel ----------

function factorTitle(id) {
  const f = RB.factors.find((x) => x.id === id);
  return f ? f.title : id;
}

function levelTitle(id) {
  const l = RB.levels.find((x) => x.id === id);
  return l && l.title ? l.title : id;
}

function verdictMeaning(v) {
  const w = ((lastWords && lastWords.verdicts) || []).find((x) => x.verdict === v);
  return w ? w.meaning : "";
}

function verdictBadge(v, field) {
  const word = v || "undetermined";
  return el("span", { class: "verdict v-" + word, "data-field": field, title: verdictMeaning(word) }, word);
}

// The sentences come from the server; the page only turns the factor ids
// (and, where `keys` is given, those context keys) in them into links to
// the factor's card or the context field. The text stays the server's.
function linkPattern() {
  if (idPattern) return idPattern;
  const ids = RB.factors.map((f) => f.id).concat((RB.context || []).map((c) => c.key));
  const esc = ids.sort((a, b) => b.length - a.length).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  idPattern = esc.length ? new RegExp("(?<![A-Za-z0-9_-])(" + esc.join("|") + ")(?![A-Za-z0-9_-])", "g") : null;
  return idPattern;
}

function linked(text, keys) {
  const out = [];
  const pattern = linkPattern();
  if (!pattern) return [text];
  const factors = new Set(RB.factors.map((f) => f.id));
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    const id = m[1];
    let link = null;
    if (factors.has(id)) {
      link = el("button", { type: "button", class: "link inline", "data-goto-factor": id, title: factorTitle(id), onclick: () => goToFactor(id) }, id);
    } else if (keys && keys.has(id)) {
      link = el("button", { type: "button", class: "link inline", "data-goto-context": id, title: "State " + id, onclick: () => goToContext(id) }, id);
    }
    if (!link) continue;
    out.push(text.slice(last, m.index), link);
    last = m.index + id.length;
  }
  out.push(text.slice(last));
  return out;
}

function spectrumBar(d) {
  const W = 300, H = 30, top = 6, h = 14;
  const x = (s) => (Math.max(0, Math.min(100, s)) / 100) * W;
  const svg = svgEl("svg", { viewBox: "-6 0 " + (W + 12) + " " + H, class: "spectrum", role: "img", "aria-label": "Score " + fmt1(d.score) + " on the spectrum" });
  const starts = RB.levels.map((l, i) => (i === 0 ? 0 : (l.threshold || {})[d.id] ?? 100));
  const tr = (d.target_detail && d.target_detail.range_index) || [];
  RB.levels.forEach((l, i) => {
    const a = starts[i], b = i + 1 < starts.length ? starts[i + 1] : 100;
    const isTarget = l.id === d.target || (tr.length === 2 && i >= tr[0] && i <= tr[1]);
    svg.append(svgEl("rect", { x: x(a), y: top, width: Math.max(0, x(b) - x(a)), height: h, class: "band b" + (i % 2) + (isTarget ? " target" : "") }));
    const t = svgEl("title", {});
    t.textContent = (l.title || l.id) + " from " + a;
    svg.lastChild.append(t);
  });
  const [lo, hi] = d.score_range || [d.score, d.score];
  svg.append(svgEl("rect", { x: x(lo), y: top + 4, width: Math.max(1, x(hi) - x(lo)), height: h - 8, class: "range" }));
  svg.append(svgEl("rect", { x: x(0), y: top + 4, width: x(d.score), height: h - 8, class: "score-fill" }));
  svg.append(svgEl("line", { x1: x(d.score), x2: x(d.score), y1: top - 3, y2: top + h + 3, class: "point" }));
  const ti = RB.levels.findIndex((l) => l.id === d.target);
  if (ti >= 0) {
    const tx = x(starts[ti]);
    svg.append(svgEl("path", { d: `M${tx - 5},${H} L${tx + 5},${H} L${tx},${top + h + 1} Z`, class: "target-mark" }));
  }
  return svg;
}

function renderPanel(a, words, problems) {
  const body = document.getElementById("panel-body");
  const scrollTop = document.getElementById("panel").scrollTop;
  body.replaceChildren();
  if (problems) {
    const box = el("div", { class: "problems", "data-problems": "" }, el("strong", {}, "The mission has problems; the assessment below is from before them:"));
    const ul = el("ul", {});
    for (const p of problems.slice(0, 12)) ul.append(el("li", {}, describe(p)));
    if (problems.length > 12) ul.append(el("li", {}, "and " + (problems.length - 12) + " more"));
    box.append(ul);
    body.append(box);
  }
  if (!a) {
    document.getElementById("panel").scrollTop = scrollTop;
    return;
  }
  words = words || {};
  body.classList.toggle("stale", !!problems);
  const missingKeys = new Set((a.missing_context || []).map((k) => k.key));
  const o = a.overall || {};
  body.append(
    el("section", { class: "overall", "data-overall": "" },
      el("div", { class: "overall-head" },
        el("span", { class: "label" }, "Overall"),
        el("span", { class: "big", "data-field": "overall-score" }, fmt1(o.score)),
        verdictBadge(o.verdict, "overall-verdict"),
        o.provisional ? el("span", { class: "provisional", "data-field": "overall-provisional" }, "provisional") : null),
      el("p", { class: "muted" }, "range " + fmt1((o.score_range || [])[0]) + "–" + fmt1((o.score_range || [])[1]) + " · evidence coverage " + pct(o.coverage))),
  );

  // What every report leads with: why there is no verdict, what to rate and
  // state first, the targets out of reach.
  const leads = words.leads || [];
  if (leads.length) {
    const ul = el("ul", { class: "leads", "data-field": "leads" });
    for (const line of leads) ul.append(el("li", {}, ...linked(line, missingKeys)));
    body.append(ul);
  }

  const dims = el("section", { class: "dimensions" });
  const dimWords = new Map((words.dimensions || []).map((w) => [w.id, w]));
  for (const d of a.dimensions || []) {
    const lr = d.level_range || [];
    const w = dimWords.get(d.id) || { target: levelTitle(d.target), notes: [] };
    const notes = [];
    for (const n of w.notes || []) {
      notes.push(el("dt", { class: "note-" + n.label.replace(/ /g, "-") }, n.label),
        el("dd", { "data-note": n.label }, ...linked(n.text, missingKeys)));
    }
    dims.append(
      el("div", { class: "dimension", "data-dimension": d.id, "data-verdict": d.verdict },
        el("div", { class: "dim-head" },
          el("span", { class: "dim-title" }, d.title || d.id),
          el("span", { class: "score", "data-field": "score", "data-value": String(d.score) }, fmt1(d.score)),
          verdictBadge(d.verdict, "verdict"),
          d.provisional ? el("span", { class: "provisional", "data-field": "provisional" }, "provisional") : null),
        spectrumBar(d),
        el("dl", { class: "dim-facts" },
          el("dt", {}, "level"), el("dd", { "data-field": "level" }, levelTitle(d.level) + (lr[0] && lr[0] !== lr[1] ? " (could be " + levelTitle(lr[0]) + " to " + levelTitle(lr[1]) + ")" : "")),
          el("dt", {}, "target"), el("dd", { "data-field": "target" }, ...linked(w.target, missingKeys)),
          el("dt", {}, "range"), el("dd", {}, fmt1((d.score_range || [])[0]) + "–" + fmt1((d.score_range || [])[1]) + " · coverage " + pct(d.coverage)),
          ...notes)),
    );
  }
  body.append(dims);
  body.append(el("p", { class: "legend" },
    "Each bar is the spectrum from " + levelTitle(RB.levels[0].id) + " to " + levelTitle(RB.levels[RB.levels.length - 1].id) +
    ", one band per level; green is the target level (or the levels it could be until the context is stated; ▲ the threshold of the highest), the line the point score, dark blue up to it, light blue the range left open by missing evidence."));
  if (words.legend) body.append(el("p", { class: "legend", "data-field": "legend" }, words.legend));

  // Fix first is the start of the cheapest plan to target, as the command
  // line prints it; an older server without a plan falls back to one-step
  // recommendations.
  const steps = a.fix_first || (a.recommendations || []).slice(0, 5);
  if (steps.length) {
    const ol = el("ol", { class: "recs" });
    for (const r of steps) {
      const sign = r.gain >= 0 ? "+" : "";
      ol.append(el("li", {},
        el("button", { type: "button", class: "link", onclick: () => goToFactor(r.factor) }, r.title || r.factor),
        el("span", { class: "muted" }, " " + r.from + " → " + r.to + ", overall " + sign + fmt1(r.gain) + ", " +
          (r.effort_level || r.effort) + " effort" + (r.forced_by_gate ? ", a gate needs it" : "") +
          (r.lifts && r.lifts.length ? ", lifts " + r.lifts.join(", ") : ""))));
    }
    const n = a.plan ? a.plan.changes.length : 0;
    const total = a.plan ? " (" + n + (n === 1 ? " change" : " changes") + " in the plan, total effort " + a.plan.total_effort + ")" : "";
    body.append(el("section", {}, el("h3", {}, "Fix first" + total), ol));
  } else if (a.plan) {
    body.append(el("section", {}, el("h3", {}, "Fix first"),
      el("p", { class: "muted small", "data-field": "nothing-to-fix" }, words.nothing_to_fix || "")));
  }

  const allGaps = a.evidence_gaps || [];
  const gaps = allGaps.slice(0, 5);
  if (gaps.length) {
    const ul = el("ul", { class: "gaps" });
    for (const g of gaps) {
      ul.append(el("li", {},
        el("button", { type: "button", class: "link", onclick: () => goToFactor(g.factor) }, g.title || g.factor),
        el("span", { class: "muted" }, " " + fmt1(g.at_stake) + " points at stake")));
    }
    if (allGaps.length > gaps.length) {
      ul.append(el("li", { class: "muted", "data-field": "gaps-more" }, "and " + (allGaps.length - gaps.length) + " more, each with less at stake"));
    }
    body.append(el("section", {}, el("h3", {}, "Missing evidence most at stake"), ul));
  }

  const ents = a.entities || [];
  if (ents.length) {
    const table = el("table", { class: "entities" });
    table.append(el("tr", {}, el("th", {}, "Entity"), ...(a.dimensions || []).map((d) => el("th", {}, d.title || d.id))));
    const underLines = [];
    ents.forEach((e, i) => {
      const over = new Set(e.over_integrated || []);
      const under = new Set((e.under_integrated || []).map((u) => u.dimension));
      table.append(el("tr", { "data-entity-result": e.name },
        el("td", {}, el("strong", {}, e.name), el("br", {}), el("span", { class: "muted" }, (e.roles || []).join(", "))),
        ...(a.dimensions || []).map((d) => {
          const now = (e.current || {})[d.id];
          return el("td", { class: over.has(d.id) ? "over" : under.has(d.id) ? "under" : "" },
            "target " + levelTitle((e.target || {})[d.id]),
            now ? el("span", { class: "muted" }, " · now " + levelTitle(now)) : null,
            over.has(d.id) ? el("span", { class: "flag", "data-flag": "over", title: "above a cap the situation sets" }, "over-integrated") : null,
            under.has(d.id) ? el("span", { class: "flag under", "data-flag": "under" }, "under-integrated") : null);
        })));
      const w = (words.entities || [])[i];
      for (const line of (w && w.under) || []) underLines.push(el("li", { "data-under": e.name }, el("strong", {}, e.name + ": "), line));
    });
    const section = el("section", {}, el("h3", {}, "Entities"), table);
    if (underLines.length) section.append(el("ul", { class: "under-list", "data-field": "under" }, ...underLines));
    body.append(section);
  }

  const warnings = a.warnings || [];
  if (warnings.length) {
    const ul = el("ul", { class: "warnings", "data-field": "warnings" });
    for (const w of warnings) ul.append(el("li", {}, ...linked(w, null)));
    body.append(el("section", {}, el("h3", {}, "Warnings"), ul));
  }
  document.getElementById("panel").scrollTop = scrollTop;
  renderScorebar(a, !!problems);
  markContext(missingKeys);
  markRuledOut(words.ruled_out);
  // Dimension titles arrive with the first assessment.
  for (const sel of document.querySelectorAll(".entity-levels .key")) {
    const id = sel.parentElement.querySelector("select").getAttribute("aria-label").replace(/ now$/, "");
    sel.textContent = dimensionTitle(id);
  }
}

// The scores in the header, for narrow screens where the panel is not
// beside the factors: the same numbers and verdicts as the panel.
function renderScorebar(a, stale) {
  const bar = document.getElementById("scorebar");
  const o = a.overall || {};
  bar.replaceChildren(
    el("span", { class: "sb-item sb-overall" }, el("span", { class: "sb-label" }, "Overall"),
      el("strong", {}, el("span", { "data-field": "bar-overall-score" }, fmt1(o.score)), verdictBadge(o.verdict, "bar-overall-verdict"))),
    ...(a.dimensions || []).map((d) =>
      el("span", { class: "sb-item", "data-bar-dimension": d.id, title: d.title || d.id },
        el("span", { class: "sb-label" }, d.title || d.id), el("strong", {}, fmt1(d.score)))),
  );
  bar.classList.toggle("stale", stale);
}

// The context fields whose value the targets wait for.
function markContext(missing) {
  for (const field of document.querySelectorAll("[data-context-field]")) {
    field.classList.toggle("wanted", missing.has(field.dataset.contextField));
  }
}

// The factors the context rules out say so on their card.
function markRuledOut(ruled) {
  const ids = new Set((ruled && ruled.factors) || []);
  for (const p of document.querySelectorAll("[data-ruled-out]")) {
    const out = ids.has(p.dataset.ruledOut);
    p.hidden = !out;
    p.textContent = out ? ruled.text : "";
    p.closest("article.factor").classList.toggle("ruled-out", out);
  }
}

// ---------- start ----------

async function start() {
  try {
    const [rb, start] = await Promise.all([
      fetch("/api/rulebook").then((r) => r.json()),
      fetch("/api/mission").then((r) => r.json()),
    ]);
    RB = rb;
    startMission = start;
    M = normalise(start ? JSON.parse(JSON.stringify(start)) : blankMission());
  } catch (e) {
    status("The rulebook cannot be loaded from the server.", "error");
    return;
  }
  const name = document.getElementById("rulebook-name");
  name.textContent = "Rulebook: " + (RB.title || RB.id) + " (" + RB.id + " " + RB.version + ")" + (RB.fingerprint ? " · " + RB.fingerprint : "");
  document.getElementById("add-entity").addEventListener("click", () => {
    M.entity.push({ name: "New entity", role: (RB.roles[0] || {}).id || "", current: {} });
    buildEntities();
    changed();
  });
  document.getElementById("only-unrated").addEventListener("change", applyFilter);
  document.getElementById("new-mission").addEventListener("click", () => {
    if (dirty && !confirm("Start a new, blank mission? Unsaved changes are lost.")) return;
    M = blankMission();
    clearFileProblems();
    buildMission();
    setDirty(false);
    scheduleAssess();
  });
  const open = document.getElementById("open-file");
  document.getElementById("open-button").addEventListener("click", () => open.click());
  document.getElementById("draft-discard").addEventListener("click", discardDraft);
  // A field with a problem listed beside it: changing it takes the problem away.
  const fixed = (ev) => {
    const host = ev.target.closest && ev.target.closest(".has-problem");
    if (host) clearFileProblems(host);
  };
  document.addEventListener("input", fixed);
  document.addEventListener("change", fixed);
  window.addEventListener("beforeunload", (ev) => {
    if (!dirty) return;
    ev.preventDefault();
    ev.returnValue = "The mission has changes not saved as a file.";
  });
  open.addEventListener("change", () => {
    if (open.files[0]) openFile(open.files[0]);
    open.value = "";
  });
  document.getElementById("save-toml").addEventListener("click", saveToml);
  for (const b of document.querySelectorAll("[data-report]")) {
    b.addEventListener("click", () => downloadReport(b.dataset.report));
  }
  bindMissionFields();
  const draft = readDraft();
  if (draft) {
    M = normalise(draft.mission);
    dirty = !!draft.dirty;
    document.body.dataset.unsaved = String(dirty);
    showDraftNotice(draft);
  }
  buildMission();
  await assessNow();
  document.body.dataset.ready = "true";
}

document.addEventListener("DOMContentLoaded", start);
