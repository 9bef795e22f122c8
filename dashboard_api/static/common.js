"use strict";
// Shared by every signed-in page: the nav bar, a JSON API helper with the CSRF header,
// and a tiny DOM builder that only ever sets text (never HTML), so chat cannot inject markup.

const Dash = (() => {
  let me = null;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else if (k === "dataset") Object.assign(node.dataset, v);
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  class ApiError extends Error {
    constructor(status, detail) {
      super(typeof detail === "string" ? detail : `request failed (${status})`);
      this.status = status;
      this.detail = detail;
    }
  }

  async function api(method, path, body) {
    const headers = { "Accept": "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (method !== "GET" && me) headers["X-CSRF-Token"] = me.csrf;
    const res = await fetch(path, {
      method, headers, credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status === 401) {
      sessionEnded();
      throw new ApiError(401, "your session ended: log in again");
    }
    const text = await res.text();
    const data = text ? JSON.parse(text) : null;
    if (!res.ok) throw new ApiError(res.status, data && data.detail !== undefined ? data.detail : text);
    return data;
  }

  function describeError(err) {
    if (!(err instanceof ApiError)) return String(err);
    if (Array.isArray(err.detail)) {
      return err.detail.map((d) => `${(d.loc || []).slice(1).join(".")}: ${d.msg}`).join("; ");
    }
    return err.message;
  }

  function nav(current) {
    const links = [["monitor", "Chat monitor"], ["stats", "Stats"], ["studio", "Studio"]];
    if (me.role === "streamer") links.push(["persona", "Persona"], ["accounts", "Accounts"]);
    const logout = el("button", {
      id: "logout",
      onclick: async () => { await api("POST", "/api/logout"); location.href = "/login"; },
    }, "Log out");
    const header = el("header", { class: "nav" },
      el("span", { class: "brand" }, "VTuber dashboard"),
      ...links.map(([page, label]) => el("a", { href: `/${page}`, class: page === current ? "current" : null }, label)),
      el("span", { class: "spacer" }),
      el("span", { id: "whoami", class: "dim" }, `${me.name} (${me.role})`),
      logout);
    document.body.prepend(header);
  }

  async function start(current) {
    const res = await fetch("/api/me", { credentials: "same-origin", headers: { "Accept": "application/json" } });
    if (res.status === 401) {  // not signed in at all: the login page, then back here
      location.href = `/login?next=${encodeURIComponent(location.pathname)}`;
      throw new ApiError(401, "log in first");
    }
    me = await res.json();
    nav(current);
    statusBar();
    return me;
  }

  // ---------------------------------------------------------------- the status bar
  // On every page, under the nav: the bot up or down (from its heartbeat), when it last spoke,
  // each component's health, and the kill switch and hold-for-review. Polled every 2 s, which
  // also finds an expired session within seconds.
  const COMPONENTS = [["llm", "LLM"], ["tts", "Voice"], ["twitch", "Twitch"], ["vtube_studio", "VTube Studio"], ["obs", "OBS"]];
  const STATE_WORDS = { ok: "ok", degraded: "trouble", down: "down", revoked: "login revoked", off: "off" };
  const listeners = [];
  let lastStatus = null;

  function ago(seconds) {
    if (seconds < 60) return `${Math.round(seconds)} s ago`;
    if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
    return `${Math.round(seconds / 3600)} h ago`;
  }

  function statusBar() {
    const bar = el("div", { id: "statusbar", class: "statusbar", role: "region", "aria-label": "Bot status" },
      el("span", { id: "sb-bot", class: "sb-item" }, "bot: …"),
      el("span", { id: "sb-spoke", class: "sb-item dim" }),
      el("span", { id: "sb-components", class: "sb-components" }),
      el("span", { class: "spacer" }),
      el("span", { id: "sb-kill", class: "sb-mode" }, "kill switch: …"),
      el("span", { id: "sb-hold", class: "sb-mode" }, "hold: …"));
    document.querySelector("header.nav").after(bar);
    pollStatus();
    setInterval(pollStatus, 2000);
  }

  async function pollStatus() {
    if (sessionOverlayOpen()) return;
    let s;
    try { s = await api("GET", "/api/status"); } catch (err) { return; }
    lastStatus = s;
    renderStatus(s);
    for (const fn of listeners) fn(s);
  }

  function renderStatus(s) {
    const bot = document.getElementById("sb-bot");
    const words = { up: "Bot running", down: "Bot NOT running", waiting: "Waiting for the bot…" };
    bot.textContent = words[s.bot] + (s.bot === "down" && s.last_beat_s != null ? ` (last heard ${ago(s.last_beat_s)})` : "");
    bot.className = `sb-item sb-bot ${s.bot}`;
    document.getElementById("sb-spoke").textContent = s.bot !== "up" ? ""
      : s.last_spoke ? `last spoke ${ago((Date.now() - new Date(s.last_spoke)) / 1000)}` : "has not spoken yet";
    document.getElementById("sb-components").replaceChildren(...COMPONENTS.map(([key, label]) => {
      const c = s.components[key];
      const state = s.bot !== "up" ? "unknown" : c ? c.state : "off";
      const word = state === "unknown" ? "unknown" : STATE_WORDS[state] || state;
      return el("span", { class: `sb-comp ${state}`, dataset: { component: key }, title: c && c.detail ? c.detail : null },
        `${label}: ${word}`);
    }));
    const kill = document.getElementById("sb-kill");
    const hold = document.getElementById("sb-hold");
    if (s.killed == null) {
      kill.textContent = "kill switch: unknown"; kill.className = "sb-mode";
      hold.textContent = "hold: unknown"; hold.className = "sb-mode";
    } else {
      const stale = s.bot !== "up" ? " (last known)" : "";  // what the bot said before it went quiet
      kill.textContent = (s.killed ? "KILL SWITCH ON: the bot is silent" : "kill switch off") + stale;
      kill.className = `sb-mode ${s.killed ? "alarm" : "calm"}`;
      hold.textContent = (s.holding ? "HOLDING: replies wait for review" : "hold off") + stale;
      hold.className = `sb-mode ${s.holding ? "caution" : "calm"}`;
    }
  }

  function onStatus(fn) { listeners.push(fn); if (lastStatus) fn(lastStatus); }

  // ---------------------------------------------------------------- an expired session
  // Any 401 from the API (the status poll finds it within 2 s) opens a login form over the
  // page; logging in there keeps the page as it was and carries on.
  const sessionListeners = [];
  function sessionOverlayOpen() { return !!document.getElementById("session-overlay"); }

  function sessionEnded() {
    if (sessionOverlayOpen()) return;
    const error = el("p", { class: "error", role: "alert", id: "relogin-error" });
    const form = el("form", { class: "panel login-box", id: "relogin" },
      el("h2", { id: "relogin-title" }, "Your session ended"),
      el("p", { class: "dim" }, "Log in again to carry on. The page keeps its place."),
      el("label", { for: "relogin-name" }, "Name"),
      el("input", { id: "relogin-name", autocomplete: "username", required: true, maxlength: 64, value: me ? me.name : "" }),
      el("label", { for: "relogin-password" }, "Password"),
      el("input", { id: "relogin-password", type: "password", autocomplete: "current-password", required: true, maxlength: 1024 }),
      el("button", { class: "primary", type: "submit" }, "Log in"),
      error);
    const overlay = el("div", { id: "session-overlay", class: "overlay", role: "dialog", "aria-modal": "true", "aria-labelledby": "relogin-title" }, form);
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      error.textContent = "";
      const res = await fetch("/api/login", {
        method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ name: form.querySelector("#relogin-name").value, password: form.querySelector("#relogin-password").value }),
      });
      if (res.ok) {
        me = await res.json();
        overlay.remove();
        for (const fn of sessionListeners) fn(me);
        pollStatus();
      } else if (res.status === 429) {
        error.textContent = `Too many failed logins. Try again in ${res.headers.get("Retry-After") || "a few"} seconds.`;
      } else {
        error.textContent = res.status === 401 ? "Wrong name or password." : `Login failed (${res.status}).`;
      }
    });
    document.body.append(overlay);
    (me ? form.querySelector("#relogin-password") : form.querySelector("#relogin-name")).focus();
  }

  function onSession(fn) { sessionListeners.push(fn); }

  // One time format everywhere: 24-hour, local time.
  const pad = (n) => String(n).padStart(2, "0");
  function time(ts) {
    const d = new Date(ts);
    return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  }

  function dateTime(ts) {
    const d = new Date(ts);
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${time(d)}`;
  }

  function lines(text) {
    return text.split("\n").map((s) => s.trim()).filter((s) => s.length > 0);
  }

  return {
    el, api, start, time, dateTime, lines, describeError, ApiError, onStatus, onSession, sessionEnded, ago,
    get me() { return me; },
  };
})();
