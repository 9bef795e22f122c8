"use strict";
// The chat monitor. One websocket (/api/feed) brings batches of events; rows are kept in a
// capped store (newest MAX_ROWS) and added to the page in one requestAnimationFrame per
// frame of the display, so a raid flood of thousands of messages never freezes the page.

const { el, api, time, describeError } = Dash;
const MAX_ROWS = 2000;
const CATEGORY = (type) => {
  if (type === "chat.message" || type === "moderator.input" || type === "streamer.utterance") return "chat";
  if (type === "streamer.utterance_end") return "status";
  if (type.startsWith("channel.") || type === "stream.state") return "event";
  if (type === "decision") return "decision";
  if (type === "reply.blocked") return "block";
  if (type === "crisis.flagged") return "crisis";
  if (type.startsWith("reply.")) return "reply";
  if (type.startsWith("control.")) return "action";
  return "status";
};

const store = [];               // every kept row, oldest first
let pending = [];               // rows waiting for the next animation frame
let frameQueued = false;
const messages = new Map();     // event id -> {who, text}, for decisions and blocks
const held = new Map();         // turn id -> held reply
const crises = new Map();       // flagged message id -> {flag, sentBy} (a viewer in crisis)
const modes = { kill: { on: false }, hold: { on: false } };
let skippedTotal = 0;
let received = 0;
const filters = { cats: new Set(), search: "" };

// ------------------------------------------------------------------ describing events

function who(user) { return user ? user.display_name || user.login : "anonymous"; }

// Who is behind an input event and what they wrote: the same as each kind's declared `actor`
// and `viewer_text` in engines/events.py (the selector, context and recorder read those).
function actorOf(e) { return e.type === "channel.raid" ? e.from_user : e.user; }
function viewerText(e) {
  switch (e.type) {
    case "chat.message": case "channel.resub": case "channel.cheer": case "streamer.utterance": case "moderator.input":
      return e.text || "";
    case "channel.redemption": return e.user_input || "";
    default: return "";
  }
}

function remember(e) {
  const text = viewerText(e);
  if (!text && !actorOf(e)) return;
  const name = e.type === "streamer.utterance" ? "streamer" : e.type === "moderator.input" ? `mod ${e.author}` : who(actorOf(e));
  messages.set(e.id, { who: name, text });
  if (messages.size > 5000) messages.delete(messages.keys().next().value);
}

function describe(e) {
  switch (e.type) {
    case "chat.message": return { who: who(e.user), text: e.text };
    case "moderator.input": return { who: `mod ${e.author}`, text: e.text };
    case "streamer.utterance": return { who: e.final === false ? "streamer (voice, early)" : "streamer (voice)", text: e.text };
    case "streamer.utterance_end": {
      const m = messages.get(e.utterance_id);
      return { who: "streamer", text: e.kept ? "finished speaking" : `went on talking; early words withdrawn${m ? `: ${m.text}` : ""}` };
    }
    case "channel.follow": return { who: who(e.user), text: "followed" };
    case "channel.subscribe": return { who: who(e.user), text: `subscribed (${e.tier})${e.is_gift ? " - gift" : ""}` };
    case "channel.resub": return { who: who(e.user), text: `resubscribed, ${e.cumulative_months} months: ${e.text}` };
    case "channel.gift": return { who: who(e.user), text: `gifted ${e.total} subs` };
    case "channel.cheer": return { who: who(e.user), text: `cheered ${e.bits} bits: ${e.text}` };
    case "channel.raid": return { who: who(e.from_user), text: `raided with ${e.viewers} viewers` };
    case "channel.redemption": return { who: who(e.user), text: `redeemed ${e.reward_title}: ${e.user_input}` };
    case "stream.state": return { who: "stream", text: [e.online === true ? "online" : e.online === false ? "offline" : "", e.title, e.category].filter(Boolean).join(" · ") };
    case "decision": {
      const m = messages.get(e.target_id);
      const what = m ? `${m.who}: ${m.text}` : e.target_id;
      return { who: e.action === "pick" ? "PICK" : "drop", text: `${what}  <- ${e.reason}${e.score != null ? `, score ${e.score.toFixed(2)}` : ""}` };
    }
    case "reply.started": return { who: "bot", text: `starts a reply (${e.reason || "pick"})` };
    case "reply.sentence": return { who: "bot says", text: `${e.text}  [${e.emotion}]` };
    case "reply.finished": return { who: "bot", text: `finished${e.latency_ms != null ? `, first audio after ${Math.round(e.latency_ms)} ms` : ""}` };
    case "reply.interrupted": return { who: "bot", text: `interrupted by ${e.by}; heard: ${e.heard_text || "(nothing)"}` };
    case "reply.held": return { who: "HELD", text: e.text };
    case "reply.blocked": {
      const m = e.target_id ? messages.get(e.target_id) : null;
      const text = e.text || (m ? `${m.who}: ${m.text}` : "");
      return { who: `blocked ${e.stage}`, text: `${e.layer}: ${e.reason}${text ? ` - ${text}` : ""}` };
    }
    case "crisis.flagged": return { who: who(e.user), text: e.text };
    case "status.component": return { who: e.component, text: `${e.state}${e.detail ? `: ${e.detail}` : ""}` };
    case "status.persona": return { who: "persona", text: e.ok ? `${e.persona} v${e.version} applied` : `${e.persona} v${e.version ?? "latest"} refused: ${e.error}` };
    case "metric": return { who: "metric", text: `${e.name} = ${Math.round(e.value * 10) / 10}` };
    default:
      if (e.type.startsWith("control.")) return { who: e.by || "system", text: describeAction(e) };
      return { who: "", text: e.type };
  }
}

function describeAction(e) {
  switch (e.type) {
    case "control.skip": return e.target_id ? `dropped a queued message (${(messages.get(e.target_id) || {}).text || e.target_id})` : "skipped the reply";
    case "control.interrupt": return `interrupted the bot${e.reason ? ` (${e.reason})` : ""}`;
    case "control.kill": return e.engaged ? `engaged the kill switch${e.reason ? ` (${e.reason})` : ""}` : "released the kill switch";
    case "control.hold": return e.engaged ? "turned hold-for-review on" : "turned hold-for-review off";
    case "control.ptt": return e.pressed ? "pressed push-to-talk" : "released push-to-talk";
    case "control.review": return `${e.approve ? "approved" : "rejected"} a held reply${e.text ? " with an edit" : ""}`;
    case "control.block": return `${e.blocked ? "blocked" : "unblocked"} ${e.login} from the bot`;
    case "control.banned_word": return `${e.add ? "banned" : "allowed"} the word "${e.word}"`;
    case "control.moderate": return `Twitch ${e.action} ${e.login || e.user_id || e.message_id || ""}${e.duration_s ? ` for ${e.duration_s}s` : ""}${e.reason ? ` (${e.reason})` : ""}`;
    case "control.persona": return `switched the persona to ${e.persona} v${e.version ?? "latest"}`;
    case "control.mute": return e.muted ? "muted the bot" : "unmuted the bot";
    case "control.scene": return `switched the scene to ${e.scene}`;
    case "control.chat": {
      const m = e.reply_to ? messages.get(e.reply_to) : null;
      return `sent in chat${e.reply_to ? ` as a reply to ${m ? m.who : e.reply_to}` : ""}: ${e.text}`;
    }
    default: return e.type;
  }
}

// ------------------------------------------------------------------ side effects of events

function track(e) {
  switch (e.type) {
    case "reply.held": held.set(e.turn_id, e); renderHeld(); break;
    case "control.review": if (held.delete(e.turn_id)) renderHeld(); break;
    case "reply.blocked": case "reply.sentence": case "reply.interrupted": case "reply.finished":
      if (e.turn_id && held.delete(e.turn_id)) renderHeld(); break;
    case "control.kill": modes.kill = { on: e.engaged, by: e.by }; renderModes(); break;
    case "control.hold":
      modes.hold = { on: e.engaged, by: e.by };
      if (!e.engaged && held.size) { held.clear(); renderHeld(); }
      renderModes(); break;
    case "status.component": renderComponent(e); break;
    case "status.persona":
      document.getElementById("persona-status").textContent = describe(e).text; break;
    case "crisis.flagged":
      if (!crises.has(e.target_id)) crises.set(e.target_id, { flag: e, sentBy: null });
      markCrisisSource(e.target_id);
      renderCrises(); break;
    case "control.chat": {
      const c = e.reply_to ? crises.get(e.reply_to) : null;
      if (c) { c.sentBy = e.by; renderCrises(); }
      break;
    }
  }
  if (e.type.startsWith("control.")) refreshAuditSoon();
}

// ------------------------------------------------------------------ the feed

function makeRow(item) {
  const e = item.e;
  remember(e);
  const d = describe(e);
  return { id: e.id, type: e.type, cat: CATEGORY(e.type), ts: e.ts, who: d.who, text: d.text, e, search: `${d.who} ${d.text}`.toLowerCase() };
}

function visible(row) {
  if (row.cat === "skipped" || row.cat === "crisis") return true;  // a crisis is never filtered out
  if (!filters.cats.has(row.cat)) return false;
  return !filters.search || row.search.includes(filters.search);
}

function rowNode(row) {
  if (row.cat === "skipped") {
    return el("div", { class: "row cat-skipped", dataset: { type: "skipped" } }, row.text);
  }
  if (row.cat === "crisis") return crisisRow(row);
  const node = el("div", { class: `row cat-${row.cat}${crises.has(row.id) ? " crisis-source" : ""}`, dataset: { type: row.type, id: row.id } },
    el("span", { class: "t" }, time(row.ts)),
    el("span", { class: "k" }, row.cat),
    row.who ? el("span", { class: "who" }, row.who) : null,
    el("span", { class: "msg", title: row.text }, row.text));
  if (row.type === "chat.message") node.append(chatActions(row.e));
  return node;
}

function chatActions(e) {
  const login = e.user.login;
  return el("span", { class: "acts" },
    el("button", { title: "Do not answer this message", onclick: () => act("skip", { target_id: e.id }) }, "skip"),
    el("button", { title: "Stop answering this viewer", onclick: () => act("block", { login, user_id: e.user.id, blocked: true }) }, "block"),
    el("button", { title: "Time out for 10 minutes on Twitch", onclick: () => act("moderate", { action: "timeout", login, user_id: e.user.id, duration_s: 600, reason: "from the chat monitor" }) }, "timeout"),
    el("button", { title: "Delete this message on Twitch", onclick: () => act("moderate", { action: "delete", message_id: e.id, login }) }, "delete"),
    el("button", { class: "danger", title: "Ban on Twitch", onclick: () => { if (confirm(`Ban ${login} on Twitch?`)) act("moderate", { action: "ban", login, user_id: e.user.id, reason: "from the chat monitor" }); } }, "ban"));
}

// ------------------------------------------------------------------ crisis messages

// A viewer's message that reads as a self-harm crisis: the bot does not answer it. The row
// stands out, is never filtered away, and carries a button that sends the configured resource
// (safety.crisis_resource) to chat as a reply to the viewer's message.
function sendResource(flag) {
  return act("chat", { text: flag.resource, reply_to: flag.target_id });
}

function resourceButton(flag, label) {
  const name = who(flag.user);
  return el("button", {
    class: "primary send-resource", title: flag.resource,
    "aria-label": `Send the crisis resource to ${name} in chat, as a reply to their message`,
    onclick: async (ev) => {  // one send per press: the button waits for the answer
      const button = ev.currentTarget;
      button.disabled = true;
      try { await sendResource(flag); } finally { button.disabled = false; }
    },
  }, label);
}

function crisisRow(row) {
  const flag = row.e;
  return el("div", { class: "row cat-crisis", role: "group", "aria-label": `Crisis message from ${who(flag.user)}, not answered`, dataset: { type: row.type, id: row.id, target: flag.target_id } },
    el("span", { class: "t" }, time(row.ts)),
    el("span", { class: "k" }, "crisis — not answered"),
    el("span", { class: "who" }, who(flag.user)),
    el("span", { class: "msg", title: `${flag.text} (${flag.reason})` }, flag.text),
    el("span", { class: "acts" }, flag.resource ? resourceButton(flag, "Send resource") : null));
}

function markCrisisSource(id) {
  const node = document.querySelector(`#feed .row[data-id="${CSS.escape(id)}"]`);
  if (node) node.classList.add("crisis-source");
}

function renderCrises() {
  const box = document.getElementById("crises");
  document.getElementById("crisis-count").textContent = crises.size ? `(${crises.size})` : "";
  document.getElementById("crisis-panel").classList.toggle("alerting", [...crises.values()].some((c) => !c.sentBy));
  if (!crises.size) { box.replaceChildren(el("p", { class: "dim" }, "None.")); return; }
  box.replaceChildren(...[...crises.values()].reverse().map(({ flag, sentBy }) =>
    el("div", { class: "crisis-item", dataset: { target: flag.target_id } },
      el("div", {}, el("b", {}, who(flag.user)), " ", el("span", { class: "dim" }, time(flag.ts))),
      el("p", { class: "crisis-text" }, flag.text),
      el("p", { class: "dim" }, `${flag.reason}. Not answered by the bot.`),
      flag.resource ? el("p", { class: "crisis-resource" }, `Resource: ${flag.resource}`) : el("p", { class: "error" }, "No resource configured (safety.crisis_resource)."),
      el("div", { class: "row-inline" },
        flag.resource ? resourceButton(flag, sentBy ? "Send again" : "Send resource as a reply") : null,
        sentBy ? el("span", { class: "okay", role: "status" }, `sent by ${sentBy}`) : null))));
  const fresh = [...crises.values()].filter((c) => !c.sentBy).length;
  document.getElementById("crisis-live").textContent = fresh ? `${fresh} crisis message${fresh > 1 ? "s" : ""} waiting for a moderator` : "";
}

function add(rows) {
  for (const row of rows) {
    store.push(row);
    if (visible(row)) pending.push(row);
  }
  if (store.length > MAX_ROWS * 1.25) store.splice(0, store.length - MAX_ROWS);
  if (!frameQueued) { frameQueued = true; requestAnimationFrame(paint); }
}

function paint() {
  frameQueued = false;
  const feed = document.getElementById("feed");
  const batch = pending.length > MAX_ROWS ? pending.slice(-MAX_ROWS) : pending;
  pending = [];
  if (batch.length) {
    const frag = document.createDocumentFragment();
    for (const row of batch) frag.append(rowNode(row));
    feed.append(frag);
    let extra = feed.childElementCount - MAX_ROWS;
    while (extra-- > 0) feed.firstElementChild.remove();
  }
  if (document.getElementById("follow").checked) feed.scrollTop = feed.scrollHeight;
  document.getElementById("counts").textContent =
    `${received} events${skippedTotal ? `, ${skippedTotal} skipped` : ""}`;
}

function rerender() {
  const feed = document.getElementById("feed");
  feed.replaceChildren();
  pending = store.filter(visible).slice(-MAX_ROWS);
  if (!frameQueued) { frameQueued = true; requestAnimationFrame(paint); }
}

function onFrame(frame) {
  if (frame.t === "skipped") {
    skippedTotal += frame.n;
    add([{ cat: "skipped", text: `this page fell behind: ${frame.n} events skipped`, search: "" }]);
    return;
  }
  const rows = [];
  for (const item of frame.events) {
    rows.push(makeRow(item));
    track(item.e);
  }
  received += rows.length;
  add(rows);
}

function connect(delay = 500) {
  const conn = document.getElementById("conn");
  const ws = new WebSocket(`${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/api/feed`);
  ws.onopen = () => { conn.textContent = "live"; conn.className = "pill ok"; delay = 500; };
  ws.onmessage = (msg) => onFrame(JSON.parse(msg.data));
  ws.onclose = () => {
    conn.textContent = "reconnecting"; conn.className = "pill down";
    setTimeout(() => connect(Math.min(delay * 2, 10000)), delay);
  };
}

// ------------------------------------------------------------------ actions

async function act(name, body) {
  const error = document.getElementById("action-error");
  error.textContent = "";
  try {
    return await api("POST", `/api/actions/${name}`, body);
  } catch (err) {
    error.textContent = `${name}: ${describeError(err)}`;
    return null;
  }
}

function renderModes() {
  const kill = document.getElementById("kill");
  kill.classList.toggle("on", modes.kill.on);
  kill.textContent = modes.kill.on ? "Silenced: resume" : "Kill switch";
  const hold = document.getElementById("hold");
  hold.classList.toggle("on", modes.hold.on);
  hold.textContent = modes.hold.on ? "Holding: release" : "Hold for review";
  const bits = [];
  if (modes.kill.on) bits.push(`kill switch on${modes.kill.by ? ` (${modes.kill.by})` : ""}: the bot is silent`);
  if (modes.hold.on) bits.push(`replies wait for review${modes.hold.by ? ` (${modes.hold.by})` : ""}`);
  document.getElementById("modes").textContent = bits.join("; ");
}

function renderHeld() {
  const box = document.getElementById("held");
  document.getElementById("held-count").textContent = held.size ? `(${held.size})` : "";
  if (!held.size) { box.replaceChildren(el("p", { class: "dim" }, "Nothing waiting.")); return; }
  box.replaceChildren(...[...held.values()].map((h) => {
    const text = el("textarea", { rows: 3, maxlength: 2000, "aria-label": "reply text" });
    text.value = h.text;
    return el("div", { class: "held-item", dataset: { turn: h.turn_id } },
      text,
      el("div", { class: "row-inline" },
        el("button", { class: "primary approve", onclick: () => {
          const edited = text.value.trim();
          act("review", { turn_id: h.turn_id, approve: true, text: edited && edited !== h.text ? edited : null });
        } }, "Approve"),
        el("button", { class: "danger reject", onclick: () => act("review", { turn_id: h.turn_id, approve: false }) }, "Reject")));
  }));
}

const componentState = new Map();
function renderComponent(e) {
  componentState.set(e.component, e);
  document.getElementById("components").replaceChildren(...[...componentState.values()].map((c) =>
    el("span", { class: `pill ${c.state}`, title: c.detail }, `${c.component}: ${c.state}`)));
}

let auditTimer = null;
function refreshAuditSoon() {
  clearTimeout(auditTimer);
  auditTimer = setTimeout(refreshAudit, 1200);  // the recorder writes the audit row a moment later
}

async function refreshAudit() {
  const rows = await api("GET", "/api/audit?limit=100");
  document.getElementById("audit").replaceChildren(...rows.map((r) =>
    el("div", { class: "audit-row" },
      el("span", { class: "dim" }, `${new Date(r.ts).toLocaleString()} `),
      el("b", {}, r.actor), ` ${r.action.replace("control.", "")}`, r.target ? ` ${r.target}` : "")));
}

async function refreshState() {
  const s = await api("GET", "/api/state");
  modes.kill = s.kill; modes.hold = s.hold;
  renderModes();
  document.getElementById("blocked-list").textContent = s.blocked_viewers.length ? `blocked: ${s.blocked_viewers.join(", ")}` : "";
  document.getElementById("word-list").textContent = s.banned_words.length ? `banned: ${s.banned_words.join(", ")}` : "";
}

// Push-to-talk (streamer only): pressed while the button (or the space bar, outside text
// fields) is held; released on let go, on leaving the page, or when the window loses focus.
let pttDown = false;
async function ptt(pressed) {
  if (pressed === pttDown) return;
  pttDown = pressed;
  document.getElementById("ptt").classList.toggle("on", pressed);
  if (!(await act("ptt", { pressed })) && pressed) pttDown = false;
}

function wirePtt() {
  const button = document.getElementById("ptt");
  button.hidden = false;
  button.addEventListener("pointerdown", (e) => { e.preventDefault(); ptt(true); });
  for (const name of ["pointerup", "pointerleave", "pointercancel"]) button.addEventListener(name, () => ptt(false));
  const typing = (e) => e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
  document.addEventListener("keydown", (e) => { if (e.code === "Space" && !e.repeat && !typing(e)) { e.preventDefault(); ptt(true); } });
  document.addEventListener("keyup", (e) => { if (e.code === "Space" && !typing(e)) ptt(false); });
  window.addEventListener("blur", () => ptt(false));
  window.addEventListener("pagehide", () => ptt(false));
}

function wire() {
  document.getElementById("skip-now").onclick = () => act("skip", {});
  document.getElementById("interrupt").onclick = () => act("interrupt", { reason: "moderator" });
  document.getElementById("kill").onclick = () => act("kill", { engaged: !modes.kill.on });
  document.getElementById("hold").onclick = () => act("hold", { engaged: !modes.hold.on });
  document.getElementById("block-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const blocked = ev.submitter ? ev.submitter.dataset.blocked !== "false" : true;
    if (await act("block", { login: document.getElementById("block-login").value.trim(), blocked })) setTimeout(refreshState, 1200);
  });
  document.getElementById("word-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const add = ev.submitter ? ev.submitter.dataset.add !== "false" : true;
    if (await act("banned-word", { word: document.getElementById("word").value.trim(), add })) setTimeout(refreshState, 1200);
  });
  document.getElementById("mod-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const action = document.getElementById("mod-action").value;
    const login = document.getElementById("mod-login").value.trim() || null;
    const body = { action, login, reason: document.getElementById("mod-reason").value };
    if (action === "timeout") body.duration_s = Number(document.getElementById("mod-duration").value);
    if (action === "delete") body.message_id = document.getElementById("mod-message").value.trim() || null;
    act("moderate", body);
  });
  for (const box of document.querySelectorAll("#filters input[data-cat]")) {
    if (box.checked) filters.cats.add(box.dataset.cat);
    box.addEventListener("change", () => {
      if (box.checked) filters.cats.add(box.dataset.cat); else filters.cats.delete(box.dataset.cat);
      rerender();
    });
  }
  let searchTimer = null;
  document.getElementById("search").addEventListener("input", (ev) => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => { filters.search = ev.target.value.trim().toLowerCase(); rerender(); }, 150);
  });
}

(async () => {
  const me = await Dash.start("monitor");
  wire();
  if (me.role === "streamer") wirePtt();
  renderModes();
  connect();
  await Promise.all([refreshState(), refreshAudit()]);
})();
