"""LoRA fine-tuning of the bundled llama-architecture GGUF model with transformers and peft.

The base weights come from the GGUF file itself (transformers dequantises it; nothing is
downloaded). Training is a plain loop so it can report progress, stop when asked and resume:
a checkpoint (adapter, optimiser, step) is written every ``checkpoint_every`` steps and on
cancel, and a new run in the same folder continues from it with the same batch order. The
loss counts only the assistant's tokens. The result is ``adapter.gguf`` for llama.cpp.
"""

from __future__ import annotations

import logging
import os
import random
import threading
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .gguf_adapter import TARGETS, write_adapter

log = logging.getLogger(__name__)

Messages = Sequence[dict[str, str]]
CHECKPOINT = "checkpoint.pt"
ADAPTER = "adapter.gguf"


class TrainingUnavailable(RuntimeError):
    """The ``train`` extra (torch, transformers, peft, gguf) is not installed."""


EXTRA = ("torch", "transformers", "peft", "gguf")
"""The packages of the ``train`` extra that training imports."""


def missing_extra() -> str | None:
    """The first package of the extra that is not installed (found without importing it:
    torch takes seconds), or None."""
    import importlib.util

    return next((name for name in EXTRA if importlib.util.find_spec(name) is None), None)


def require_extra() -> None:
    try:
        import gguf  # noqa: F401
        import peft  # noqa: F401
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError as exc:
        raise TrainingUnavailable(
            f"local training needs the optional extra: uv sync --extra train ({exc.name} is missing)"
        ) from None


@dataclass(frozen=True)
class LoraSettings:
    rank: int = 8
    alpha: float = 16.0
    targets: tuple[str, ...] = TARGETS
    learning_rate: float = 1e-3
    epochs: int = 1
    batch_size: int = 8
    max_tokens: int = 384
    """Longer examples are cut (from the left of the prompt side kept whole where possible)."""
    checkpoint_every: int = 10
    seed: int = 0
    threads: int | None = None
    """CPU threads for torch; None: all cores but one (on a busy 2-core machine two threads
    ran a step 5-8 times slower than one: OpenMP threads spin while they wait for a core)."""
    device: str = "auto"
    """``auto``: the first CUDA GPU when torch sees one, else the CPU; or a torch device name
    (``cpu``, ``cuda``, ``cuda:1``)."""


@dataclass(frozen=True)
class Encoded:
    prefix: str
    ids: list[int]
    labels: list[int]


@dataclass
class Progress:
    step: int
    total: int
    loss: float
    examples_per_s: float


@dataclass
class TrainResult:
    adapter: Path | None
    """None when cancelled before the end (the checkpoint is kept for a resume)."""
    steps: int
    resumed_from: int
    val_loss_before: float | None
    val_loss_after: float | None
    examples_per_s: float
    seconds: float
    cancelled: bool = False
    settings: dict[str, Any] = field(default_factory=dict)


def resolve_device(asked: str, cuda_available: bool) -> str:
    """The torch device to train on: ``auto`` picks ``cuda`` when there is a GPU."""
    if asked == "auto":
        return "cuda" if cuda_available else "cpu"
    if asked.startswith("cuda") and not cuda_available:
        raise TrainingUnavailable(f"lora.device = {asked!r}, but torch sees no CUDA GPU")
    return asked


class LoraTrainer:
    """Fine-tunes one base GGUF model; :meth:`train` may run in a worker thread."""

    def __init__(self, base_gguf: Path, settings: LoraSettings | None = None) -> None:
        require_extra()
        self.base = base_gguf
        self.settings = settings or LoraSettings()
        self._model: Any = None
        self._tok: Any = None
        self._device = "cpu"

    # ------------------------------------------------------------ model and data

    def _load(self) -> None:
        if self._model is not None:
            return
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        torch.set_num_threads(self.settings.threads or max(1, (os.cpu_count() or 2) - 1))
        folder, name = str(self.base.parent), self.base.name
        t = time.perf_counter()
        # local_files_only: everything comes from the GGUF file; never ask a model hub
        self._tok = AutoTokenizer.from_pretrained(folder, gguf_file=name, local_files_only=True)
        self._model = AutoModelForCausalLM.from_pretrained(
            folder, gguf_file=name, dtype=torch.float32, local_files_only=True
        )
        self._device = resolve_device(self.settings.device, torch.cuda.is_available())
        self._model.to(self._device)
        log.info("lora: loaded %s in %.1f s on %s", name, time.perf_counter() - t, self._device)

    def encode(self, messages: Messages) -> Encoded:
        """The shared prefix (the system turn) as text, then the rest as token ids and labels
        (-100 except on the final assistant reply and its end token)."""
        self._load()
        tok = self._tok
        msgs = list(messages)
        system = [m for m in msgs[:1] if m["role"] == "system"]
        prefix = tok.apply_chat_template(system, tokenize=False) if system else ""
        full = tok.apply_chat_template(msgs, tokenize=False)
        prompt = tok.apply_chat_template(msgs[:-1], tokenize=False, add_generation_prompt=True)
        if not (full.startswith(prefix) and prompt.startswith(prefix)):
            prefix = ""
        ids: list[int] = tok(full[len(prefix) :], add_special_tokens=False)["input_ids"]
        n_prompt = len(tok(prompt[len(prefix) :], add_special_tokens=False)["input_ids"])
        labels = [-100] * n_prompt + ids[n_prompt:]
        limit = self.settings.max_tokens
        if len(ids) > limit:  # keep the reply: cut the oldest prompt tokens
            ids, labels = ids[-limit:], labels[-limit:]
        return Encoded(prefix, ids, labels)

    def _prefix(self, model: Any, prefix: str, batch: int) -> tuple[Any, int]:
        """The prefix's key/value cache for ``batch`` rows, computed once without gradients (the
        system prompt is the same for every example: the adapter learns from the replies)."""
        import torch

        if not prefix:
            return None, 0
        ids = self._tok(prefix, add_special_tokens=False, return_tensors="pt")["input_ids"].to(self._device)
        with torch.no_grad():
            out = model(input_ids=ids, use_cache=True)
        cache = getattr(out, "cache", None) or out.past_key_values
        cache.batch_repeat_interleave(batch)
        return cache, int(ids.shape[1])

    def _forward(self, model: Any, rows: Sequence[Encoded]) -> Any:
        """The model's output (with the loss) for rows that share one prefix."""
        import torch

        pad = self._tok.pad_token_id if self._tok.pad_token_id is not None else self._tok.eos_token_id
        width = max(len(r.ids) for r in rows)
        cache, n_prefix = self._prefix(model, rows[0].prefix, len(rows))
        input_ids = [r.ids + [pad] * (width - len(r.ids)) for r in rows]
        labels = [r.labels + [-100] * (width - len(r.labels)) for r in rows]
        mask = [[1] * (n_prefix + len(r.ids)) + [0] * (width - len(r.ids)) for r in rows]
        return model(
            input_ids=torch.tensor(input_ids, device=self._device),
            labels=torch.tensor(labels, device=self._device),
            attention_mask=torch.tensor(mask, device=self._device),
            cache=cache,
            use_cache=cache is not None,
        )

    def _batches(self, rows: Sequence[Encoded], shuffle: str | None) -> list[list[int]]:
        """Batches of row indices, each within one prefix (shuffled by the seed string, if any)."""
        groups: dict[str, list[int]] = {}
        for i, r in enumerate(rows):
            groups.setdefault(r.prefix, []).append(i)
        out: list[list[int]] = []
        size = self.settings.batch_size
        for idx in groups.values():
            if shuffle is not None:
                random.Random(shuffle).shuffle(idx)
            out += [idx[i : i + size] for i in range(0, len(idx), size)]
        if shuffle is not None:
            random.Random(shuffle + ":batches").shuffle(out)
        return out

    def loss(self, examples: Sequence[Messages], model: Any = None) -> float | None:
        """Mean loss per reply token over ``examples`` (the base model when ``model`` is None)."""
        import torch

        if not examples:
            return None
        self._load()
        model = model or self._model
        rows = [self.encode(m) for m in examples]
        total, tokens = 0.0, 0
        model.eval()
        with torch.no_grad():
            for batch in self._batches(rows, None):
                part = [rows[i] for i in batch]
                n = sum(sum(1 for x in r.labels[1:] if x != -100) for r in part)
                if n:
                    total += float(self._forward(model, part).loss) * n
                    tokens += n
        return total / tokens if tokens else None

    # ------------------------------------------------------------ training

    def train(
        self,
        train: Sequence[Messages],
        validation: Sequence[Messages],
        out_dir: Path,
        *,
        on_progress: Callable[[Progress], None] | None = None,
        cancel: threading.Event | None = None,
        resume: bool = True,
    ) -> TrainResult:
        """Train, checkpointing into ``out_dir``; write ``out_dir/adapter.gguf`` at the end."""
        import torch
        from peft import LoraConfig, get_peft_model, set_peft_model_state_dict

        if not train:
            raise ValueError("no training examples")
        s = self.settings
        started = time.perf_counter()
        self._load()
        out_dir.mkdir(parents=True, exist_ok=True)
        random.seed(s.seed)
        torch.manual_seed(s.seed)
        val_before = self.loss(validation)
        with warnings.catch_warnings():  # peft 0.21 asks transformers 5 by an old name
            warnings.filterwarnings("ignore", "`is_gradient_checkpointing` is deprecated", FutureWarning)
            model = get_peft_model(
                self._model,
                LoraConfig(
                    r=s.rank,
                    lora_alpha=s.alpha,
                    target_modules=list(s.targets),
                    lora_dropout=0.0,
                    bias="none",
                    task_type="CAUSAL_LM",
                ),
            )
        optimiser = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=s.learning_rate)
        rows = [self.encode(m) for m in train]
        batches = [b for epoch in range(s.epochs) for b in self._batches(rows, f"{s.seed}:{epoch}")]
        total = len(batches)
        start_step = 0
        ckpt = out_dir / CHECKPOINT
        if resume and ckpt.exists():
            saved = torch.load(ckpt, weights_only=False, map_location=self._device)
            if saved.get("settings") == asdict(s) and saved.get("total") == total:
                set_peft_model_state_dict(model, saved["lora"])
                optimiser.load_state_dict(saved["optimiser"])
                start_step = int(saved["step"])
                log.info("lora: resuming at step %d of %d", start_step, total)
            else:
                log.warning("lora: a checkpoint for other settings or data is in %s; starting over", out_dir)

        def save(step: int) -> None:
            tmp = ckpt.with_suffix(".part")
            torch.save(
                {
                    "step": step,
                    "total": total,
                    "settings": asdict(s),
                    "lora": _lora_state(model),
                    "optimiser": optimiser.state_dict(),
                },
                tmp,
            )
            tmp.replace(ckpt)

        model.train()
        seen, t_loop = 0, time.perf_counter()
        cancelled = False
        step = start_step
        for step in range(start_step, total):
            if cancel is not None and cancel.is_set():
                cancelled = True
                break
            loss = self._forward(model, [rows[i] for i in batches[step]]).loss
            loss.backward()
            optimiser.step()
            optimiser.zero_grad()
            seen += len(batches[step])
            rate = seen / max(time.perf_counter() - t_loop, 1e-9)
            if on_progress is not None:
                on_progress(Progress(step + 1, total, float(loss.detach()), rate))
            if (step + 1) % s.checkpoint_every == 0 and step + 1 < total:
                save(step + 1)
        else:
            step = total
        rate = seen / max(time.perf_counter() - t_loop, 1e-9)
        if cancelled:
            save(step)
            log.info("lora: cancelled at step %d of %d; the checkpoint is kept", step, total)
            return TrainResult(
                None,
                step,
                start_step,
                val_before,
                None,
                rate,
                time.perf_counter() - started,
                cancelled=True,
                settings=asdict(s),
            )
        val_after = self.loss(validation, model)
        adapter = write_adapter(_lora_state(model), s.alpha, out_dir / ADAPTER)
        ckpt.unlink(missing_ok=True)
        self._model = model.unload()  # the base model again, for another run
        log.info(
            "lora: %d steps, %.2f examples/s, validation loss %s -> %s", total, rate, val_before, val_after
        )
        return TrainResult(
            adapter,
            total,
            start_step,
            val_before,
            val_after,
            rate,
            time.perf_counter() - started,
            settings=asdict(s),
        )


def _lora_state(model: Any) -> dict[str, Any]:
    """The adapter's tensors (peft warns that a GGUF base has no config.json to compare with)."""
    from peft import get_peft_model_state_dict

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Could not find a config file", UserWarning)
        state: dict[str, Any] = get_peft_model_state_dict(model)
    return {key: tensor.detach().cpu() for key, tensor in state.items()}  # from a GPU too
