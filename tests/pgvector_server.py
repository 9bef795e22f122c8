"""A real PostgreSQL with pgvector for the memory tests: PyPI's ``pgserver`` (PostgreSQL 16
binaries with pgvector's ``vector.so``), started once per test session on a unix socket.

Import the fixtures into a test module (``from tests.pgvector_server import pgvector_url``).
Skipped only when pgserver is not installed; ``scripts/install_test_tools.sh`` installs it.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import tempfile
import uuid
import warnings
from collections.abc import Iterator

import pytest


def _admin(base: str, sql: str) -> None:
    import asyncpg

    async def run() -> None:
        conn = await asyncpg.connect(f"postgresql://postgres@/postgres?host={base}")
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    asyncio.run(run())


def url_for(socket_dir: str, database: str) -> str:
    """The SQLAlchemy (asyncpg) URL of a database on the pgserver."""
    return f"postgresql+asyncpg://postgres@/{database}?host={socket_dir}"


@pytest.fixture(scope="session")
def pgvector_server() -> Iterator[str]:
    """The socket folder of a running pgvector-capable PostgreSQL (deleted at the end)."""
    logging.getLogger("pgserver").setLevel(logging.WARNING)  # it logs every start and stop
    folder = tempfile.mkdtemp(prefix="pgv")  # short: a unix socket path has ~100 characters
    with warnings.catch_warnings():  # platformdirs warns when XDG_RUNTIME_DIR is not set
        warnings.simplefilter("ignore")
        try:
            import pgserver
        except ImportError:
            pytest.skip("pgserver is not installed (bash scripts/install_test_tools.sh installs it)")
        server = pgserver.get_server(folder, cleanup_mode="stop")  # type: ignore[attr-defined]
    try:
        uri = server.get_uri()
        socket_dir = uri.rpartition("host=")[2]
        _admin(socket_dir, "SELECT 1")
        yield socket_dir
    finally:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            server.cleanup()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def pgvector_template(pgvector_server: str) -> str:
    """A database migrated to head on the pgvector server, the template of each test's."""
    from streamer.store.migrate import upgrade

    name = "tpl_" + uuid.uuid4().hex[:10]
    _admin(pgvector_server, f'CREATE DATABASE "{name}"')
    asyncio.run(upgrade(url_for(pgvector_server, name)))
    return name


@pytest.fixture
def pgvector_url(pgvector_server: str, pgvector_template: str) -> Iterator[str]:
    """A fresh, migrated database with pgvector for one test (asyncpg URL)."""
    name = "t_" + uuid.uuid4().hex[:10]
    _admin(pgvector_server, f'CREATE DATABASE "{name}" TEMPLATE "{pgvector_template}"')
    yield url_for(pgvector_server, name)
    _admin(pgvector_server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pgvector_empty_url(pgvector_server: str) -> Iterator[str]:
    """A fresh, empty database on the pgvector server (for the migrations)."""
    name = "e_" + uuid.uuid4().hex[:10]
    _admin(pgvector_server, f'CREATE DATABASE "{name}"')
    yield url_for(pgvector_server, name)
    _admin(pgvector_server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
