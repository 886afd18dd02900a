"""Every SQLite transaction that reads, then writes, must begin as a writer.

A deferred transaction (SQLite's default ``BEGIN``) that reads first takes a snapshot; when it
then writes, SQLite must turn it into a write transaction, and if another connection committed
in between it fails at once with « database is locked » (``SQLITE_BUSY_SNAPSHOT``: the busy
timeout does not help, waiting cannot make the snapshot current). On a kiosk the other
connection is always there — the print spooler, the heartbeat, the Smart Tour's sync, a second
desk — so such a transaction fails now and then, under load, and what the visitor did is lost
(two CI runs lost a document view this way). ``kiosk.db.engine.begin_writing`` and the
``sqlite_begin="IMMEDIATE"`` option take the write lock first and wait their turn.

This plugin watches every SQLite connection of the suite (a listener on the ``Engine`` class)
and fails the test in which a deferred transaction wrote after reading, naming the code that
did it. Transactions the tests begin themselves are left to them; a test may also say with the
``deferred_writes_allowed`` marker that it does this on purpose.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from types import FrameType
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, event
from sqlalchemy.orm import Session, SessionTransaction

_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_OURS = tuple(os.path.join(_ROOT, part) + os.sep for part in ("kiosk", "ui", "hardware"))
_TESTS = os.path.join(_ROOT, "tests") + os.sep
_READS = ("SELECT", "WITH", "VALUES")
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")

_found: list[str] = []


def _named(frame: FrameType) -> str:
    code = frame.f_code
    return f"{os.path.relpath(code.co_filename, _ROOT)}:{frame.f_lineno} ({code.co_name})"


def _origin() -> tuple[str, bool]:
    """Where the statement comes from — the innermost frame of the product's code, else of the
    tests — and whether that is the product's. Frames only: no source lines read."""
    frame: FrameType | None = sys._getframe(2)
    test_frame = None
    while frame is not None:
        name = frame.f_code.co_filename
        if name.startswith(_OURS):
            return _named(frame), True
        if test_frame is None and name.startswith(_TESTS) and name != __file__:
            test_frame = frame
        frame = frame.f_back
    return (_named(test_frame) if test_frame is not None else "?"), False


def _on_begin(conn: Connection) -> None:
    if conn.dialect.name != "sqlite":
        return
    mode = str(conn.get_execution_options().get("sqlite_begin", "DEFERRED")).upper()
    # A transaction the tests began themselves (their set-up, their checks, a product function
    # that flushes into the caller's transaction) is theirs to judge: the product's own callers
    # of those functions begin their transactions in the product's code, and are watched there.
    ours = _origin()[1]
    conn.info["deferred_read"] = "" if mode == "DEFERRED" and ours else None


_session_init = Session.__init__


def _session_made_here(self: Session, *args: Any, **kwargs: Any) -> None:
    _session_init(self, *args, **kwargs)
    self.info["made_by_product"] = _origin()[1]


def _on_session_begin(session: Session, _transaction: SessionTransaction, conn: Connection) -> None:
    # The connection's own begin (above) saw who ran the first statement; a session the tests
    # made is theirs even when a product function runs its first statement.
    if conn.dialect.name == "sqlite" and not session.info.get("made_by_product", True):
        conn.info["deferred_read"] = None


def _on_end(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":  # (a cut PostgreSQL connection's info cannot be read)
        conn.info.pop("deferred_read", None)


def _before_execute(
    conn: Connection, _cursor: Any, statement: str, _params: Any, _context: Any, _many: bool
) -> None:
    if conn.dialect.name != "sqlite":
        return
    state = conn.info.get("deferred_read")
    if state is None:  # no transaction, a writer's, a test's own, or already writing
        return
    verb = statement.lstrip().split(None, 1)[0].upper() if statement.strip() else ""
    if verb in _READS and not state:
        conn.info["deferred_read"] = _origin()[0]
    elif verb in _WRITES:
        if state:
            _found.append(
                f"{_origin()[0]}: {statement.split(None, 3)[:3]} in a deferred transaction "
                f"that read first at {state}"
            )
        conn.info["deferred_read"] = None  # a writer from now on


def install() -> None:
    event.listen(Engine, "begin", _on_begin)
    for end in ("commit", "rollback"):
        event.listen(Engine, end, _on_end)
    event.listen(Engine, "before_cursor_execute", _before_execute)
    Session.__init__ = _session_made_here  # type: ignore[method-assign]
    event.listen(Session, "after_begin", _on_session_begin)


install()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "deferred_writes_allowed: the test writes after reading in deferred SQLite "
        "transactions on purpose (a database only it uses)",
    )


@pytest.fixture(autouse=True)
def _writers_begin_as_writers(request: pytest.FixtureRequest) -> Iterator[None]:
    del _found[:]
    yield
    found, _found[:] = list(dict.fromkeys(_found)), []
    if found and request.node.get_closest_marker("deferred_writes_allowed") is None:
        report = os.environ.get("KIOSK_DEFERRED_WRITES_REPORT")
        if report:
            with open(report, "a", encoding="utf-8") as out:
                out.writelines(f"{request.node.nodeid}\t{line}\n" for line in found)
            return
        pytest.fail(
            "a SQLite transaction wrote after reading without beginning as a writer "
            "(« database is locked » when another connection commits in between; use "
            "kiosk.db.engine.begin_writing or sqlite_begin='IMMEDIATE'):\n  " + "\n  ".join(found),
            pytrace=False,
        )
