"use strict";
// Per-stream stats: counts as cards, charts where a picture says more than a table.

const { el, api, describeError } = Dash;

function card(label, value, id) {
  return el("div", { class: "card", id }, el("div", { class: "n" }, value), el("div", { class: "l" }, label));
}

// Event to first audio against the targets for the bundled local models (docs/architecture.md,
// "Budgets"): p50 under 250 ms, p95 under 350 ms. Seconds where that reads better.
const TARGET_MS = { p50: 250, p95: 350 };
function fmtMs(v) {
  if (v === null || v === undefined) return "-";
  return v < 1000 ? `${Math.round(v)} ms` : `${(v / 1000).toFixed(v < 10000 ? 2 : 1)} s`;
}
function latencyCard(which, value, id) {
  const target = TARGET_MS[which];
  const node = card(`first audio ${which} (target under ${fmtMs(target)})`, fmtMs(value), id);
  if (value !== null && value !== undefined) {
    const over = value > target;
    node.classList.add(over ? "over-target" : "on-target");
    node.append(el("div", { class: `verdict ${over ? "error" : "okay"}` },
      over ? `${(value / target).toFixed(1)}× the target: too slow` : "within the target"));
  }
  return node;
}

async function show(query) {
  const error = document.getElementById("stats-error");
  error.textContent = "";
  let s;
  try {
    s = await api("GET", `/api/stats${query}`);
  } catch (err) {
    error.textContent = err.status === 404 ? "Nothing recorded yet." : describeError(err);
    return;
  }
  document.getElementById("cards").replaceChildren(
    card("chat messages", s.messages, "stat-messages"), card("replies", s.replies, "stat-replies"),
    card("blocked", s.blocked, "stat-blocked"), card("held", s.held, "stat-held"),
    card("interrupted", s.interrupted, "stat-interrupted"),
    latencyCard("p50", s.latency.p50_ms, "stat-p50"), latencyCard("p95", s.latency.p95_ms, "stat-p95"));
  document.getElementById("bucket").textContent = s.bucket_s === 60 ? "minute" : `${Math.round(s.bucket_s / 60)} minutes`;
  const labels = s.timeline.map((p) => new Date(p.t).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", hour12: false }));
  const per = s.bucket_s === 60 ? "minute" : `${Math.round(s.bucket_s / 60)} minutes`;
  document.getElementById("timeline").replaceChildren(Charts.lineChart(labels, [
    { values: s.timeline.map((p) => p.messages), cls: "line", label: "chat" },
    { values: s.timeline.map((p) => p.replies), cls: "line2", label: "replies" },
  ], { yTitle: `messages per ${per}`, xTitle: "time (24 h)" }));
  const e = s.engagement;
  document.getElementById("engagement-summary").textContent = e.after_reply_avg === null
    ? "No replies in this stream."
    : `On average ${e.after_reply_avg.toFixed(1)} messages in the minute after a reply; ${e.baseline_per_min.toFixed(1)} per minute over the stream (dashed line).`;
  document.getElementById("engagement").replaceChildren(Charts.barChart(
    e.replies.map((r) => ({ label: Dash.time(r.ts).slice(0, 5), value: r.chat_after })),
    { baseline: e.baseline_per_min, yTitle: "chat messages in the next minute", xTitle: "reply at (24 h)" }));
  document.getElementById("chatters").replaceChildren(s.top_chatters.length
    ? Charts.barChart(s.top_chatters.map((c) => ({ label: c.display_name, value: c.messages })), { horizontal: true })
    : el("p", { class: "dim" }, "No chat."));
}

(async () => {
  await Dash.start("stats");
  const select = document.getElementById("stream");
  const streams = await api("GET", "/api/stats/streams");
  select.replaceChildren(...streams.map((w, i) => el("option", { value: i },
    `${Dash.dateTime(w.start)} - ${w.live ? "now" : Dash.time(w.end)}`)));
  const query = () => {
    const w = streams[Number(select.value)];
    return w ? `?start=${encodeURIComponent(w.start)}&end=${encodeURIComponent(w.live ? new Date().toISOString() : w.end)}` : "";
  };
  select.onchange = () => show(query());
  document.getElementById("reload").onclick = () => show(query());
  await show(query());
})();
