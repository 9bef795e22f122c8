"use strict";
// Accounts and the overlay URL (streamer only).

const { el, api, describeError } = Dash;

function status(text, cls) {
  const box = document.getElementById("accounts-status");
  box.textContent = text;
  box.className = cls || "";
}

async function refresh() {
  const rows = await api("GET", "/api/accounts");
  document.getElementById("accounts").replaceChildren(
    el("tr", {}, el("th", {}, "name"), el("th", {}, "role"), el("th", {}, "added by"), el("th", {}, "")),
    ...rows.map((a) => el("tr", { dataset: { name: a.name } },
      el("td", {}, a.name), el("td", {}, a.role), el("td", {}, `${a.created_by}, ${new Date(a.created_at).toLocaleDateString()}`),
      el("td", { class: "row-inline" },
        el("button", { type: "button", onclick: () => changePassword(a.name) }, "new password"),
        el("button", { type: "button", class: "danger", onclick: () => remove(a.name) }, "remove")))));
  const info = await api("GET", "/api/overlay");
  document.getElementById("overlay-info").textContent = info.configured
    ? `An overlay URL exists (made by ${info.created_by}, ${new Date(info.created_at).toLocaleString()}). Its token is shown only when it is made.`
    : "No overlay URL yet.";
}

async function remove(name) {
  if (!confirm(`Remove ${name}?`)) return;
  try { await api("DELETE", `/api/accounts/${encodeURIComponent(name)}`); status(`Removed ${name}.`, "okay"); }
  catch (err) { status(describeError(err), "error"); }
  await refresh();
}

async function changePassword(name) {
  const password = prompt(`New password for ${name} (8+ characters)`);
  if (!password) return;
  try { await api("POST", `/api/accounts/${encodeURIComponent(name)}/password`, { password }); status(`Password of ${name} changed; their sessions ended.`, "okay"); }
  catch (err) { status(describeError(err), "error"); }
}

(async () => {
  await Dash.start("accounts");
  document.getElementById("add-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const body = {
      name: document.getElementById("add-name").value.trim(),
      role: document.getElementById("add-role").value,
      password: document.getElementById("add-password").value,
    };
    try { await api("POST", "/api/accounts", body); status(`Added ${body.name} (${body.role}).`, "okay"); ev.target.reset(); }
    catch (err) { status(describeError(err), "error"); }
    await refresh();
  });
  document.getElementById("overlay-rotate").onclick = async () => {
    if (!confirm("Make a new overlay URL? The current one stops working.")) return;
    const t = await api("POST", "/api/overlay/token");
    document.getElementById("overlay-url").textContent = t.url;
    await refresh();
  };
  await refresh();
})();
