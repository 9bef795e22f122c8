"use strict";
// Small inline-SVG charts: no library, nothing from the network.

const Charts = (() => {
  const NS = "http://www.w3.org/2000/svg";

  function svg(tag, attrs, text) {
    const node = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function niceMax(v) {
    if (v <= 0) return 1;
    const p = Math.pow(10, Math.floor(Math.log10(v)));
    for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
    return 10 * p;
  }

  // The value axis: 0, half and the top, each with a grid line, and the axis' name above it.
  function yAxis(root, y, max, pad, width, title) {
    for (const frac of [0, 0.5, 1]) {
      const v = max * frac;
      root.append(svg("text", { class: "tick y-tick", x: pad.l - 6, y: y(v) + 4, "text-anchor": "end" }, String(Math.round(v * 10) / 10)));
      root.append(svg("line", { class: "axis", x1: pad.l, y1: y(v), x2: width - pad.r, y2: y(v) }));
    }
    if (title) root.append(svg("text", { class: "axis-title", x: pad.l, y: 12 }, title));
  }

  // Time labels under the x axis, thinned to fit, the first and last always shown and kept
  // inside the chart (anchored at their start and end), with the axis' name.
  function xAxis(root, labels, x, height, width, pad, title) {
    const step = Math.max(1, Math.ceil(labels.length / 8));
    const last = labels.length - 1;
    labels.forEach((label, i) => {
      if (i % step !== 0 && i !== last) return;
      if (i !== last && last - i < step / 2) return;  // too close to the last one
      const anchor = labels.length === 1 ? "middle" : i === 0 ? "start" : i === last ? "end" : "middle";
      root.append(svg("text", { class: "tick x-tick", x: x(i), y: height - pad.b + 16, "text-anchor": anchor }, label));
    });
    if (title) root.append(svg("text", { class: "axis-title", x: width - pad.r, y: height - 4, "text-anchor": "end" }, title));
  }

  // lines: [{values: [..], cls: "line"|"line2", label}], labels: x labels (same length)
  function lineChart(labels, series, { width = 900, height = 240, baseline = null, yTitle = "", xTitle = "" } = {}) {
    const pad = { l: 44, r: 12, t: 22, b: 40 };
    const root = svg("svg", { class: "chart", viewBox: `0 0 ${width} ${height}`, role: "img" });
    const all = series.flatMap((s) => s.values);
    const max = niceMax(Math.max(1, ...all, baseline || 0));
    const n = labels.length - 1;
    const x = (i) => (n > 0 ? pad.l + (i / n) * (width - pad.l - pad.r) : (pad.l + width - pad.r) / 2);
    const y = (v) => height - pad.b - (v / max) * (height - pad.t - pad.b);
    yAxis(root, y, max, pad, width, yTitle);
    xAxis(root, labels, x, height, width, pad, xTitle);
    for (const s of series) {
      const d = s.values.map((v, i) => `${i ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
      root.append(svg("path", { class: s.cls, d }));
      if (s.values.length <= 60) {  // few points: mark each (a single point draws no line)
        s.values.forEach((v, i) => root.append(svg("circle", { class: `${s.cls}-dot`, cx: x(i), cy: y(v), r: 3 })));
      }
    }
    if (baseline !== null) root.append(svg("line", { class: "base", x1: pad.l, y1: y(baseline), x2: width - pad.r, y2: y(baseline) }));
    let lx = pad.l + 200;
    for (const s of series) {
      root.append(svg("text", { x: lx, y: 12, class: s.cls === "line2" ? "legend2" : "legend" }, `— ${s.label}`));
      lx += 120;
    }
    return root;
  }

  // bars: [{label, value}]; horizontal bars for names, vertical for series
  function barChart(bars, { width = 900, height = 220, horizontal = false, baseline = null, yTitle = "", xTitle = "" } = {}) {
    const root = svg("svg", { class: "chart", viewBox: `0 0 ${width} ${horizontal ? 22 * bars.length + 10 : height}`, role: "img" });
    const max = niceMax(Math.max(1, ...bars.map((b) => b.value), baseline || 0));
    if (horizontal) {
      const left = 160;
      bars.forEach((b, i) => {
        const w = (b.value / max) * (width - left - 50);
        root.append(svg("text", { x: 4, y: 22 * i + 20 }, b.label));
        root.append(svg("rect", { class: "bar", x: left, y: 22 * i + 8, width: Math.max(1, w), height: 16 }));
        root.append(svg("text", { x: left + w + 6, y: 22 * i + 20 }, String(b.value)));
      });
      return root;
    }
    const pad = { l: 44, r: 12, t: 22, b: 40 };
    const bw = (width - pad.l - pad.r) / Math.max(1, bars.length);
    const y = (v) => height - pad.b - (v / max) * (height - pad.t - pad.b);
    yAxis(root, y, max, pad, width, yTitle);
    xAxis(root, bars.map((b) => b.label), (i) => pad.l + i * bw + bw / 2, height, width, pad, xTitle);
    bars.forEach((b, i) => {
      const r = svg("rect", { class: "bar2", x: pad.l + i * bw + 1, y: y(b.value), width: Math.max(1, bw - 2), height: y(0) - y(b.value) });
      r.append(svg("title", {}, `${b.label}: ${b.value}`));
      root.append(r);
    });
    if (baseline !== null) root.append(svg("line", { class: "base", x1: pad.l, y1: y(baseline), x2: width - pad.r, y2: y(baseline) }));
    return root;
  }

  return { lineChart, barChart };
})();
