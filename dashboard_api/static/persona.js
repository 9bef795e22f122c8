"use strict";
// The persona editor (streamer only): form <-> persona JSON, server-side validation shown per
// field, off-air preview, version history with diff and rollback, and apply with the running
// bot's confirmation.

const { el, api, describeError, lines } = Dash;
let current = null;   // the persona being edited (full JSON, so fields the form lacks survive)
let pid = null;

function fields() { return document.querySelectorAll("#editor [data-field]"); }

function fill(persona) {
  current = persona;
  for (const input of fields()) {
    const value = persona[input.dataset.field];
    const kind = input.dataset.kind;
    if (kind === "bool") input.checked = Boolean(value);
    else if (kind === "lines") input.value = (value || []).join("\n");
    else if (kind === "examples") input.value = (value || []).map((e) => [e.viewer, e.says, e.reply].join(" | ")).join("\n");
    else input.value = value === null || value === undefined ? "" : value;
  }
  const idle = persona.idle_chatter_after_s;
  document.getElementById("idle-on").checked = idle !== null;
  document.getElementById("f-idle_chatter_after_s").value = idle === null ? 90 : idle;
  const table = document.getElementById("hotkeys");
  table.replaceChildren(el("tr", {}, el("th", {}, "emotion"), el("th", {}, "hotkey or expression file")),
    ...persona.emotions.map((emotion) => el("tr", {},
      el("td", {}, emotion),
      el("td", {}, el("input", { type: "text", maxlength: 100, "data-emotion": emotion, value: (persona.emotion_hotkeys || {})[emotion] || "", "aria-label": `hotkey for ${emotion}` })))));
  clearErrors();
}

function collect() {
  const out = { ...current };
  for (const input of fields()) {
    const name = input.dataset.field;
    const kind = input.dataset.kind;
    if (kind === "bool") out[name] = input.checked;
    else if (kind === "lines") out[name] = lines(input.value);
    else if (kind === "examples") out[name] = examples(input.value);
    else if (kind === "number") out[name] = input.value === "" ? null : Number(input.value);
    else if (kind === "int") out[name] = input.value === "" ? null : parseInt(input.value, 10);
    else if (kind === "optional") out[name] = input.value.trim() || null;
    else out[name] = input.value;
  }
  out.idle_chatter_after_s = document.getElementById("idle-on").checked
    ? Number(document.getElementById("f-idle_chatter_after_s").value) : null;
  const hotkeys = {};
  for (const input of document.querySelectorAll("#hotkeys input[data-emotion]")) {
    if (input.value.trim()) hotkeys[input.dataset.emotion] = input.value.trim();
  }
  out.emotion_hotkeys = hotkeys;
  return out;
}

// "viewer | says | reply" lines -> example objects; a line without three parts is sent as it is
// read, so the server's validation names what is missing.
function examples(text) {
  return lines(text).map((line) => {
    const [viewer = "", says = "", ...rest] = line.split("|").map((part) => part.trim());
    return { viewer, says, reply: rest.join(" | ") };
  });
}

function clearErrors() {
  for (const box of document.querySelectorAll("[data-error]")) box.textContent = "";
  for (const input of document.querySelectorAll('#editor [aria-invalid="true"]')) input.removeAttribute("aria-invalid");
}

// The input a field's error belongs to (the first hotkey box for the hotkey map).
function inputOf(field) {
  if (field === "emotion_hotkeys") return document.querySelector("#hotkeys input");
  if (field === "idle_chatter_after_s") return document.getElementById("f-idle_chatter_after_s");
  return document.querySelector(`#editor [data-field="${field}"]`);
}

// Each error at its field: the message under it, the field marked invalid, the first one focused.
function showErrors(err) {
  clearErrors();
  if (!(err instanceof Dash.ApiError) || !Array.isArray(err.detail)) return false;
  const marked = [];
  for (const d of err.detail) {
    const loc = d.loc || [];
    const field = loc[0] === "body" && loc[1] === "persona" ? loc[2] : null;
    const box = field ? document.querySelector(`[data-error="${field}"]`) : null;
    if (!box) continue;
    box.textContent = `${box.textContent ? `${box.textContent}; ` : ""}${d.msg}`;
    const input = inputOf(field);
    if (input) {
      input.setAttribute("aria-invalid", "true");
      if (!box.id) box.id = `error-${field}`;
      input.setAttribute("aria-describedby", box.id);
      marked.push(input);
    }
  }
  if (!marked.length) return document.querySelector("[data-error]:not(:empty)") !== null;
  marked.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  marked[0].focus();
  return true;
}

function setStatus(text, cls) {
  const box = document.getElementById("form-status");
  box.textContent = text;
  box.className = cls || "";
}

async function save() {
  const persona = collect();
  try {
    const saved = await api("POST", `/api/personas/${pid}/versions`, { persona, note: document.getElementById("note").value });
    setStatus(`Saved as version ${saved.version}.`, "okay");
    document.getElementById("note").value = "";
    await load(pid);
    return saved.version;
  } catch (err) {
    const perField = showErrors(err);
    setStatus(perField ? "Some fields are not valid; see the messages above." : `Not saved: ${describeError(err)}`, "error");
    return null;
  }
}

async function apply(version) {
  if (!confirm(`Apply version ${version} to the live bot now? It answers chat with it at once.`)) return;
  await applyNow(version);
}

async function applyNow(version) {
  setStatus(`Applying version ${version}; waiting for the bot to confirm...`, "dim");
  try {
    const result = await api("POST", `/api/personas/${pid}/apply`, { version });
    showApply(result);
  } catch (err) {
    setStatus(`Not applied: ${describeError(err)}`, "error");
  }
}

function showApply(result) {
  if (result.status === "applied") setStatus(`The bot confirmed: now running version ${result.version}.`, "okay");
  else if (result.status === "refused") setStatus(`The bot refused version ${result.version}: ${result.error}`, "error");
  else setStatus(`No confirmation yet: ${result.error}`, "error");
  refreshRunning();
}

async function refreshRunning() {
  const view = await api("GET", `/api/personas/${pid}`);
  showRunning(view.running);
}

let runningVersion = null;
function showRunning(running) {
  const box = document.getElementById("running");
  runningVersion = running && running.ok ? running.version : null;
  for (const row of document.querySelectorAll("#versions tr[data-version]")) {
    const on = Number(row.dataset.version) === runningVersion;
    row.classList.toggle("running", on);
    const badge = row.querySelector(".badge");
    if (badge) badge.hidden = !on;
  }
  if (!running) { box.textContent = "The running bot has not confirmed a version of this persona yet."; box.className = "dim"; return; }
  box.textContent = !running.ok
    ? `The bot refused version ${running.version ?? "latest"}: ${running.error}`
    : running.error
      ? `Running on the bot: version ${running.version}. It refused version ${running.refused_version ?? "latest"}: ${running.error}`
      : `Running on the bot: version ${running.version} (as of ${Dash.time(running.ts)})`;
  box.className = running.ok && !running.error ? "okay" : "error";
  box.dataset.version = running.ok ? String(running.version) : "";
}

function renderVersions(view) {
  const table = document.getElementById("versions");
  table.replaceChildren(el("tr", {}, el("th", {}, "v"), el("th", {}, "by"), el("th", {}, "when"), el("th", {}, "note"), el("th", {}, "")),
    ...view.versions.map((v) => el("tr", { dataset: { version: v.version } },
      el("td", {}, String(v.version), " ", el("span", { class: "badge", hidden: true }, "running")), el("td", {}, v.created_by),
      el("td", {}, Dash.dateTime(v.created_at)), el("td", {}, v.note),
      el("td", { class: "row-inline" },
        el("button", { type: "button", class: "apply-version", onclick: () => apply(v.version) }, "apply"),
        v.version === view.version ? null : el("button", { type: "button", class: "rollback", onclick: () => rollback(v.version) }, "roll back")))));
  for (const id of ["diff-a", "diff-b"]) {
    const select = document.getElementById(id);
    select.replaceChildren(...view.versions.map((v) => el("option", { value: v.version }, `v${v.version}`)));
  }
  if (view.versions.length > 1) document.getElementById("diff-a").value = String(view.versions[1].version);
}

async function rollback(version) {
  if (!confirm(`Roll the live bot back to version ${version}? It is saved as a new version and the bot runs it at once.`)) return;
  setStatus(`Rolling back to version ${version}...`, "dim");
  try {
    const result = await api("POST", `/api/personas/${pid}/rollback`, { version, apply: true });
    await load(pid);
    if (result.applied) showApply(result.applied);
  } catch (err) {
    setStatus(`Rollback failed: ${describeError(err)}`, "error");
  }
}

async function diff() {
  const a = document.getElementById("diff-a").value;
  const b = document.getElementById("diff-b").value;
  const out = document.getElementById("diff-out");
  if (!a || !b) return;
  const result = await api("GET", `/api/personas/${pid}/diff?a=${a}&b=${b}`);
  if (!result.changes.length) { out.replaceChildren(el("p", { class: "dim" }, "No differences.")); return; }
  out.replaceChildren(...result.changes.map((c) => el("div", { class: "change" },
    el("b", {}, c.field),
    c.diff.length
      ? el("pre", { class: "diff" }, ...c.diff.map((line) => el("span", { class: line.startsWith("+") ? "add" : line.startsWith("-") ? "del" : "" }, `${line}\n`)))
      : el("pre", { class: "diff" }, el("span", { class: "del" }, `- ${JSON.stringify(c.before)}\n`), el("span", { class: "add" }, `+ ${JSON.stringify(c.after)}\n`)))));
}

async function preview(ev) {
  ev.preventDefault();
  const out = document.getElementById("preview-out");
  const message = document.getElementById("preview-message").value.trim();
  if (!message) return;
  out.replaceChildren(el("p", { class: "dim" }, "Asking the model..."));
  try {
    const r = await api("POST", "/api/personas/preview", { persona: collect(), message });
    const parts = [];
    parts.push(r.input.blocked
      ? el("p", { class: "error" }, `Input safety would drop this message: ${r.input.layer}: ${r.input.reason}`)
      : el("p", { class: "okay" }, "Input safety: allowed"));
    for (const s of r.sentences) {
      parts.push(el("p", { class: s.safety.blocked ? "sentence-blocked" : "" }, `[${s.emotion}] ${s.text}`,
        s.safety.blocked ? el("span", { class: "error" }, ` (blocked: ${s.safety.layer}: ${s.safety.reason})`) : null));
    }
    if (r.error) parts.push(el("p", { class: "error" }, r.error));
    if (!r.input.blocked) parts.push(el("p", { class: "dim" }, `first token after ${Math.round(r.first_token_ms || 0)} ms, ${Math.round(r.total_ms)} ms in all`));
    out.replaceChildren(...parts);
  } catch (err) {
    if (showErrors(err)) out.replaceChildren(el("p", { class: "error" }, "Fix the fields marked in the form first."));
    else out.replaceChildren(el("p", { class: "error" }, describeError(err)));
  }
}

// The editor opens on the version the bot runs (when it has confirmed one), not the newest saved.
async function load(id) {
  pid = id;
  const view = await api("GET", `/api/personas/${id}`);
  const running = view.running && view.running.ok ? view.running.version : null;
  const label = document.getElementById("version-label");
  if (running && running !== view.version) {
    fill(await api("GET", `/api/personas/${id}/versions/${running}`));
    label.textContent = `editing version ${running}, the one running on the bot (the newest saved is version ${view.version})`;
  } else {
    fill(view.persona);
    label.textContent = view.version
      ? `editing version ${view.version}${running === view.version ? ", the one running on the bot" : ", the newest saved"}`
      : "not saved yet (from the persona file)";
  }
  renderVersions(view);
  showRunning(view.running);
}

(async () => {
  await Dash.start("persona");
  const list = await api("GET", "/api/personas");
  const select = document.getElementById("persona-select");
  select.replaceChildren(...list.personas.map((p) => el("option", { value: p }, p === list.configured ? `${p} (the bot's)` : p)));
  select.value = list.configured;
  select.onchange = () => load(select.value);
  document.getElementById("editor").addEventListener("submit", (ev) => { ev.preventDefault(); save(); });
  document.getElementById("save-apply").onclick = async () => { const v = await save(); if (v) await applyNow(v); };
  document.getElementById("preview-form").addEventListener("submit", preview);
  document.getElementById("diff-run").onclick = diff;
  await load(list.configured);
  Dash.onStatus(() => { if (pid) refreshRunning().catch(() => {}); });  // what runs, as the bot says
})();
