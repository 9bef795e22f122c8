"""A local stand-in for OpenAI's fine-tuning API, as documented: ``POST /v1/files`` (multipart,
purpose ``fine-tune``), ``POST /v1/fine_tuning/jobs``, ``GET /v1/fine_tuning/jobs/{id}`` and
``POST /v1/fine_tuning/jobs/{id}/cancel``, with the job objects and status transitions
(validating_files -> queued -> running -> succeeded, or failed with an error object, or
cancelled). A job moves one status further after each read. A training file whose lines
are not chat examples (``{"messages": [...]}`` ending with an assistant message) fails
validation with ``invalid_training_file``, as the service does. Served by uvicorn on 127.0.0.1."""

from __future__ import annotations

import asyncio
import json
import socket
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from fastapi import FastAPI, Form, Header, HTTPException, UploadFile
from fastapi.responses import JSONResponse

STEPS = ("validating_files", "queued", "running", "succeeded")


@dataclass
class State:
    files: dict[str, bytes] = field(default_factory=dict)
    jobs: dict[str, dict[str, Any]] = field(default_factory=dict)
    api_key: str = "sk-test"


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
        elif current in STEPS[:-1]:
            job["status"] = STEPS[STEPS.index(current) + 1]
            if job["status"] == "succeeded":
                suffix = job.get("suffix") or ""
                job.update(
                    finished_at=int(time.time()),
                    trained_tokens=1234,
                    fine_tuned_model=f"ft:{job['model']}:org-test:{suffix}:{jid[-8:]}",
                )
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
