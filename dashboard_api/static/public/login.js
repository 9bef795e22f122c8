"use strict";
// The login form: POST /api/login, then go where the user was headed (same site only).
document.getElementById("login").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const error = document.getElementById("error");
  error.textContent = "";
  const body = {
    name: document.getElementById("name").value,
    password: document.getElementById("password").value,
  };
  let res;
  try {
    res = await fetch("/api/login", {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
  } catch (e) {
    error.textContent = "The dashboard is not reachable.";
    return;
  }
  if (res.ok) {
    const next = new URLSearchParams(location.search).get("next") || "/monitor";
    location.href = /^\/[a-z]*$/.test(next) ? next : "/monitor";
    return;
  }
  if (res.status === 429) {
    error.textContent = `Too many failed logins. Try again in ${res.headers.get("Retry-After") || "a few"} seconds.`;
  } else if (res.status === 401) {
    error.textContent = "Wrong name or password.";
  } else {
    error.textContent = `Login failed (${res.status}).`;
  }
});
