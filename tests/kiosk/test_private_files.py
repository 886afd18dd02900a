"""The database and its WAL are the kiosk account's alone, whatever the umask it inherited."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.db.engine import create_db_engine
from kiosk.paths import Paths, private_umask, write_private_atomically


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def lax_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.usefixtures("lax_umask")
def test_the_process_umask_makes_the_database_and_its_wal_private(tmp_path: Path) -> None:
    private_umask()
    engine = create_db_engine(f"sqlite:///{tmp_path / 'data' / 'kiosk.sqlite3'}")
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE t (x)")
        wal = tmp_path / "data" / "kiosk.sqlite3-wal"
        assert wal.exists()  # the connection is still open: the WAL is there
        assert mode(tmp_path / "data") == 0o700
        assert mode(tmp_path / "data" / "kiosk.sqlite3") == 0o600
        assert mode(wal) == 0o600
    finally:
        engine.dispose()


@pytest.mark.usefixtures("lax_umask")
def test_a_database_left_readable_by_an_older_version_is_made_private(tmp_path: Path) -> None:
    database = tmp_path / "kiosk.sqlite3"
    first = create_db_engine(f"sqlite:///{database}")
    with first.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (x)")
    first.dispose()
    database.chmod(0o644)
    engine = create_db_engine(f"sqlite:///{database}")
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO t VALUES (1)")
        assert mode(database.with_name("kiosk.sqlite3-wal")) == 0o600
    engine.dispose()
    assert mode(database) == 0o600


@pytest.mark.usefixtures("lax_umask")
def test_data_folders_and_atomic_writes_are_private(tmp_path: Path) -> None:
    paths = Paths(data_dir=tmp_path / "data", config_file=None)
    (tmp_path / "data").mkdir(mode=0o755)
    paths.ensure()
    assert mode(paths.data_dir) == 0o700
    assert mode(paths.log_dir) == 0o700
    target = paths.data_dir / "state.json"
    write_private_atomically(target, b"{}")
    assert mode(target) == 0o600
    assert target.read_bytes() == b"{}"
    assert [p.name for p in paths.data_dir.iterdir() if p.name.startswith(".")] == []
