"""A new kiosk's first start: several parts open the missing database at once (screens' worker,
print spooler, sync worker, the child process of heavy jobs). Each must get the migrated
database; none may find a half-made, empty file and refuse it as a disk fault."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import Engine

from kiosk.db.health import StorageError
from kiosk.db.migrate import HEAD_REVISION, current_revision, open_kiosk_database


def test_openers_racing_on_a_missing_database_all_get_it_migrated(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'data' / 'smartcorner.sqlite3'}"
    openers = 4
    start = threading.Barrier(openers)
    revisions: list[str | None] = []
    failures: list[BaseException] = []

    def open_it() -> None:
        start.wait()
        try:
            engine = open_kiosk_database(url)
        except BaseException as exc:  # the assertion below names it
            failures.append(exc)
            return
        revisions.append(current_revision(engine))
        engine.dispose()

    threads = [threading.Thread(target=open_it) for _ in range(openers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert failures == []
    assert revisions == [HEAD_REVISION] * openers
    assert not (tmp_path / "data" / "smartcorner.sqlite3.creating").exists()


def test_an_opener_arriving_while_the_first_migrates_waits_for_it(tmp_path: Path) -> None:
    path = tmp_path / "smartcorner.sqlite3"
    url = f"sqlite:///{path}"
    first: list[Engine] = []
    opener = threading.Thread(target=lambda: first.append(open_kiosk_database(url)))
    opener.start()
    seen = threading.Event()
    for _ in range(20_000):  # until the first opener has made a file, or its thread ended
        if path.exists() or any(tmp_path.glob("smartcorner.sqlite3*")) or not opener.is_alive():
            break
        seen.wait(0.0005)
    second = open_kiosk_database(url)  # arrives while the first is (most likely) migrating
    assert current_revision(second) == HEAD_REVISION
    second.dispose()
    opener.join(60)
    assert len(first) == 1
    first[0].dispose()


def test_an_empty_file_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "smartcorner.sqlite3"
    path.touch()
    with pytest.raises(StorageError, match="empty file"):
        open_kiosk_database(f"sqlite:///{path}")
    assert path.stat().st_size == 0
