"""A throwaway PostgreSQL server for the ``postgres`` tests.

Several kiosks share one PostgreSQL database, and the rules that stop two of them winning the
same race are database constraints: those are only proven on the real server. The server runs
from a temporary data dir with trust authentication, on 127.0.0.1 and a unix socket in that
dir; it is stopped (``-m fast``) and deleted at the end of the session. Without PostgreSQL
binaries the tests are skipped, saying why.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from itertools import count
from pathlib import Path
from typing import NoReturn

import pytest
from sqlalchemy import Engine

SERVER_USER = "postgres"  # the Debian package's account: PostgreSQL refuses to run as root
_databases = count(1)


def find_postgres_bin() -> Path | None:
    """The folder holding initdb and pg_ctl: PATH first, then Debian's versioned folders."""
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb"):
        return Path(os.path.realpath(on_path)).parent
    folders = [Path(f) for f in glob.glob("/usr/lib/postgresql/*/bin")]
    for folder in sorted(folders, key=_major_version, reverse=True):  # newest first
        if (folder / "pg_ctl").is_file() and (folder / "initdb").is_file():
            return folder
    return None


def _major_version(bindir: Path) -> float:
    try:
        return float(bindir.parent.name)  # "15", "9.6"
    except ValueError:
        return 0.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _unavailable(reason: str) -> NoReturn:
    """Skip on a developer machine; fail in CI, where the rig must start (.ci/run sets it)."""
    if os.environ.get("SMARTCORNER_REQUIRE_RIGS") == "1":
        pytest.fail(f"PostgreSQL rig required (SMARTCORNER_REQUIRE_RIGS=1): {reason}")
    pytest.skip(reason)


def _as_server_user() -> list[str]:
    """The command prefix that runs a PostgreSQL binary as a non-root user."""
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam(SERVER_USER)
    except KeyError:
        _unavailable(f"running as root and there is no {SERVER_USER!r} user to run PostgreSQL")
    runuser = shutil.which("runuser")
    if runuser is None:
        _unavailable("running as root and runuser is missing to run PostgreSQL as another user")
    return [runuser, "-u", SERVER_USER, "--"]


def _run(cmd: list[str], what: str) -> None:
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    if result.returncode != 0:
        pytest.fail(f"{what} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """The URL of the ``postgres`` database on a server started for this test session."""
    bindir = find_postgres_bin()
    if bindir is None:
        _unavailable(
            "PostgreSQL server binaries (initdb, pg_ctl) not found on PATH or under "
            "/usr/lib/postgresql/*/bin: install the 'postgresql' package to run these tests"
        )
    prefix = _as_server_user()
    # Not under pytest's tmp_path: its parents are private to root, and the server user
    # must reach the data dir.
    root = Path(tempfile.mkdtemp(prefix="smartcorner-pg-"))
    data, log = root / "data", root / "server.log"
    if prefix:
        entry = pwd.getpwnam(SERVER_USER)
        os.chown(root, entry.pw_uid, entry.pw_gid)
    port = _free_port()
    try:
        _run(
            [*prefix, str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
             "-E", "UTF8", "--locale=C", "--no-sync"],
            "initdb",
        )  # fmt: skip
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off"
        _run(
            [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options,
             "-w", "-t", "60", "start"],
            f"pg_ctl start (log: {log})",
        )  # fmt: skip
        try:
            yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
        finally:
            _run(
                [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                "pg_ctl stop",
            )  # fmt: skip
    finally:
        shutil.rmtree(root, ignore_errors=True)


def create_database(postgres_url: str, template: str | None = None) -> str:
    """The URL of a new database on the server of ``postgres_url``: empty, or a copy of the
    database ``template`` names (which nobody may be connected to meanwhile)."""
    import psycopg
    from psycopg import sql

    name = f"kiosk_test_{os.getpid()}_{next(_databases)}"
    dsn = postgres_url.replace("postgresql+psycopg://", "postgresql://")
    create = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
    if template is not None:
        create += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(create)
    return postgres_url.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture
def postgres_db_url(postgres_url: str) -> str:
    """A new, empty database on the session's server, so each test starts clean."""
    return create_database(postgres_url)


@pytest.fixture
def pg_engine(postgres_db_url: str) -> Iterator[Engine]:
    """An engine on a new database of the session's server, migrated to the head."""
    from kiosk.db.engine import create_db_engine
    from kiosk.db.migrate import ensure_schema

    engine = create_db_engine(postgres_db_url)
    ensure_schema(engine)
    yield engine
    engine.dispose()
