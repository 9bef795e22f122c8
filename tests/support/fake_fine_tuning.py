"""A local stand-in for OpenAI's fine-tuning API, as documented: ``POST /v1/files`` (multipart,
purpose ``fine-tune``), ``POST /v1/fine_tuning/jobs``, ``GET /v1/fine_tuning/jobs/{id}``,
``POST /v1/fine_tuning/jobs/{id}/cancel``, ``GET /v1/fine_tuning/jobs/{id}/checkpoints`` and
``GET /v1/fine_tuning/jobs/{id}/events``, with the job objects and status transitions
(validating_files -> queued -> running -> succeeded, or failed with an error object, or
cancelled). A job moves one status further after each read. A training file whose lines
are not chat examples (``{"messages": [...]}`` ending with an assistant message) fails
validation with ``invalid_training_file``, as the service does; ``State.fail_jobs`` makes a
running job fail with ``State.failure`` instead of succeeding.

A job that succeeds leaves checkpoints (the last three epochs', newest first, as the service
keeps them) and ``metrics`` events with ``train_loss``, and, when a validation file was given,
``valid_loss`` and (at an epoch's end) ``full_valid_loss``.

``POST /v1/chat/completions`` (streamed as server-sent events, or not) answers for the base
models in ``State.models`` and for every fine-tuned model a job produced; any other model is
``404 model_not_found``. The reply is ``State.replies[model]``, else ``State.tuned_reply`` for a
fine-tuned model, else ``State.base_reply``. Every chat request body is kept in
``State.chat_requests``. ``State.rate_limit_once`` holds paths (``chat``, ``jobs``,
``checkpoints``) whose next request is answered ``429`` with ``Retry-After: 1`` once, as the
service does when a rate limit is hit. Served by uvicorn on 127.0.0.1."""

from __future__ import annotations

import asyncio
import json
import re
import socket
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from fastapi import FastAPI, Form, Header, HTTPException, UploadFile
from fastapi.responses import JSONResponse, Response, StreamingResponse

STEPS = ("validating_files", "queued", "running", "succeeded")


EPOCHS = 3
STEPS_PER_EPOCH = 4


@dataclass
class State:
    files: dict[str, bytes] = field(default_factory=dict)
    jobs: dict[str, dict[str, Any]] = field(default_factory=dict)
    api_key: str = "sk-test"
    models: set[str] = field(default_factory=lambda: {"gpt-4o-mini", "gpt-4.1-mini"})
    """Base models the chat endpoint answers for (fine-tuned ones are added as jobs succeed)."""
    base_reply: str = "[happy] Hehe, hi! That is a fun question, let me think about it."
    tuned_reply: str = "[happy] Nyan, hi there! Ooh, I love that question!"
    replies: dict[str, str] = field(default_factory=dict)
    chat_requests: list[dict[str, Any]] = field(default_factory=list)
    rate_limit_once: set[str] = field(default_factory=set)
    rate_limited: list[str] = field(default_factory=list)
    """Paths answered 429, in order."""
    fail_jobs: bool = False
    failure: tuple[str, str] = ("server_error", "The job failed due to an internal error.")
    valid_loss: float = 0.42
    """The last epoch's full validation loss (each earlier epoch's is higher)."""
    checkpoints: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    events: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def reply_of(self, model: str) -> str:
        if model in self.replies:
            return self.replies[model]
        return self.tuned_reply if model.startswith("ft:") else self.base_reply


def _error(
    status: int, message: str, kind: str, code: str | None, headers: dict[str, str] | None = None
) -> Response:
    body = {"error": {"message": message, "type": kind, "param": None, "code": code}}
    return JSONResponse(body, status_code=status, headers=headers)


def _metrics(state: State, job: dict[str, Any]) -> None:
    """The checkpoints and metrics events of a job that just succeeded."""
    jid, now, with_val = job["id"], int(time.time()), job.get("validation_file") is not None
    events: list[dict[str, Any]] = []
    checkpoints: list[dict[str, Any]] = []
    for epoch in range(1, EPOCHS + 1):
        for k in range(1, STEPS_PER_EPOCH + 1):
            step = (epoch - 1) * STEPS_PER_EPOCH + k
            data: dict[str, Any] = {
                "step": step,
                "train_loss": 2.0 / step,
                "total_steps": EPOCHS * STEPS_PER_EPOCH,
            }
            if with_val:
                data["valid_loss"] = state.valid_loss + 0.05 * (EPOCHS - epoch) + 0.01 * (STEPS_PER_EPOCH - k)
                if k == STEPS_PER_EPOCH:
                    data["full_valid_loss"] = state.valid_loss + 0.05 * (EPOCHS - epoch)
            events.append(
                {"id": f"ftevent-{uuid.uuid4().hex[:20]}", "object": "fine_tuning.job.event", "created_at": now,
                 "level": "info", "message": f"Step {step}/{EPOCHS * STEPS_PER_EPOCH}: training loss={data['train_loss']:.4f}",
                 "type": "metrics", "data": data}
            )  # fmt: skip
        last = events[-1]["data"]
        checkpoints.append(
            {"id": f"ftckpt_{uuid.uuid4().hex[:20]}", "object": "fine_tuning.job.checkpoint", "created_at": now,
             "fine_tuned_model_checkpoint": f"{job['fine_tuned_model']}:ckpt-step-{last['step']}",
             "fine_tuning_job_id": jid, "step_number": last["step"],
             "metrics": {k: last.get(k) for k in ("step", "train_loss", "valid_loss", "full_valid_loss")}}
        )  # fmt: skip
    state.events[jid] = events[::-1]  # the service lists the newest first
    state.checkpoints[jid] = checkpoints[::-1]


def _page(items: list[dict[str, Any]], after: str | None, limit: int) -> dict[str, Any]:
    """One page of a cursor-paginated list (``after``: the last id of the previous page)."""
    start = next((i + 1 for i, x in enumerate(items) if x["id"] == after), 0) if after else 0
    data = items[start : start + limit]
    return {
        "object": "list",
        "data": data,
        "first_id": data[0]["id"] if data else None,
        "last_id": data[-1]["id"] if data else None,
        "has_more": start + limit < len(items),
    }


def _chunks(model: str, text: str) -> AsyncIterator[bytes]:
    cid = "chatcmpl-" + uuid.uuid4().hex[:24]

    def chunk(delta: dict[str, str], finish: str | None) -> bytes:
        body = {"id": cid, "object": "chat.completion.chunk", "created": int(time.time()), "model": model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}  # fmt: skip
        return f"data: {json.dumps(body)}\n\n".encode()

    async def stream() -> AsyncIterator[bytes]:
        yield chunk({"role": "assistant", "content": ""}, None)
        for piece in re.findall(r"\S+\s*", text):
            yield chunk({"content": piece}, None)
        yield chunk({}, "stop")
        yield b"data: [DONE]\n\n"

    return stream()


def _valid(data: bytes) -> str:
    """Why the file is not chat fine-tuning JSONL, or ""."""
    lines = [x for x in data.decode("utf-8", "replace").splitlines() if x.strip()]
    if len(lines) < 1:
        return "the file has no examples"
    for n, line in enumerate(lines, 1):
        try:
            row = json.loads(line)
        except ValueError:
            return f"line {n} is not JSON"
        messages = row.get("messages") if isinstance(row, dict) else None
        if not isinstance(messages, list) or not messages or messages[-1].get("role") != "assistant":
            return f"line {n} is not a chat example ending with an assistant message"
    return ""


def make_app(state: State) -> FastAPI:
    app = FastAPI()

    def auth(authorization: str | None) -> None:
        if authorization != f"Bearer {state.api_key}":
            raise HTTPException(
                401,
                {
                    "error": {
                        "message": "Incorrect API key provided",
                        "type": "invalid_request_error",
                        "code": "invalid_api_key",
                        "param": None,
                    }
                },
            )

    def limited(path: str) -> Response | None:
        """A 429 with Retry-After, once for each path in ``state.rate_limit_once``."""
        if path not in state.rate_limit_once:
            return None
        state.rate_limit_once.discard(path)
        state.rate_limited.append(path)
        return _error(
            429,
            "Rate limit reached for requests. Please try again in 1s.",
            "requests",
            "rate_limit_exceeded",
            {"Retry-After": "1"},
        )

    @app.post("/v1/chat/completions")
    async def chat(body: dict[str, Any], authorization: str | None = Header(None)) -> Any:
        auth(authorization)
        if (refused := limited("chat")) is not None:
            return refused
        state.chat_requests.append(body)
        model = str(body.get("model"))
        if model not in state.models:
            return _error(
                404,
                f"The model `{model}` does not exist or you do not have access to it.",
                "invalid_request_error",
                "model_not_found",
            )
        text = state.reply_of(model)
        if body.get("stream"):
            return StreamingResponse(_chunks(model, text), media_type="text/event-stream")
        return {
            "id": "chatcmpl-" + uuid.uuid4().hex[:24],
            "object": "chat.completion",
            "created": int(time.time()),
            "model": model,
            "choices": [
                {"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
            ],
        }

    @app.get("/v1/fine_tuning/jobs/{jid}/checkpoints")
    async def checkpoints(
        jid: str, after: str | None = None, limit: int = 10, authorization: str | None = Header(None)
    ) -> Any:
        auth(authorization)
        if (refused := limited("checkpoints")) is not None:
            return refused
        if jid not in state.jobs:
            raise HTTPException(404, {"error": {"message": f"no job {jid}", "type": "invalid_request_error"}})
        return _page(state.checkpoints.get(jid, []), after, limit)

    @app.get("/v1/fine_tuning/jobs/{jid}/events")
    async def events(
        jid: str, after: str | None = None, limit: int = 20, authorization: str | None = Header(None)
    ) -> Any:
        auth(authorization)
        if jid not in state.jobs:
            raise HTTPException(404, {"error": {"message": f"no job {jid}", "type": "invalid_request_error"}})
        return _page(state.events.get(jid, []), after, limit)

    @app.post("/v1/files")
    async def upload(
        file: UploadFile, purpose: str = Form(...), authorization: str | None = Header(None)
    ) -> Any:
        auth(authorization)
        data = await file.read()
        fid = "file-" + uuid.uuid4().hex[:24]
        state.files[fid] = data
        return {
            "id": fid,
            "object": "file",
            "bytes": len(data),
            "created_at": int(time.time()),
            "filename": file.filename,
            "purpose": purpose,
            "status": "processed",
        }

    @app.post("/v1/fine_tuning/jobs")
    async def create(body: dict[str, Any], authorization: str | None = Header(None)) -> Any:
        auth(authorization)
        for key in ("training_file", "validation_file"):
            if body.get(key) is not None and body[key] not in state.files:
                return JSONResponse(
                    {
                        "error": {
                            "message": f"invalid file id {body[key]}",
                            "type": "invalid_request_error",
                            "param": key,
                            "code": None,
                        }
                    },
                    status_code=400,
                )
        jid = "ftjob-" + uuid.uuid4().hex[:24]
        state.jobs[jid] = {
            "id": jid,
            "object": "fine_tuning.job",
            "created_at": int(time.time()),
            "error": None,
            "fine_tuned_model": None,
            "finished_at": None,
            "model": body["model"],
            "organization_id": "org-test",
            "hyperparameters": {"n_epochs": "auto", "batch_size": "auto", "learning_rate_multiplier": "auto"},
            "result_files": [],
            "seed": 0,
            "status": "validating_files",
            "trained_tokens": None,
            "training_file": body["training_file"],
            "validation_file": body.get("validation_file"),
            "suffix": body.get("suffix"),
        }
        return state.jobs[jid]

    @app.get("/v1/fine_tuning/jobs/{jid}")
    async def retrieve(jid: str, authorization: str | None = Header(None)) -> Any:
        auth(authorization)
        if (refused := limited("jobs")) is not None:
            return refused
        job = state.jobs.get(jid)
        if job is None:
            raise HTTPException(404, {"error": {"message": f"no job {jid}", "type": "invalid_request_error"}})
        shown = dict(job)  # this read shows the status; the job moves on for the next read
        current = job["status"]
        if current == "validating_files" and (why := _valid(state.files[job["training_file"]])):
            job.update(
                status="failed",
                finished_at=int(time.time()),
                error={"code": "invalid_training_file", "message": why, "param": "training_file"},
            )
        elif current == "running" and state.fail_jobs:
            code, message = state.failure
            job.update(
                status="failed",
                finished_at=int(time.time()),
                error={"code": code, "message": message, "param": None},
            )
        elif current in STEPS[:-1]:
            job["status"] = STEPS[STEPS.index(current) + 1]
            if job["status"] == "succeeded":
                suffix = job.get("suffix") or ""
                job.update(
                    finished_at=int(time.time()),
                    trained_tokens=1234,
                    fine_tuned_model=f"ft:{job['model']}:org-test:{suffix}:{jid[-8:]}",
                )
                state.models.add(job["fine_tuned_model"])
                _metrics(state, job)
        return shown

    @app.post("/v1/fine_tuning/jobs/{jid}/cancel")
    async def cancel(jid: str, authorization: str | None = Header(None)) -> Any:
        auth(authorization)
        job = state.jobs.get(jid)
        if job is None:
            raise HTTPException(404, {"error": {"message": f"no job {jid}", "type": "invalid_request_error"}})
        if job["status"] in ("succeeded", "failed", "cancelled"):
            return JSONResponse(
                {
                    "error": {
                        "message": "Job has already completed",
                        "type": "invalid_request_error",
                        "param": None,
                        "code": None,
                    }
                },
                status_code=400,
            )
        job.update(status="cancelled", finished_at=int(time.time()))
        return job

    return app


class FakeFineTuning:
    """``async with FakeFineTuning() as fake: fake.base_url``."""

    def __init__(self) -> None:
        self.state = State()
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        sock.close()
        self._server = uvicorn.Server(
            uvicorn.Config(
                make_app(self.state), host="127.0.0.1", port=self.port, log_level="warning", lifespan="off"
            )
        )
        self._task: asyncio.Task[None] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    async def __aenter__(self) -> FakeFineTuning:
        self._task = asyncio.create_task(self._server.serve())
        while not self._server.started:
            await asyncio.sleep(0.01)
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._server.should_exit = True
        if self._task is not None:
            await self._task
