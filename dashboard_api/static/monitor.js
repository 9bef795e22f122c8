"use strict";
// The chat monitor. One websocket (/api/feed) brings batches of events; rows are kept in a
// capped store (newest MAX_ROWS) and added to the page in one requestAnimationFrame per
// frame of the display, so a raid flood of thousands of messages never freezes the page.
// While the reader scrolls up, hovers the feed or has a row focused, the feed holds still
// and counts "N new"; "jump to live" (or End) goes back to the newest.

const { el, api, time, describeError } = Dash;
const MAX_ROWS = 2000;
const UNDO_S = 5;               // destructive row actions wait this long for an undo
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
const turns = new Map();        // turn id -> ids of the messages the turn answers
const chatById = new Map();     // chat event id -> the chat event (row actions find it by id)
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
  if (e.type === "reply.started") {
    turns.set(e.turn_id, e.trigger_ids || []);
    if (turns.size > 2000) turns.delete(turns.keys().next().value);
    return;
  }
  if (e.type === "chat.message") {
    chatById.set(e.id, e);
    if (chatById.size > MAX_ROWS * 2) chatById.delete(chatById.keys().next().value);
  }
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
      const what = m ? `${m.who}: "${m.text}"` : "a message no longer on this page";
      return e.action === "pick"
        ? { who: "bot chose", text: `to answer ${what} (${pickWords(e.reason)})` }
        : { who: "bot passed", text: `over ${what}: ${dropWords(e.reason)}` };
    }
    case "reply.started": return { who: "bot", text: `starts a reply to ${answering(e.turn_id) || pickWords(e.reason)}` };
    case "reply.sentence": return { who: "bot says", text: e.text, to: answering(e.turn_id) };
    case "reply.finished":
      if (!e.sentences) return { who: "bot", text: "ERROR: the reply ended without a word (see LLM in the status bar)", to: answering(e.turn_id) };
      return { who: "bot", text: `finished${e.latency_ms != null ? `, first audio after ${(e.latency_ms / 1000).toFixed(2)} s` : ""}` };
    case "reply.interrupted": return { who: "bot", text: `interrupted by ${e.by}; heard: ${e.heard_text || "(nothing)"}` };
    case "reply.held": return { who: "held", text: e.text, to: answering(e.turn_id) };
    case "reply.blocked": {
      const m = e.target_id ? messages.get(e.target_id) : null;
      const text = e.text || (m ? `${m.who}: ${m.text}` : "");
      const where = e.stage === "input" ? "a viewer's message" : "the bot's words";
      return { who: "safety", text: `stopped ${where} (${e.layer}: ${e.reason})${text ? `: ${text}` : ""}` };
    }
    case "crisis.flagged": return { who: who(e.user), text: e.text };
    case "status.component": return { who: e.component, text: `is ${e.state === "degraded" ? "having trouble" : e.state}${e.detail ? `: ${e.detail}` : ""}` };
    case "status.persona": return { who: "persona", text: e.ok ? `the bot now runs ${e.persona} version ${e.version}` : `the bot refused ${e.persona} version ${e.version ?? "latest"}: ${e.error}` };
    case "metric": return { who: "metric", text: `${e.name} = ${Math.round(e.value * 10) / 10}` };
    default:
      if (e.type.startsWith("control.")) return { who: e.by || "system", text: describeAction(e) };
      return { who: "", text: e.type };
  }
}

// The selector's reasons, in plain words (engines/ai/selector.py lists them).
const DROP_WORDS = {
  self: "the bot's own message", bot: "another bot", blocked: "the viewer is blocked from the bot",
  command: "a chat command", empty: "nothing to answer", stale: "too old by the time the bot was free",
  redelivered: "already seen", duplicate: "the same as one just answered", "copy-paste": "copy-paste spam",
  "cheer-duplicate": "the chat copy of a cheer", "pool-full": "too many waiting (the oldest go first)",
  "batch-full": "answered together with others, no room for this one", "queue-full": "too many waiting",
  "gift-burst": "part of a gift burst already thanked", "no-input": "no text to answer",
  "follows-disabled": "follows are not answered", "low-confidence": "speech not heard clearly",
  skipped: "a moderator skipped it", retracted: "the streamer went on talking", "not-addressed": "not said to the bot",
  "shared-chat": "another channel's chat", "input-check-error": "the safety check failed",
};
function dropWords(reason) {
  if (reason.startsWith("unsafe:")) return `unsafe (${reason.slice(7).replace(/[-_]/g, " ")})`;
  if (reason.startsWith("crisis")) return `reads as a crisis (${reason.replace(/^crisis:\s*/, "")})`;
  return DROP_WORDS[reason] || reason.replace(/[-_]/g, " ");
}
function pickWords(reason) {
  if (!reason) return "its turn";
  if (reason.startsWith("quiet for")) return `nothing said for a while (${reason})`;
  return reason.replace(/[-_]/g, " ");
}
// "PixelMage: 'can you hear me…'": the message(s) a turn answers.
function answering(turnId) {
  const ids = turns.get(turnId) || [];
  const parts = ids.map((id) => messages.get(id)).filter(Boolean).map((m) => `${m.who}: "${clip(m.text, 80)}"`);
  return parts.length ? parts.join("; ") : "";
}
function clip(text, n) { return text.length > n ? `${text.slice(0, n - 1)}…` : text; }

function describeAction(e) {
  switch (e.type) {
    case "control.skip": return e.target_id ? `dropped a queued message (${(messages.get(e.target_id) || {}).text || e.target_id})` : "skipped the reply";
    case "control.interrupt": return `interrupted the bot${e.reason ? ` (${e.reason})` : ""}`;
    case "control.kill": return e.engaged ? `turned the kill switch on${e.reason ? ` (${e.reason})` : ""}` : "turned the kill switch off";
    case "control.hold": return e.engaged ? "turned hold-for-review on" : "turned hold-for-review off";
    case "control.ptt": return e.pressed ? "pressed push-to-talk" : "released push-to-talk";
    case "control.review": return `${e.approve ? "approved" : "rejected"} a held reply${e.text ? " with an edit" : ""}`;
    case "control.block": return `${e.blocked ? "blocked" : "unblocked"} ${e.login} from the bot`;
    case "control.banned_word": return `${e.add ? "banned" : "allowed"} the word "${e.word}"`;
    case "control.moderate": {
      const whom = e.login || e.user_id || "";
      const what = { timeout: `asked Twitch to time out ${whom}${e.duration_s ? ` for ${duration(e.duration_s)}` : ""}`,
        ban: `asked Twitch to ban ${whom}`, unban: `asked Twitch to unban ${whom}`,
        delete: `asked Twitch to delete a message${whom ? ` by ${whom}` : ""}` }[e.action] || `asked Twitch to ${e.action} ${whom}`;
      return `${what}${e.reason ? ` (${e.reason})` : ""}`;
    }
    case "control.persona": return `asked the bot to run ${e.persona} version ${e.version ?? "latest"}`;
    case "control.mute": return e.muted ? "muted the bot" : "unmuted the bot";
    case "control.scene": return `switched the scene to ${e.scene}`;
    case "control.chat": {
      const m = e.reply_to ? messages.get(e.reply_to) : null;
      return `sent in chat${e.reply_to ? ` as a reply to ${m ? m.who : e.reply_to}` : ""}: ${e.text}`;
    }
    default: return e.type;
  }
}

function duration(s) {
  if (s % 86400 === 0) return `${s / 86400} day${s === 86400 ? "" : "s"}`;
  if (s % 3600 === 0) return `${s / 3600} hour${s === 3600 ? "" : "s"}`;
  if (s % 60 === 0) return `${s / 60} minute${s === 60 ? "" : "s"}`;
  return `${s} seconds`;
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
  const cat = e.type === "reply.finished" && !e.sentences ? "block" : CATEGORY(e.type);  // no words: an error, in red
  return { id: e.id, type: e.type, cat, ts: e.ts, who: d.who, text: d.text, to: d.to || "", e, search: `${d.who} ${d.text} ${d.to || ""}`.toLowerCase() };
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
  const chat = row.type === "chat.message";
  const node = el("div", { class: `row cat-${row.cat}${crises.has(row.id) ? " crisis-source" : ""}`, dataset: { type: row.type, id: row.id }, tabindex: chat ? "-1" : null },
    el("span", { class: "t" }, time(row.ts)),
    el("span", { class: "k" }, row.cat),
    row.who ? el("span", { class: "who" }, chat && row.e.user ? memoriesButton(row.e.user) : row.who) : null,
    el("span", { class: "msg" }, row.text, row.to ? el("span", { class: "to" }, `answering ${row.to}`) : null));
  if (chat) node.append(chatActions(row.e));
  return node;
}

// Row actions: always shown, plain buttons (Tab reaches them), handled by one listener on the
// feed. With a row focused the keys in ROW_KEYS act on it (listed on the page).
const ROW_ACTIONS = [
  ["skip", "s", "Do not answer this message"],
  ["block", "b", "Stop the bot answering this viewer (5 s to undo)"],
  ["timeout", "t", "Time out for 10 minutes on Twitch (5 s to undo)"],
  ["delete", "d", "Delete this message on Twitch (5 s to undo)"],
  ["ban", "x", "Ban on Twitch (5 s to undo)"],
];
const ROW_KEYS = Object.fromEntries(ROW_ACTIONS.map(([name, key]) => [key, name]));

function chatActions(e) {
  const name = who(e.user);
  return el("span", { class: "acts" }, ...ROW_ACTIONS.map(([act, key, title]) =>
    el("button", { type: "button", class: act === "ban" ? "danger" : null, dataset: { act }, title: `${title} [${key}]`, "aria-label": `${act} ${name}`, "aria-keyshortcuts": key }, act)));
}

function rowAction(name, e) {
  const login = e.user.login;
  const name_ = who(e.user);
  switch (name) {
    case "skip": return act("skip", { target_id: e.id }, `skip ${name_}'s message`);
    case "block": return later(`Block ${name_} from the bot`, () => act("block", { login, user_id: e.user.id, blocked: true }, `block ${name_}`));
    case "timeout": return later(`Time out ${name_} for 10 minutes`, () => act("moderate", { action: "timeout", login, user_id: e.user.id, duration_s: 600, reason: "from the chat monitor" }, `time out ${name_}`));
    case "delete": return later(`Delete ${name_}'s message`, () => act("moderate", { action: "delete", message_id: e.id, login }, `delete ${name_}'s message`));
    case "ban": return later(`Ban ${name_} on Twitch`, () => act("moderate", { action: "ban", login, user_id: e.user.id, reason: "from the chat monitor" }, `ban ${name_}`));
  }
  return null;
}

// ------------------------------------------------------------------ a viewer's memories

// A chat row's name (or m on a focused row) opens a side panel with what the character remembers
// about the viewer, from the memory page's API (/api/memory/...): edit or delete one there, or
// open the viewer on /memory. The panel sits outside the feed: the feed goes on as before.
let memoriesOf = null;          // {user, opener}: the viewer shown and what opened the panel
let memoriesAsked = 0;          // the latest request (an older answer is not drawn over it)

function memoriesButton(user) {
  const name = who(user);
  return el("button", { type: "button", class: "who-open", title: `What the character remembers about ${name} [m]`, "aria-label": `${name}: memories`, "aria-keyshortcuts": "m" }, name);
}

function memStatus(text, cls) {
  const box = document.getElementById("memories-status");
  box.textContent = text;
  box.className = cls || "";
}

async function openMemories(user, opener) {
  const panel = document.getElementById("memories-panel");
  memoriesOf = { user, opener };
  document.getElementById("memories-title").textContent = `Memories of ${who(user)}`;
  const link = document.getElementById("memories-link");
  link.href = `/memory?viewer=${encodeURIComponent(user.login)}`;
  link.textContent = `Open ${user.login} on the memory page`;
  memStatus("");
  document.getElementById("memories-list").replaceChildren(el("li", { class: "dim" }, "Loading…"));  // never another viewer's
  panel.hidden = false;
  document.getElementById("memories-title").focus();
  await loadMemories();
}

async function loadMemories() {
  if (!memoriesOf) return;
  const asked = ++memoriesAsked;
  const list = document.getElementById("memories-list");
  list.setAttribute("aria-busy", "true");
  let rows;
  try { rows = await api("GET", `/api/memory/viewers/${encodeURIComponent(memoriesOf.user.login)}`); }
  catch (err) { if (asked === memoriesAsked) { list.removeAttribute("aria-busy"); memStatus(describeError(err), "error"); } return; }
  if (asked !== memoriesAsked) return;
  list.removeAttribute("aria-busy");
  if (!rows.length) { list.replaceChildren(el("li", { class: "dim" }, `Nothing is remembered about ${who(memoriesOf.user)}.`)); return; }
  list.replaceChildren(...rows.map((m) => {
    const input = el("input", { value: m.text, maxlength: "500", class: "memory-text", "aria-label": `Memory (${m.kind})` });
    return el("li", { class: "memory-item", dataset: { id: m.id } },
      el("div", { class: "dim" }, `${m.kind} · ${m.persona} · ${Dash.dateTime(m.created_at)}${m.edited_by ? `, edited by ${m.edited_by}` : ""}`),
      input,
      el("div", { class: "row-inline" },
        el("button", { type: "button", class: "save-memory", onclick: () => saveMemory(m.id, input.value) }, "save"),
        el("button", { type: "button", class: "danger delete-memory", onclick: () => deleteMemory(m.id) }, "delete")));
  }));
}

async function saveMemory(id, text) {
  try { await api("PUT", `/api/memory/memories/${encodeURIComponent(id)}`, { text }); memStatus("Memory saved.", "okay"); }
  catch (err) { memStatus(describeError(err), "error"); }
  await loadMemories();
}

async function deleteMemory(id) {
  if (!confirm("Delete this memory?")) return;
  try { await api("DELETE", `/api/memory/memories/${encodeURIComponent(id)}`); memStatus("Memory deleted.", "okay"); }
  catch (err) { memStatus(describeError(err), "error"); }
  await loadMemories();
}

function closeMemories() {
  const opener = memoriesOf && memoriesOf.opener;
  document.getElementById("memories-panel").hidden = true;
  memoriesOf = null;
  memoriesAsked++;
  if (opener instanceof HTMLElement && opener.isConnected) opener.focus({ preventScroll: true });
}

// A destructive action waits UNDO_S seconds in the "pending" list, with an Undo button (and u);
// only then is it sent.
const pendingActs = [];
function later(label, run) {
  const item = { label, run, left: UNDO_S, timer: null, node: null };
  const undo = el("button", { type: "button", class: "undo", onclick: () => cancel(item) }, "Undo");
  const text = el("span", { class: "pending-text" });
  item.node = el("div", { class: "pending-item", role: "status" }, text, undo);
  const tick = () => {
    text.textContent = `${label} in ${item.left} s`;
    if (item.left-- <= 0) { drop(item); item.run(); return; }
    item.timer = setTimeout(tick, 1000);
  };
  pendingActs.push(item);
  document.getElementById("pending").append(item.node);
  tick();
  return item;
}
function drop(item) {
  clearTimeout(item.timer);
  const i = pendingActs.indexOf(item);
  if (i >= 0) pendingActs.splice(i, 1);
  item.node.remove();
}
function cancel(item) {
  drop(item);
  note(`Undone: ${item.label}.`, "okay");
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
  let shown = 0;
  for (const row of rows) {
    store.push(row);
    if (visible(row)) { pending.push(row); shown++; }
  }
  if (store.length > MAX_ROWS * 1.25) store.splice(0, store.length - MAX_ROWS);
  if (paused()) {
    // hold still: rows wait (the newest MAX_ROWS) until the reader goes back to live
    newWhilePaused += shown;
    if (pending.length > MAX_ROWS) pending = pending.slice(-MAX_ROWS);
    updateLiveButton();
    return;
  }
  schedule();
}

function schedule() {
  if (!frameQueued) { frameQueued = true; requestAnimationFrame(paint); }
}

function paint() {
  frameQueued = false;
  if (paused() && !rerendering) { updateLiveButton(); return; }
  rerendering = false;
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
  if (!paused()) { feed.scrollTop = feed.scrollHeight; newWhilePaused = 0; updateLiveButton(); }
  document.getElementById("counts").textContent =
    `${received} events${skippedTotal ? `, ${skippedTotal} skipped` : ""}`;
}

let rerendering = false;
function rerender() {
  const feed = document.getElementById("feed");
  feed.replaceChildren();
  pending = store.filter(visible).slice(-MAX_ROWS);
  rerendering = true;  // a filter or search change repaints even while paused
  schedule();
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
  ws.onclose = (ev) => {
    conn.textContent = "reconnecting"; conn.className = "pill down";
    if (ev.code === 1008) {  // the server ended it: most likely the session; /api/me says
      api("GET", "/api/me").catch(() => {});
      reconnectTimer = setTimeout(() => connect(Math.min(delay * 2, 10000)), Math.max(delay, 5000));
      return;
    }
    reconnectTimer = setTimeout(() => connect(Math.min(delay * 2, 10000)), delay);
  };
  socket = ws;
}
let socket = null;
let reconnectTimer = null;

// ------------------------------------------------------------------ actions

// Says what happened to an action: refused (with why), queued for a bot that is not running,
// or sent. "Sent" means the bot has it, not that Twitch carried it out: the feed shows that.
function note(text, cls) {
  const box = document.getElementById("action-error");
  box.textContent = text;
  box.className = cls;
}

async function act(name, body, label) {
  const what = label || name;
  try {
    const sent = await api("POST", `/api/actions/${name}`, body);
    if (sent.waiting_for_bot) note(`Queued: ${what}. The bot is not running; it does this when it starts.`, "warning");
    else if (sent.queued) note(`Queued: ${what}. The bus is unreachable; it is sent when it is back.`, "warning");
    else note(`Sent to the bot: ${what}.`, "okay");
    return sent;
  } catch (err) {
    note(`Not done: ${what}. ${describeError(err)}`, "error");
    return null;
  }
}

function renderModes() {
  const kill = document.getElementById("kill");
  kill.classList.toggle("on", modes.kill.on);
  kill.textContent = modes.kill.on ? "Silenced: resume" : "Kill switch";
  const hold = document.getElementById("hold");
  hold.classList.toggle("on", modes.hold.on);
  hold.classList.toggle("caution", modes.hold.on);
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
    const ids = turns.get(h.turn_id) || [];
    const asked = ids.map((id) => messages.get(id)).filter(Boolean);
    return el("div", { class: "held-item", dataset: { turn: h.turn_id } },
      el("div", { class: "held-context" },
        ...(asked.length
          ? asked.map((m) => el("p", { class: "held-asked" }, el("b", {}, m.who), `: ${m.text}`))
          : [el("p", { class: "dim" }, "Not an answer to a viewer (the bot's own turn).")]),
        el("p", { class: "dim held-age", dataset: { since: h.ts } }, `waiting ${Dash.ago((Date.now() - new Date(h.ts)) / 1000).replace(" ago", "")}`)),
      el("label", { class: "held-label" }, "The bot would say:"),
      text,
      el("div", { class: "row-inline" },
        el("button", { class: "primary approve", onclick: () => {
          const edited = text.value.trim();
          act("review", { turn_id: h.turn_id, approve: true, text: edited && edited !== h.text ? edited : null });
        } }, "Approve"),
        el("button", { class: "danger reject", onclick: () => act("review", { turn_id: h.turn_id, approve: false }) }, "Reject")));
  }));
}


let auditTimer = null;
function refreshAuditSoon() {
  clearTimeout(auditTimer);
  auditTimer = setTimeout(refreshAudit, 1200);  // the recorder writes the audit row a moment later
}

// One audit row in plain words: "mia turned the kill switch on".
function auditWords(r) {
  const d = r.details || {};
  const msg = (id) => { const m = id ? messages.get(id) : null; return m ? ` (${m.who}: "${clip(m.text, 60)}")` : ""; };
  switch (r.action) {
    case "control.kill": return d.engaged ? `turned the kill switch on${d.reason ? ` (${d.reason})` : ""}` : "turned the kill switch off";
    case "control.hold": return d.engaged ? "turned hold-for-review on" : "turned hold-for-review off";
    case "control.skip": return d.target_id ? `skipped a message${msg(d.target_id)}` : "skipped the reply being spoken";
    case "control.interrupt": return "interrupted the bot";
    case "control.review": return `${d.approve ? "approved" : "rejected"} a held reply${d.text ? " with an edit" : ""}`;
    case "control.block": return `${d.blocked === false ? "unblocked" : "blocked"} ${d.login || r.target || "a viewer"} ${d.blocked === false ? "for" : "from"} the bot`;
    case "control.banned_word": return `${d.add === false ? "allowed" : "banned"} the word "${d.word || r.target}"`;
    case "control.moderate": return describeAction({ type: "control.moderate", ...d, login: d.login || r.target });
    case "control.chat": return `sent in chat${d.reply_to ? ` as a reply${msg(d.reply_to)}` : ""}: ${d.text || ""}`;
    case "control.ptt": return d.pressed ? "pressed push-to-talk" : "released push-to-talk";
    case "control.persona": return `asked the bot to run ${d.persona || r.target || "a persona"}${d.version ? ` version ${d.version}` : ""}`;
    case "control.mute": return d.muted ? "muted the bot" : "unmuted the bot";
    case "control.scene": return `switched the scene to ${d.scene || r.target}`;
    default: return r.action.replace("control.", "").replace(/[._]/g, " ");
  }
}

async function refreshAudit() {
  const rows = await api("GET", "/api/audit?limit=100");
  document.getElementById("audit").replaceChildren(...rows.map((r) =>
    el("div", { class: "audit-row" },
      el("span", { class: "dim" }, `${Dash.dateTime(r.ts)} `),
      el("b", {}, r.actor), ` ${auditWords(r)}`)));
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
  // the space bar talks only when no control has the focus: a focused button, link, field or
  // checkbox keeps its own space bar
  document.addEventListener("keydown", (e) => { if (e.code === "Space" && !e.repeat && !onControl(e)) { e.preventDefault(); ptt(true); } });
  document.addEventListener("keyup", (e) => { if (e.code === "Space" && (pttDown || !onControl(e))) ptt(false); });
  window.addEventListener("blur", () => ptt(false));
  window.addEventListener("pagehide", () => ptt(false));
}

function onControl(e) {
  const t = e.target;
  return t instanceof Element && !!t.closest("button, a[href], input, select, textarea, summary, [contenteditable], [role=button], [role=checkbox], .row[tabindex]");
}

// ------------------------------------------------------------------ pause, jump to live, keys

let hovering = false;
let scrolledUp = false;
let newWhilePaused = 0;
function paused() { return hovering || scrolledUp || !document.getElementById("follow").checked || feedHasFocus(); }
// a chat row focused with j/k holds the feed still (a row's buttons do not: pressing one shows its result)
function feedHasFocus() { const a = document.activeElement; return a instanceof Element && a.matches("#feed .row[tabindex]"); }

function updateLiveButton() {
  const jump = document.getElementById("jump-live");
  const p = paused();
  jump.hidden = !p;
  jump.textContent = newWhilePaused ? `${newWhilePaused} new, jump to live` : "paused: jump to live";
  document.getElementById("feed-state").textContent = p
    ? `Paused${hovering ? " while the pointer is over the feed" : scrolledUp ? " while you read back" : ""}.` : "";
}

let hoverMuted = false;
function jumpToLive() {
  hovering = false; scrolledUp = false; hoverMuted = true;
  const follow = document.getElementById("follow");
  follow.checked = true;
  if (feedHasFocus()) document.activeElement.blur();
  newWhilePaused = 0;
  schedule();
  updateLiveButton();
}

function chatRows() { return [...document.querySelectorAll('#feed .row[data-type="chat.message"]')]; }
function focusedRow() { const a = document.activeElement; return a instanceof Element ? a.closest('#feed .row[data-type="chat.message"]') : null; }
function moveFocus(step) {
  const rows = chatRows();
  if (!rows.length) return;
  const current = focusedRow();
  let i = current ? rows.indexOf(current) + step : rows.length - 1;
  i = Math.max(0, Math.min(rows.length - 1, i));
  rows[i].focus();
  rows[i].scrollIntoView({ block: "nearest" });
}

function wireKeys() {
  const feed = document.getElementById("feed");
  // the pointer over the feed holds it still; after "jump to live" the pointer must leave the
  // feed first (it is still there, over the button that went away)
  const wrap = document.querySelector(".feed-wrap");
  wrap.addEventListener("pointerover", () => { if (!hoverMuted) { hovering = true; updateLiveButton(); } });
  wrap.addEventListener("pointerleave", () => { hovering = false; hoverMuted = false; updateLiveButton(); if (!paused()) schedule(); });
  feed.addEventListener("scroll", () => {
    scrolledUp = feed.scrollHeight - feed.scrollTop - feed.clientHeight > 40;
    if (!scrolledUp && newWhilePaused && !paused()) { newWhilePaused = 0; schedule(); }
    updateLiveButton();
  });
  feed.addEventListener("focusin", updateLiveButton);
  feed.addEventListener("focusout", () => setTimeout(() => { updateLiveButton(); if (!paused()) schedule(); }, 0));
  feed.addEventListener("click", (ev) => {
    const who_ = ev.target instanceof Element ? ev.target.closest("button.who-open") : null;
    if (who_) { const r = who_.closest(".row"); const c = r ? chatById.get(r.dataset.id) : null; if (c) openMemories(c.user, who_); return; }
    const button = ev.target instanceof Element ? ev.target.closest("button[data-act]") : null;
    if (!button) return;
    const row = button.closest(".row");
    const e = row ? chatById.get(row.dataset.id) : null;
    if (e) rowAction(button.dataset.act, e);
  });
  document.getElementById("jump-live").addEventListener("click", jumpToLive);
  document.addEventListener("keydown", (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const t = ev.target;
    if (ev.key === "Escape" && t instanceof Element && t.closest("#memories-panel")) { closeMemories(); ev.preventDefault(); return; }
    if (t instanceof Element && t.closest("input, textarea, select, [contenteditable]")) return;
    if (ev.key === "j") { moveFocus(1); ev.preventDefault(); }
    else if (ev.key === "k") { moveFocus(-1); ev.preventDefault(); }
    else if (ev.key === "End" || ev.key === "l") { jumpToLive(); ev.preventDefault(); }
    else if (ev.key === "Escape" && !document.getElementById("memories-panel").hidden) { closeMemories(); ev.preventDefault(); }
    else if (ev.key === "m") {
      const row = focusedRow();
      const e = row ? chatById.get(row.dataset.id) : null;
      if (e) { openMemories(e.user, row); ev.preventDefault(); }
    }
    else if (ev.key === "u" && pendingActs.length) { cancel(pendingActs[pendingActs.length - 1]); ev.preventDefault(); }
    else if (ROW_KEYS[ev.key]) {
      const row = focusedRow();
      const e = row ? chatById.get(row.dataset.id) : null;
      if (e) { rowAction(ROW_KEYS[ev.key], e); ev.preventDefault(); }
    }
  });
}

function wire() {
  wireKeys();
  document.getElementById("memories-close").onclick = () => closeMemories();
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

// Held replies' ages tick every second.
setInterval(() => {
  for (const node of document.querySelectorAll("#held .held-age")) {
    node.textContent = `waiting ${Dash.ago((Date.now() - new Date(node.dataset.since)) / 1000).replace(" ago", "")}`;
  }
}, 1000);

(async () => {
  const me = await Dash.start("monitor");
  Dash.onStatus((s) => {  // the bot's own word on its modes wins over the audit trail
    if (s.bot !== "up") return;
    if (modes.kill.on !== s.killed || modes.hold.on !== s.holding) {
      modes.kill = { ...modes.kill, on: s.killed }; modes.hold = { ...modes.hold, on: s.holding };
      renderModes();
    }
  });
  Dash.onSession(() => {  // logged in again over the page: the feed comes back at once
    clearTimeout(reconnectTimer);
    if (!socket || socket.readyState > 1) connect();
    refreshAudit();
  });
  wire();
  if (me.role === "streamer") wirePtt();
  renderModes();
  connect();
  await Promise.all([refreshState(), refreshAudit()]);
})();
