"use strict";
// The training studio: browse turns with what triggered them, the reply sentence by sentence,
// safety and engagement; label from the keyboard (moderators too), in bulk; see the datasets and
// model versions, deploy one or roll back (the streamer); build, export (a zip download) and train
// on a dataset, locally or on a hosted service, as background jobs with their progress; cancel a
// training or a fine-tune, resume an interrupted one (the streamer; moderators follow the jobs).
// Jobs are stored: the table lists past ones, page by page.

const { el, api, describeError } = Dash;
let turns = [];
let me = null;
let asked = 0;  // the newest list request: an older answer arriving later is dropped
const selected = new Set();

function query() {
  const p = new URLSearchParams();
  const label = document.getElementById("f-label").value;
  const tag = document.getElementById("f-tag").value.trim();
  const min = document.getElementById("f-min").value;
  if (label) p.set("label", label);
  if (tag) p.set("tag", tag);
  if (min !== "") p.set("min_score", min);
  return p.toString() ? `?${p}` : "";
}

function labelLine(lb) {
  return el("div", {},
    lb.verdict ? el("span", { class: lb.verdict }, lb.verdict) : null,
    lb.edited_text ? ` → "${lb.edited_text}"` : "",
    lb.tags.length ? ` [${lb.tags.join(", ")}]` : "",
    el("span", { class: "dim" }, ` by ${lb.labelled_by}`));
}

function turnNode(t) {
  const eng = t.engagement;
  return el("div", { class: `turn${selected.has(t.id) ? " selected" : ""}`, tabindex: 0, dataset: { id: t.id } },
    el("div", { class: "head" }, ...[new Date(t.started_at).toLocaleString(), t.status, t.persona,
      eng ? `score ${eng.score.toFixed(2)} · chat ${eng.chat_after} vs ${eng.baseline.toFixed(1)} · persona v${eng.persona_version ?? "-"} · model ${eng.model_version === null ? "base" : `v${eng.model_version}`}` : "not scored"]
      .map((part) => el("span", {}, part))),
    ...t.triggers.map((x) => el("div", { class: "trigger" }, `${x.viewer || x.type}: ${x.text || ""}`)),
    el("div", { class: "said" }, ...(t.sentences.length
      ? t.sentences.map((s) => el("span", {}, el("span", { class: "emo" }, `[${s.emotion}]`), `${s.text} `))
      : [t.text || ""])),
    ...t.safety.map((s) => el("div", { class: "safety" }, `${s.stage} ${s.layer}: ${s.reason}`)),
    el("div", { class: "labels" }, ...t.labels.map(labelLine)));
}

async function fetchTurns() {
  const mine = ++asked;
  const got = await api("GET", `/api/studio/turns${query()}`);
  if (mine !== asked) return;
  turns = got;
  render();  // the turn that has the focus now keeps it
}

function focusedId() {
  const node = document.activeElement && document.activeElement.closest ? document.activeElement.closest(".turn") : null;
  return node ? node.dataset.id : null;
}

async function load() {
  const error = document.getElementById("studio-error");
  error.textContent = "";
  try {
    await fetchTurns();
  } catch (err) {
    error.textContent = describeError(err);
  }
}

function render(focusId = focusedId()) {
  const box = document.getElementById("turns");
  box.replaceChildren(...(turns.length ? turns.map(turnNode) : [el("p", { class: "dim" }, "No turns.")]));
  const target = focusId && box.querySelector(`.turn[data-id="${CSS.escape(focusId)}"]`);
  if (target) target.focus();
}

async function label(ids, body) {
  const error = document.getElementById("studio-error");
  try {
    await api("POST", "/api/studio/labels", { turn_ids: ids, ...body });
  } catch (err) {
    error.textContent = describeError(err);
    return;
  }
  await fetchTurns();
}

function edit(node) {
  const id = node.dataset.id;
  const t = turns.find((x) => x.id === id);
  const box = el("textarea", { rows: 2, maxlength: 2000, class: "edit" });
  box.value = (t.labels.find((lb) => lb.labelled_by === me.name) || {}).edited_text || t.text || "";
  box.addEventListener("keydown", (e) => {
    e.stopPropagation();
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) label([id], { edited_text: box.value });
    if (e.key === "Escape") render(id);
  });
  node.append(box);
  box.focus();
}

function tag(node) {
  const box = el("input", { maxlength: 32, class: "tag", placeholder: "tag, then Enter" });
  box.addEventListener("keydown", (e) => {
    e.stopPropagation();
    if (e.key === "Enter" && box.value.trim()) label([node.dataset.id], { add_tags: [box.value.trim()] });
    if (e.key === "Escape") render(node.dataset.id);
  });
  node.append(box);
  box.focus();
}

function bulk(verdict) {
  const ids = [...selected];
  if (!ids.length) return;
  selected.clear();
  document.getElementById("bulk-state").textContent = `${ids.length} labelled ${verdict}`;
  label(ids, { verdict });
}

document.addEventListener("keydown", (e) => {
  const node = document.activeElement && document.activeElement.closest ? document.activeElement.closest(".turn") : null;
  if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement) return;
  const all = [...document.querySelectorAll("#turns .turn")];
  if (e.key === "j" || e.key === "k") {
    const i = node ? all.indexOf(node) : -1;
    const next = all[Math.max(0, Math.min(all.length - 1, i + (e.key === "j" ? 1 : -1)))];
    if (next) next.focus();
    e.preventDefault();
    return;
  }
  if (e.key === "G") { bulk("good"); return; }
  if (e.key === "B") { bulk("bad"); return; }
  if (!node) return;
  const id = node.dataset.id;
  if (e.key === "g") label([id], { verdict: "good" });
  else if (e.key === "b") label([id], { verdict: "bad" });
  else if (e.key === "e") { e.preventDefault(); edit(node); }
  else if (e.key === "t") { e.preventDefault(); tag(node); }
  else if (e.key === "x") {
    if (selected.has(id)) selected.delete(id); else selected.add(id);
    node.classList.toggle("selected", selected.has(id));
  }
});

function fillSelect(id, options, keepFirst) {
  const select = document.getElementById(id);
  const was = select.value;
  const first = keepFirst ? [select.options[0]] : [];
  select.replaceChildren(...first, ...options.map(([value, text]) => el("option", { value }, text)));
  if ([...select.options].some((o) => o.value === was)) select.value = was;
}

async function showVersions() {
  const datasets = await api("GET", "/api/studio/datasets");
  const options = datasets.map((d) => [`${d.name}:${d.version}`, `${d.name} v${d.version} (${d.train} train, ${d.validation} validation)`]);
  fillSelect("t-dataset", options, false);
  fillSelect("h-dataset", options, false);
  document.getElementById("datasets").replaceChildren(
    el("tr", {}, ...["name", "version", "train", "validation", "dropped", "by", ""].map((h) => el("th", {}, h))),
    ...datasets.map((d) => el("tr", { class: "dataset-row", dataset: { name: d.name, version: d.version } },
      el("td", {}, d.name), el("td", {}, `v${d.version}`), el("td", {}, String(d.train)),
      el("td", {}, String(d.validation)),
      el("td", {}, Object.entries(d.report.dropped || {}).map(([k, v]) => `${k} ${v}`).join(", ") || "-"),
      el("td", {}, d.created_by),
      el("td", {}, me.role === "streamer"
        ? el("button", { type: "button", class: "export", onclick: () => exportDataset(d) }, "Export") : ""))));
  if (me.role === "streamer") {
    const streams = await api("GET", "/api/studio/streams");
    const box = document.getElementById("b-streams");
    const picked = new Set([...box.selectedOptions].map((o) => o.value));
    box.replaceChildren(...streams.map((x) => el("option", { value: x.stream, selected: picked.has(x.stream) },
      `${Number.isNaN(Date.parse(x.stream)) ? x.stream : new Date(x.stream).toLocaleString()} (${x.turns} turns)`)));
  }
  const models = await api("GET", "/api/studio/models");
  fillSelect("t-compare", models.filter((m) => m.backend === "local").map((m) => [String(m.version), `v${m.version}`]), true);
  fillSelect("h-compare", models.filter((m) => m.backend !== "local").map((m) => [String(m.version), `v${m.version}`]), true);
  const fig = (r, key) => (r && r[key] !== null && r[key] !== undefined ? Number(r[key]).toFixed(2) : "-");
  document.getElementById("models").replaceChildren(
    el("tr", {}, ...["version", "backend", "val loss", "safety pass", "adherence", "deployable", ""].map((h) => el("th", {}, h))),
    ...models.map((m) => el("tr", { class: "model-row", dataset: { version: m.version } },
      el("td", {}, `v${m.version}`), el("td", {}, m.backend),
      el("td", {}, `${fig(m.report.current, "val_loss")} → ${fig(m.report.candidate, "val_loss")}`),
      el("td", {}, `${fig(m.report.current, "safety_pass_rate")} → ${fig(m.report.candidate, "safety_pass_rate")}`),
      el("td", {}, `${fig(m.report.current, "adherence_rate")} → ${fig(m.report.candidate, "adherence_rate")}`),
      el("td", {}, m.deployable ? "yes" : `no${m.report.refusal ? `: ${m.report.refusal}` : ""}`),
      el("td", {}, m.report.suite ? el("button", { type: "button", class: "report", onclick: () => report(m) }, "Replies") : "",
        me.role === "streamer" && m.deployable
          ? el("button", { type: "button", class: "deploy", onclick: () => deploy(m.version) }, "Deploy") : ""))));
}

// The validation report: each suite line, and the current and the candidate model's replies
// side by side (a reply the output safety check blocked is marked with the layer).
function report(m) {
  const cur = m.report.current || {};
  const cand = m.report.candidate || {};
  const cell = (side, i) => {
    const why = (side.blocked || [])[i];
    return el("td", { class: why ? "blocked" : null }, (side.replies || [])[i] || "", why ? el("div", { class: "error" }, `blocked: ${why}`) : null);
  };
  document.getElementById("report-title").textContent = `Model version v${m.version}: the prompt suite, side by side`;
  document.getElementById("report").replaceChildren(
    el("tr", {}, el("th", {}, "chat"), el("th", {}, cur.model_version ? `current (v${cur.model_version})` : "current (base)"), el("th", {}, `candidate (v${m.version})`)),
    ...m.report.suite.map((line, i) => el("tr", { class: "report-row" }, el("td", {}, line), cell(cur, i), cell(cand, i))));
  document.getElementById("report-panel").hidden = false;
}

async function deploy(version) {
  const state = document.getElementById("deploy-state");
  state.textContent = "waiting for the bot…";
  try {
    const r = await api("POST", version === undefined ? "/api/studio/rollback" : "/api/studio/deploy",
      version === undefined ? undefined : { model_version: version });
    state.textContent = `${r.status}: ${r.model_version === null ? "base model" : `v${r.model_version}`}${r.error ? ` (${r.error})` : ""}`;
  } catch (err) {
    state.textContent = describeError(err);
  }
}

// ---------------------------------------------------------------- jobs: build and train

const splitList = (text) => text.split(",").map((x) => x.trim()).filter(Boolean);

function versions(text, what) {
  return splitList(text).map((x) => {
    if (!/^[1-9][0-9]*$/.test(x)) throw new Error(`${what}: "${x}" is not a version number`);
    return Number(x);
  });
}

let polling = null;
let running = new Set();
let jobLimit = 50;
const KINDS = { dataset: "dataset build", train: "training", hosted: "hosted fine-tune", export: "export" };
const isLive = (j) => j.status === "running" || j.status === "cancelling";

function jobResult(j) {
  const r = j.result;
  const why = j.error ? el("span", { class: j.status === "interrupted" ? "interrupted" : "error" }, j.error) : null;
  if (j.status === "interrupted") return el("span", {}, why, j.phase ? ` · ${j.phase}` : "");
  if (why) return why;
  if (j.kind === "dataset" && r.version !== undefined) {
    const dropped = Object.entries(r.dropped || {}).map(([k, v]) => `${k} ${v}`).join(", ");
    return `${r.name} v${r.version}: ${r.train} train, ${r.validation} validation from ${r.candidates} turns${dropped ? `; dropped ${dropped}` : ""}`;
  }
  if ((j.kind === "train" || j.kind === "hosted") && r.model_version !== undefined && r.model_version !== null) {
    const remote = j.kind === "hosted" && r.remote_model ? ` (${r.remote_model})` : "";
    return `model version v${r.model_version}${remote}: ${r.deployable ? "deployable" : `not deployable (${r.refusal})`}`;
  }
  if (j.kind === "export" && r.files) {
    const n = (key) => (r.files[key] ? r.files[key].examples : 0);
    const text = `v${j.dataset_version}: ${n("openai/train")} train, ${n("openai/validation")} validation examples (OpenAI and Hugging Face JSONL) `;
    return me.role === "streamer"
      ? el("span", {}, text, el("a", { class: "download", href: `/api/studio/jobs/${j.id}/export.zip`, download: `${j.dataset}-v${j.dataset_version}.zip` }, "Download"))
      : text;
  }
  return j.phase;
}

function jobProgress(j) {
  if (j.kind === "train" && j.total) {
    return el("span", {}, el("progress", { max: j.total, value: j.step }), ` ${j.step}/${j.total}`,
      j.loss !== null ? ` · loss ${j.loss.toFixed(3)}` : "", j.examples_per_s !== null ? ` · ${j.examples_per_s.toFixed(2)} examples/s` : "");
  }
  if (j.kind === "hosted" && (j.result.statuses || []).length) {
    return el("span", {}, isLive(j) ? el("progress", {}) : "", ` ${j.result.statuses.join(" → ")}`);
  }
  return isLive(j) ? el("progress", {}) : "";
}

function jobButtons(j) {
  if (me.role !== "streamer") return [];
  if ((j.kind === "train" || j.kind === "hosted") && j.status === "running") {
    return [el("button", { type: "button", class: "cancel", onclick: () => jobAction(j.id, "cancel") }, "Cancel")];
  }
  if (j.resumable) return [el("button", { type: "button", class: "resume", onclick: () => jobAction(j.id, "resume") }, "Resume")];
  return [];
}

function jobRow(j) {
  return el("tr", { class: "job-row", dataset: { id: j.id, status: j.status, kind: j.kind } },
    el("td", {}, `#${j.id}`), el("td", {}, KINDS[j.kind] || j.kind),
    el("td", {}, j.dataset_version ? `${j.dataset} v${j.dataset_version}` : j.dataset),
    el("td", {}, j.started_by), el("td", { class: `job-status ${j.status}` }, j.status),
    el("td", { class: "job-progress" }, jobProgress(j)),
    el("td", { class: "job-result" }, isLive(j) ? j.phase : jobResult(j)),
    el("td", {}, ...jobButtons(j)));
}

function showAvailability(got) {
  const why = document.getElementById("train-unavailable");
  why.textContent = got.training.reason;
  why.hidden = got.training.available;
  document.getElementById("train-form").hidden = me.role !== "streamer" || !got.training.available;
  const hosted = document.getElementById("hosted-unavailable");
  hosted.textContent = got.hosted.reason;
  hosted.hidden = got.hosted.available;
  document.getElementById("hosted-form").hidden = me.role !== "streamer" || !got.hosted.available;
  const model = document.getElementById("h-model");
  if (!model.value) model.value = got.hosted.base_model;
}

async function showJobs() {
  let got;
  try {
    got = await api("GET", `/api/studio/jobs?limit=${jobLimit}`);
  } catch (err) {
    document.getElementById("train-state").textContent = describeError(err);
    return;
  }
  showAvailability(got);
  document.getElementById("jobs").replaceChildren(
    ...(got.jobs.length ? [el("tr", {}, ...["job", "kind", "dataset", "by", "status", "progress", "", ""].map((h) => el("th", {}, h)))] : []),
    ...got.jobs.map(jobRow));
  document.getElementById("jobs-more").hidden = !got.more;
  const now = new Set(got.jobs.filter(isLive).map((j) => j.id));
  const ended = [...running].some((id) => !now.has(id));
  running = now;
  if (ended) await showVersions();  // a new dataset or model version
  clearTimeout(polling);
  if (now.size) polling = setTimeout(showJobs, 1000);
}

async function startJob(path, body, stateId) {
  const state = document.getElementById(stateId);
  try {
    const job = await api("POST", path, body);
    state.textContent = `job #${job.id} started`;
  } catch (err) {
    state.textContent = describeError(err);
  }
  await showJobs();
}

function buildDataset(e) {
  e.preventDefault();
  const state = document.getElementById("build-state");
  let body;
  try {
    const min = document.getElementById("b-min").value;
    body = {
      name: document.getElementById("b-name").value.trim(),
      labels: [...document.querySelectorAll("input[name=b-label]:checked")].map((x) => x.value),
      streams: [...document.getElementById("b-streams").selectedOptions].map((o) => o.value),
      persona_versions: versions(document.getElementById("b-persona-versions").value, "persona versions"),
      model_versions: versions(document.getElementById("b-model-versions").value, "model versions"),
      min_score: min === "" ? null : Number(min),
      tags: splitList(document.getElementById("b-tags").value),
      without_tags: splitList(document.getElementById("b-without").value),
      validation: Number(document.getElementById("b-validation").value || 0),
      seed: document.getElementById("b-seed").value.trim() || "0",
      paraphrases: Number(document.getElementById("b-paraphrases").value || 0),
    };
  } catch (err) {
    state.textContent = String(err.message || err);
    return;
  }
  if (!body.labels.length) { state.textContent = "pick at least one label"; return; }
  startJob("/api/studio/datasets", body, "build-state");
}

function train(e) {
  e.preventDefault();
  const [name, version] = document.getElementById("t-dataset").value.split(":");
  if (!name) { document.getElementById("train-state").textContent = "build a dataset first"; return; }
  const compare = document.getElementById("t-compare").value;
  startJob("/api/studio/train", {
    dataset: name, version: Number(version),
    epochs: Number(document.getElementById("t-epochs").value), rank: Number(document.getElementById("t-rank").value),
    learning_rate: Number(document.getElementById("t-lr").value), batch_size: Number(document.getElementById("t-batch").value),
    compare_with: compare ? Number(compare) : null, restart: document.getElementById("t-restart").checked,
  }, "train-state");
}

function hosted(e) {
  e.preventDefault();
  const [name, version] = document.getElementById("h-dataset").value.split(":");
  if (!name) { document.getElementById("hosted-state").textContent = "build a dataset first"; return; }
  const compare = document.getElementById("h-compare").value;
  startJob("/api/studio/hosted", {
    dataset: name, version: Number(version), base_model: document.getElementById("h-model").value.trim(),
    compare_with: compare ? Number(compare) : null,
  }, "hosted-state");
}

function exportDataset(d) {
  startJob(`/api/studio/datasets/${encodeURIComponent(d.name)}/${d.version}/export`, undefined, "build-state");
}

async function jobAction(id, action) {
  try {
    await api("POST", `/api/studio/jobs/${id}/${action}`);
  } catch (err) {
    document.getElementById("train-state").textContent = describeError(err);
  }
  await showJobs();
}

(async () => {
  me = await Dash.start("studio");
  document.getElementById("filters").addEventListener("submit", (e) => { e.preventDefault(); load(); });
  document.getElementById("bulk-good").onclick = () => bulk("good");
  document.getElementById("bulk-bad").onclick = () => bulk("bad");
  const rollback = document.getElementById("rollback");
  if (me.role === "streamer") rollback.onclick = () => deploy(undefined); else rollback.hidden = true;
  if (me.role === "streamer") {
    document.getElementById("build-form").hidden = false;
    document.getElementById("build-form").addEventListener("submit", buildDataset);
    document.getElementById("train-form").addEventListener("submit", train);
    document.getElementById("hosted-form").addEventListener("submit", hosted);
  } else {
    document.getElementById("readonly-note").hidden = false;
  }
  document.getElementById("jobs-more").onclick = () => { jobLimit += 50; showJobs(); };
  await load();
  await showVersions();
  await showJobs();
})();
