"""Runs a real OBS Studio headless (under Xvfb) with a throw-away config, for integration tests.

Everything lives in a temporary directory: HOME and XDG_CONFIG_HOME point there, so the
user's own OBS config is never read or written. ``global.ini`` enables obs-websocket on a
free port with a random password; the profile renders at 10 FPS. Proxy variables in the OBS
process (only) point at a closed loopback port, so the start-up update check stays local.

``start()`` waits until the websocket accepts TCP connections; ``kill()`` simulates a crash
(SIGKILL, the config stays so ``start()`` brings the same OBS back on the same port);
``stop()`` ends OBS and Xvfb and removes the directory.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

PROFILE = "VTuberTest"
COLLECTION = "VTuberTest"
SCENE = "Scene"
CLOSED_PROXY = "http://127.0.0.1:9"
_PROXY_VARS = ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy")


class ObsUnavailable(RuntimeError):
    """OBS or Xvfb is not installed, or OBS did not start (the message has the log tail)."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _free_display() -> int:
    for n in range(90, 400):
        if not Path(f"/tmp/.X{n}-lock").exists() and not Path(f"/tmp/.X11-unix/X{n}").exists():
            return n
    raise ObsUnavailable("no free X display number")


def _port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


class ObsRunner:
    def __init__(self, *, fps: int = 10, width: int = 1280, height: int = 720) -> None:
        self.fps = fps
        self.width = width
        self.height = height
        self.port = free_port()
        self.password = secrets.token_urlsafe(18)
        self.host = "127.0.0.1"
        self.scene = SCENE
        self.root = Path(tempfile.mkdtemp(prefix="obs-test-"))
        self.config_dir = self.root / "obs-studio"
        self.display = _free_display()
        self._xvfb: subprocess.Popen[bytes] | None = None
        self._obs: subprocess.Popen[bytes] | None = None
        self._write_config()

    @staticmethod
    def available() -> str | None:
        """None when OBS and Xvfb are installed, else why not."""
        missing = [b for b in ("obs", "Xvfb") if shutil.which(b) is None]
        return f"not installed: {', '.join(missing)} (run scripts/install_obs.sh)" if missing else None

    def _write_config(self) -> None:
        profile = self.config_dir / "basic" / "profiles" / PROFILE
        profile.mkdir(parents=True, exist_ok=True)
        (self.config_dir / "basic" / "scenes").mkdir(parents=True, exist_ok=True)
        (self.config_dir / "global.ini").write_text(
            "\n".join(
                [
                    "[General]",
                    "FirstRun=true",
                    "LastVersion=486539266",
                    "EnableAutoUpdates=false",
                    "[BasicWindow]",
                    "SysTrayEnabled=false",
                    "[Basic]",
                    f"Profile={PROFILE}",
                    f"ProfileDir={PROFILE}",
                    f"SceneCollection={COLLECTION}",
                    f"SceneCollectionFile={COLLECTION}",
                    "[OBSWebSocket]",
                    "FirstLoad=false",
                    "ServerEnabled=true",
                    f"ServerPort={self.port}",
                    "AlertsEnabled=false",
                    "AuthRequired=true",
                    f"ServerPassword={self.password}",
                    "",
                ]
            )
        )
        (profile / "basic.ini").write_text(
            "\n".join(
                [
                    "[General]",
                    f"Name={PROFILE}",
                    "[Video]",
                    f"BaseCX={self.width}",
                    f"BaseCY={self.height}",
                    f"OutputCX={self.width}",
                    f"OutputCY={self.height}",
                    "FPSType=0",
                    f"FPSCommon={self.fps}",
                    "",
                ]
            )
        )

    @property
    def log_dir(self) -> Path:
        return self.config_dir / "logs"

    def log_tail(self, lines: int = 40) -> str:
        logs = sorted(self.log_dir.glob("*.txt")) if self.log_dir.exists() else []
        out = self.root / "obs.out"
        source = logs[-1] if logs else out
        if not source.exists():
            return "(no OBS log)"
        return "\n".join(source.read_text(errors="replace").splitlines()[-lines:])

    def _env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in _PROXY_VARS}
        env.update(
            HOME=str(self.root),
            XDG_CONFIG_HOME=str(self.root),
            DISPLAY=f":{self.display}",
            LIBGL_ALWAYS_SOFTWARE="1",
            QT_QPA_PLATFORM="xcb",
            NO_AT_BRIDGE="1",
        )
        env.update(dict.fromkeys(_PROXY_VARS, CLOSED_PROXY))
        env["no_proxy"] = env["NO_PROXY"] = ""
        return env

    def _start_xvfb(self) -> None:
        if self._xvfb is not None and self._xvfb.poll() is None:
            return
        self._xvfb = subprocess.Popen(
            [
                "Xvfb",
                f":{self.display}",
                "-screen",
                "0",
                f"{self.width}x{self.height}x24",
                "-nolisten",
                "tcp",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{self.display}").exists():
            if self._xvfb.poll() is not None or time.monotonic() > deadline:
                raise ObsUnavailable(f"Xvfb :{self.display} did not start")
            time.sleep(0.05)

    def start(self, timeout_s: float = 30.0) -> None:
        why = self.available()
        if why:
            raise ObsUnavailable(why)
        self._start_xvfb()
        out = (self.root / "obs.out").open("ab")
        cmd = [
            "obs",
            "--disable-shutdown-check",
            "--minimize-to-tray",
            "--multi",
            "--disable-updater",
            "--profile",
            PROFILE,
            "--collection",
            COLLECTION,
            "--scene",
            SCENE,
        ]
        self._obs = subprocess.Popen(
            cmd, cwd=self.root, env=self._env(), stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        out.close()
        deadline = time.monotonic() + timeout_s
        while not _port_open(self.port):
            if self._obs.poll() is not None:
                raise ObsUnavailable(f"OBS exited with {self._obs.returncode}:\n{self.log_tail()}")
            if time.monotonic() > deadline:
                self.kill()
                raise ObsUnavailable(f"OBS websocket not up after {timeout_s:.0f}s:\n{self.log_tail()}")
            time.sleep(0.1)

    @property
    def running(self) -> bool:
        return self._obs is not None and self._obs.poll() is None

    def kill(self) -> None:
        """SIGKILL OBS (a crash); Xvfb and the config stay."""
        proc, self._obs = self._obs, None
        if proc is not None and proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        deadline = time.monotonic() + 5
        while _port_open(self.port) and time.monotonic() < deadline:
            time.sleep(0.05)

    def stop(self) -> None:
        proc, self._obs = self._obs, None
        if proc is not None and proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=5)
        xvfb, self._xvfb = self._xvfb, None
        if xvfb is not None and xvfb.poll() is None:
            xvfb.terminate()
            try:
                xvfb.wait(timeout=5)
            except subprocess.TimeoutExpired:
                xvfb.kill()
                xvfb.wait(timeout=5)
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> ObsRunner:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
