"use strict";
// Engagement per persona version and model version (the training studio's feedback loop), on
// the stats page: one row per version the bot ran, scored from the log afresh on each load.

(() => {
  const { el, api, describeError } = Dash;
  const fmt = (v, digits = 2) => (v === null || v === undefined ? "-" : Number(v).toFixed(digits));

  async function showVersions() {
    const box = document.getElementById("version-engagement");
    if (!box) return;
    let rows;
    try {
      rows = await api("GET", "/api/studio/engagement");
    } catch (err) {
      box.replaceChildren(el("p", { class: "error" }, describeError(err)));
      return;
    }
    if (!rows.length) {
      box.replaceChildren(el("p", { class: "dim" }, "No replies yet."));
      return;
    }
    const head = ["persona", "persona version", "model version", "turns", "avg score", "chat after",
      "baseline", "replies to her", "follows", "subs", "bits", "skips", "rejections", "edits"];
    box.replaceChildren(el("table", { class: "versions" },
      el("thead", {}, el("tr", {}, ...head.map((h) => el("th", {}, h)))),
      el("tbody", {}, ...rows.map((r) => el("tr", { class: "version-row" },
        el("td", {}, r.persona), el("td", {}, r.persona_version === null ? "file" : `v${r.persona_version}`),
        el("td", {}, r.model_version === null ? "base" : `v${r.model_version}`), el("td", {}, String(r.turns)),
        el("td", { class: "score" }, fmt(r.avg_score)), el("td", {}, fmt(r.avg_chat_after, 1)),
        el("td", {}, fmt(r.avg_baseline, 1)), el("td", {}, String(r.replies)), el("td", {}, String(r.follows)),
        el("td", {}, String(r.subs)), el("td", {}, String(r.bits)), el("td", {}, String(r.skips)),
        el("td", {}, String(r.rejections)), el("td", {}, String(r.edits)))))));
  }

  window.addEventListener("load", () => {
    showVersions();
    const reload = document.getElementById("reload");
    if (reload) reload.addEventListener("click", showVersions);
  });
})();
