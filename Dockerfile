# The bot and the dashboard share one image; docker-compose.yml picks the command.
FROM python:3.11-slim AS base
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy
WORKDIR /app
RUN pip install --no-cache-dir uv==0.13.8
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --frozen --no-dev --no-install-project
COPY config ./config
COPY engines ./engines
COPY integrations ./integrations
COPY streamer ./streamer
COPY dashboard_api ./dashboard_api
COPY migrations ./migrations
COPY alembic.ini ./
RUN uv sync --frozen --no-dev && useradd --create-home --uid 10001 vtuber && mkdir -p /app/data && chown vtuber /app/data
USER vtuber
ENV PATH="/app/.venv/bin:$PATH"
ENTRYPOINT ["vtuber"]
CMD ["run"]
