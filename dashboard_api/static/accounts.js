"use strict";
// Accounts and the overlay URL (streamer only). A new password is typed into a real form
// (masked, labelled, typed twice), never into prompt(); one's own account has no "remove".

const { el, api, describeError } = Dash;

function status(text, cls) {
  const box = document.getElementById("accounts-status");
  box.textContent = text;
  box.className = cls || "";
}

async function refresh() {
  const rows = await api("GET", "/api/accounts");
  const mine = Dash.me.name;
  document.getElementById("accounts").replaceChildren(
    el("tr", {}, el("th", {}, "name"), el("th", {}, "role"), el("th", {}, "added by"), el("th", {}, "")),
    ...rows.map((a) => el("tr", { dataset: { name: a.name } },
      el("td", {}, a.name === mine ? `${a.name} (you)` : a.name), el("td", {}, a.role),
      el("td", {}, `${a.created_by}, ${new Date(a.created_at).toLocaleDateString("en-CA")}`),
      el("td", { class: "row-inline" },
        el("button", { type: "button", class: "set-password", "aria-label": `Set a new password for ${a.name}`, onclick: () => askPassword(a.name) }, "new password"),
        a.name === mine ? null : el("button", { type: "button", class: "danger remove", "aria-label": `Remove ${a.name}`, onclick: () => remove(a.name) }, "remove")))));
  const info = await api("GET", "/api/overlay");
  document.getElementById("overlay-info").textContent = info.configured
    ? `An overlay URL exists (made by ${info.created_by}, ${Dash.dateTime(info.created_at)}). Its token is shown only when it is made.`
    : "No overlay URL yet.";
}

async function remove(name) {
  if (!confirm(`Remove ${name}? Their sessions end at once.`)) return;
  try { await api("DELETE", `/api/accounts/${encodeURIComponent(name)}`); status(`Removed ${name}.`, "okay"); }
  catch (err) { status(describeError(err), "error"); }
  await refresh();
}

function askPassword(name) {
  const form = document.getElementById("password-form");
  form.reset();
  document.getElementById("password-name").value = name;
  document.getElementById("password-title").textContent = `New password for ${name}`;
  form.hidden = false;
  document.getElementById("new-password").focus();
}

async function setPassword(ev) {
  ev.preventDefault();
  const form = ev.target;
  const name = document.getElementById("password-name").value;
  const password = document.getElementById("new-password").value;
  const again = document.getElementById("new-password-again");
  if (again.value !== password) {
    again.setAttribute("aria-invalid", "true");
    status("The two passwords differ.", "error");
    again.focus();
    return;
  }
  again.removeAttribute("aria-invalid");
  try {
    await api("POST", `/api/accounts/${encodeURIComponent(name)}/password`, { password });
    form.reset();
    form.hidden = true;
    status(`Password of ${name} changed; their sessions ended.`, "okay");
  } catch (err) { status(describeError(err), "error"); }
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
  document.getElementById("password-form").addEventListener("submit", setPassword);
  document.getElementById("password-cancel").onclick = () => {
    const form = document.getElementById("password-form");
    form.reset(); form.hidden = true;
  };
  document.getElementById("overlay-rotate").onclick = async () => {
    if (!confirm("Make a new overlay URL? The current one stops working.")) return;
    const t = await api("POST", "/api/overlay/token");
    document.getElementById("overlay-url").textContent = t.url;
    await refresh();
  };
  await refresh();
})();
