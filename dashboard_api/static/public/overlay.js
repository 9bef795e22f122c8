"use strict";
// The OBS overlay: captions (each sentence as it is spoken), alerts, and the bot's own audio,
// all from /overlay/ws. Audio frames are binary: kind (o/a/s/c), sample rate (uint32 LE),
// turn-id length (uint8), turn id, then 16-bit PCM; they are played with WebAudio.

(() => {
  const token = new URLSearchParams(location.search).get("token") || "";
  const caption = document.getElementById("caption");
  const alertBox = document.getElementById("alert");
  const soundHint = document.getElementById("sound");
  const state = { captionTurn: null, clearTimer: null, alerts: [], alertBusy: false };
  window.overlayState = { captions: [], alerts: [], audioFrames: 0, audioSamples: 0 };

  // ---------------------------------------------------------------- captions and alerts
  function showCaption(msg) {
    clearTimeout(state.clearTimer);
    state.captionTurn = msg.turn_id;
    caption.textContent = msg.text;
    caption.classList.add("show");
    window.overlayState.captions.push(msg.text);
  }

  function clearCaption(msg) {
    if (msg.turn_id !== state.captionTurn) return;
    clearTimeout(state.clearTimer);
    state.clearTimer = setTimeout(() => caption.classList.remove("show"), 1500);
  }

  function queueAlert(msg) {
    window.overlayState.alerts.push(msg.text);
    state.alerts.push(msg.text);
    if (state.alerts.length > 20) state.alerts.shift();
    if (!state.alertBusy) nextAlert();
  }

  function nextAlert() {
    const text = state.alerts.shift();
    if (text === undefined) { state.alertBusy = false; return; }
    state.alertBusy = true;
    alertBox.textContent = text;
    alertBox.classList.add("show");
    setTimeout(() => { alertBox.classList.remove("show"); setTimeout(nextAlert, 400); }, 5000);
  }

  // ---------------------------------------------------------------- audio
  let ctx = null;
  let playHead = 0;
  const playing = new Set();

  function audioContext() {
    if (!ctx) {
      const Ctx = window.AudioContext || window.webkitAudioContext;
      if (!Ctx) return null;
      ctx = new Ctx();
    }
    if (ctx.state === "suspended") {
      ctx.resume().catch(() => {});
      soundHint.classList.remove("hidden");  // a normal browser needs one click; OBS does not
    }
    return ctx;
  }
  soundHint.addEventListener("click", () => { if (ctx) ctx.resume(); soundHint.classList.add("hidden"); });

  function stopAudio() {
    for (const src of playing) { try { src.stop(); } catch (e) { /* already ended */ } }
    playing.clear();
    playHead = 0;
  }

  function onAudio(buf) {
    const view = new DataView(buf);
    if (buf.byteLength < 6) return;
    const kind = String.fromCharCode(view.getUint8(0));
    const rate = view.getUint32(1, true);
    const idLen = view.getUint8(5);
    const start = 6 + idLen;
    window.overlayState.audioFrames += 1;
    if (kind === "o") { stopAudio(); return; }
    if (kind === "s") { stopAudio(); return; }
    if (kind !== "a" || rate < 3000 || rate > 192000) return;
    const samples = (buf.byteLength - start) >> 1;
    if (samples <= 0) return;
    window.overlayState.audioSamples += samples;
    const ac = audioContext();
    if (!ac) return;
    if (ac.state === "running") soundHint.classList.add("hidden");
    const pcm = new Int16Array(buf.slice(start, start + samples * 2));
    const audio = ac.createBuffer(1, samples, rate);
    const channel = audio.getChannelData(0);
    for (let i = 0; i < samples; i++) channel[i] = pcm[i] / 32768;
    const src = ac.createBufferSource();
    src.buffer = audio;
    src.connect(ac.destination);
    const at = Math.max(ac.currentTime + 0.05, playHead);
    src.start(at);
    playHead = at + audio.duration;
    playing.add(src);
    src.onended = () => playing.delete(src);
  }

  // ---------------------------------------------------------------- connection
  function connect(delay) {
    const ws = new WebSocket(`${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/overlay/ws?token=${encodeURIComponent(token)}`);
    ws.binaryType = "arraybuffer";
    ws.onopen = () => { delay = 500; document.body.dataset.connected = "true"; };
    ws.onmessage = (ev) => {
      if (typeof ev.data !== "string") { onAudio(ev.data); return; }
      const msg = JSON.parse(ev.data);
      if (msg.t === "caption") showCaption(msg);
      else if (msg.t === "clear") clearCaption(msg);
      else if (msg.t === "alert") queueAlert(msg);
    };
    ws.onclose = () => {
      document.body.dataset.connected = "false";
      setTimeout(() => connect(Math.min(delay * 2, 10000)), delay);
    };
  }
  connect(500);
})();
