"""Requantize a GGUF model once, on this machine, and keep the result in a cache directory.

The bundled SmolLM2-135M ships as Q4_1. llama.cpp evaluates prompts in Q8_0 about 1.5x
faster on an AVX2 CPU, and Q8_0 holds every Q4_1 weight to within rounding (greedy replies
start the same; a near-tie may later go the other way), so the bot converts the bundled file once (about 2 s) and runs
that. Nothing is downloaded.

The conversion runs in a child process (``python -m integrations.llama_cpp.requantize SRC
DST FTYPE``): a crash inside llama.cpp cannot take the bot down, and the bot process never
loads the library. On any failure the original file is used and the reason logged.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sys
from pathlib import Path

__all__ = ["FTYPES", "cached_path", "default_cache_dir", "requantized"]

logger = logging.getLogger(__name__)

FTYPES = {"q8_0": "LLAMA_FTYPE_MOSTLY_Q8_0"}
"""Target formats, by the name used in settings, to llama.cpp's file type constant."""


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/vtuber-bot/models`` (``~/.cache/vtuber-bot/models``)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "vtuber-bot" / "models"


def cached_path(src: Path, ftype: str, cache_dir: Path) -> Path:
    return cache_dir / f"{src.stem}.as-{ftype}.gguf"


def _fresh(dst: Path, src: Path) -> bool:
    try:
        return dst.stat().st_size > 0 and dst.stat().st_mtime >= src.stat().st_mtime
    except OSError:
        return False


async def requantized(
    src: Path,
    ftype: str,
    cache_dir: Path | None = None,
    *,
    python: str = sys.executable,
    timeout_s: float = 300.0,
) -> Path:
    """``src`` converted to ``ftype`` (from the cache when already done), or ``src`` itself
    when the conversion fails."""
    if ftype not in FTYPES:
        raise ValueError(f"unknown quantization {ftype!r}; one of {', '.join(FTYPES)}")
    dst = cached_path(src, ftype, cache_dir or default_cache_dir())
    if _fresh(dst, src):
        return dst
    tmp = dst.with_name(f"{dst.name}.{os.getpid()}.tmp")
    try:
        dst.parent.mkdir(parents=True, exist_ok=True)
        proc = await asyncio.create_subprocess_exec(
            python, "-m", __name__, str(src), str(tmp), ftype,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
        )  # fmt: skip
        try:
            async with asyncio.timeout(timeout_s):
                output, _ = await proc.communicate()
        except TimeoutError:
            proc.kill()
            await proc.wait()
            raise
        if proc.returncode != 0 or not tmp.is_file():
            tail = output.decode(errors="replace").strip().splitlines()[-3:]
            raise RuntimeError(f"exit code {proc.returncode}: {' | '.join(tail)}")
        tmp.replace(dst)  # atomic: a half-written file is never picked up
    except (OSError, RuntimeError, TimeoutError) as exc:
        logger.warning("llama.cpp: could not convert %s to %s (%s); using it as it is", src.name, ftype, exc)
        with contextlib.suppress(OSError):
            tmp.unlink()
        return src
    logger.info("llama.cpp: converted %s to %s once, kept at %s", src.name, ftype, dst)
    return dst


def _main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[2] not in FTYPES:
        print(f"usage: python -m {__name__} SRC DST {{{','.join(FTYPES)}}}", file=sys.stderr)
        return 2
    import ctypes

    import llama_cpp

    params = llama_cpp.llama_model_quantize_default_params()
    params.ftype = getattr(llama_cpp, FTYPES[argv[2]])
    params.allow_requantize = True
    params.nthread = min(4, os.cpu_count() or 1)
    code = llama_cpp.llama_model_quantize(argv[0].encode(), argv[1].encode(), ctypes.byref(params))
    return 0 if code == 0 else 1


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
