"use strict";
// The memory page: a viewer's memories (edit, delete, forget the viewer) for moderators and the
// streamer, and the knowledge documents (edited by the streamer). The bot embeds what is saved.

const { el, api, describeError } = Dash;
let current = null;  // the viewer shown

function status(text, cls) {
  const box = document.getElementById("memory-status");
  box.textContent = text;
  box.className = cls || "";
}

async function searchViewers(ev) {
  if (ev) ev.preventDefault();
  const q = document.getElementById("search").value.trim();
  const rows = await api("GET", `/api/memory/viewers?search=${encodeURIComponent(q)}`);
  document.getElementById("viewers").replaceChildren(
    el("tr", {}, el("th", {}, "viewer"), el("th", {}, "memories"), el("th", {}, "last")),
    ...rows.map((v) => el("tr", { dataset: { viewer: v.viewer_login } },
      el("td", {}, el("button", { type: "button", class: "open-viewer", onclick: () => showViewer(v.viewer_login) }, v.viewer_login)),
      el("td", {}, String(v.memories)), el("td", {}, Dash.dateTime(v.last)))));
  if (!rows.length && ev) status(q ? `Nobody matching "${q}" is remembered.` : "Nobody is remembered yet.", "");
}

async function showViewer(login) {
  current = login;
  const rows = await api("GET", `/api/memory/viewers/${encodeURIComponent(login)}`);
  document.getElementById("viewer-panel").hidden = false;
  document.getElementById("viewer-title").textContent = `Memories of ${login}`;
  document.getElementById("memories").replaceChildren(
    el("tr", {}, el("th", {}, "persona"), el("th", {}, "kind"), el("th", {}, "memory"), el("th", {}, "from"), el("th", {}, "")),
    ...rows.map((m) => {
      const input = el("input", { value: m.text, maxlength: "500", class: "memory-text", "aria-label": `Memory ${m.id}` });
      return el("tr", { dataset: { id: m.id } },
        el("td", {}, m.persona), el("td", {}, m.kind), el("td", {}, input),
        el("td", { class: "dim" }, `${Dash.dateTime(m.created_at)}${m.edited_by ? `, edited by ${m.edited_by}` : ""}`),
        el("td", { class: "row-inline" },
          el("button", { type: "button", class: "save-memory", onclick: () => saveMemory(m.id, input.value) }, "save"),
          el("button", { type: "button", class: "danger delete-memory", onclick: () => deleteMemory(m.id) }, "delete")));
    }));
  if (!rows.length) status(`Nothing is remembered about ${login}.`, "");
}

async function saveMemory(id, text) {
  try { await api("PUT", `/api/memory/memories/${encodeURIComponent(id)}`, { text }); status("Memory saved.", "okay"); }
  catch (err) { status(describeError(err), "error"); }
  await showViewer(current);
}

async function deleteMemory(id) {
  if (!confirm("Delete this memory?")) return;
  try { await api("DELETE", `/api/memory/memories/${encodeURIComponent(id)}`); status("Memory deleted.", "okay"); }
  catch (err) { status(describeError(err), "error"); }
  await showViewer(current);
}

async function forgetViewer() {
  if (!current || !confirm(`Forget everything about ${current}, under every persona? This is audited and cannot be undone.`)) return;
  try {
    const out = await api("POST", `/api/memory/viewers/${encodeURIComponent(current)}/forget`);
    status(`Forgot ${out.viewer}: ${out.deleted} memories deleted.`, "okay");
  } catch (err) { status(describeError(err), "error"); }
  document.getElementById("viewer-panel").hidden = true;
  current = null;
  await searchViewers();
}

async function refreshDocuments() {
  const docs = await api("GET", "/api/knowledge");
  const streamer = Dash.me.role === "streamer";
  document.getElementById("documents").replaceChildren(
    el("tr", {}, el("th", {}, "name"), el("th", {}, "chunks"), el("th", {}, "by"), el("th", {}, "")),
    ...docs.map((d) => el("tr", { dataset: { doc: d.name } },
      el("td", {}, d.name), el("td", {}, String(d.chunks)), el("td", {}, `${d.created_by}, ${Dash.dateTime(d.updated_at)}`),
      el("td", { class: "row-inline" },
        el("button", { type: "button", class: "edit-doc", onclick: () => editDocument(d.id) }, streamer ? "edit" : "read"),
        streamer ? el("button", { type: "button", class: "danger remove-doc", onclick: () => removeDocument(d) }, "remove") : null))));
  document.getElementById("doc-form").hidden = !streamer;
}

async function editDocument(id) {
  const d = await api("GET", `/api/knowledge/${id}`);
  const form = document.getElementById("doc-form");
  form.hidden = false;
  document.getElementById("doc-title").textContent = `Edit ${d.name}`;
  document.getElementById("doc-name").value = d.name;
  document.getElementById("doc-name").readOnly = true;
  document.getElementById("doc-text").value = d.text;
}

async function removeDocument(d) {
  if (!confirm(`Remove ${d.name} from the character's knowledge?`)) return;
  try { await api("DELETE", `/api/knowledge/${d.id}`); status(`Removed ${d.name}.`, "okay"); }
  catch (err) { status(describeError(err), "error"); }
  await refreshDocuments();
}

function newDocument() {
  document.getElementById("doc-form").reset();
  document.getElementById("doc-title").textContent = "Add a document";
  document.getElementById("doc-name").readOnly = false;
}

async function saveDocument(ev) {
  ev.preventDefault();
  const body = { name: document.getElementById("doc-name").value.trim(), text: document.getElementById("doc-text").value };
  try {
    const d = await api("POST", "/api/knowledge", body);
    status(`Saved ${d.name}: ${d.chunks} chunks.`, "okay");
  } catch (err) { status(describeError(err), "error"); }
  await refreshDocuments();
}

(async () => {
  await Dash.start("memory");
  const header = document.querySelector("header.nav");  // the shared nav does not list this page yet
  if (header && !header.querySelector('a[href="/memory"]')) {
    const link = el("a", { href: "/memory", class: "current" }, "Memory");
    const spacer = header.querySelector(".spacer");
    header.insertBefore(link, spacer);
  }
  document.getElementById("viewer-search").addEventListener("submit", searchViewers);
  document.getElementById("forget").onclick = forgetViewer;
  document.getElementById("doc-form").addEventListener("submit", saveDocument);
  document.getElementById("doc-new").onclick = newDocument;
  await searchViewers();
  await refreshDocuments();
  const asked = new URLSearchParams(location.search).get("viewer");  // the monitor's link
  if (asked) await showViewer(asked);
})();
