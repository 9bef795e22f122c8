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
      location.href = `/login?next=${encodeURIComponent(location.pathname)}`;
      throw new ApiError(401, "log in first");
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
    const links = [["monitor", "Chat monitor"], ["stats", "Stats"]];
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
    me = await api("GET", "/api/me");
    nav(current);
    return me;
  }

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

  return { el, api, start, time, dateTime, lines, describeError, ApiError, get me() { return me; } };
})();
