"""Screenshots of a PDF in the Kiosque numérique's reader, zoomed (``--pdf-zoom``).

The demo catalogue's guide at the page's width, zoomed in four steps, at 800 %, and panned to the
bottom-right corner of its last page; each picture is taken once every tile on screen is sharp.
Called by tools.screenshots.main; the pictures are looked at, not compared.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from tools.screenshots import panel as screen_panel

DEADLINE_S = 60.0


def _wait(settle: Callable[[], None], done: Callable[[], bool]) -> None:
    end = time.monotonic() + DEADLINE_S
    while not done():
        if time.monotonic() > end:
            raise TimeoutError("the reader did not settle")
        settle()


def shoot_pdf_zoom(
    app: QApplication, outdir: Path, settle: Callable[[], None], now: datetime
) -> list[Path]:
    from kiosk.db.engine import create_db_engine, make_session_factory
    from kiosk.db.migrate import ensure_schema
    from kiosk.demo.seed import seed_demo
    from kiosk.documents.catalogue import DocumentKind
    from kiosk.paths import Paths
    from kiosk.ports import FixedClock
    from kiosk.settings import Profile, Settings
    from ui.app.shell import build_shell

    tmp = Path(tempfile.mkdtemp(prefix="smartcorner-pdfzoom-"))
    url = f"sqlite:///{tmp / 'documents.sqlite3'}"
    engine = create_db_engine(url)
    ensure_schema(engine)
    seed_demo(make_session_factory(engine), now)
    engine.dispose()
    settings = Settings(speech_engine="none", profile=Profile.ROOM, kiosk_name="Smart Corner",
                        paths=Paths(data_dir=tmp, config_file=None), db_url=url)  # fmt: skip
    shell = build_shell(settings, app=app, clock=FixedClock(now),
                        events_loader=lambda _now, _limit: [])  # fmt: skip
    screen_panel.fit(shell)
    shell.window.transition.duration_ms = 0
    shell.start()
    shell.window.show()
    shots: list[Path] = []
    shell.router.go("home")
    shell.router.go("documents")
    screen: Any = shell.router.current
    _wait(settle, lambda: screen.desk.is_ready and screen.browse.latest.model().rowCount() > 0)
    screen.search.field.setText("hameçonnage")
    _wait(settle, lambda: screen._last_results is not None
          and screen._last_results.query == "hameçonnage")  # fmt: skip
    hit = next(h for h in screen._last_results.hits if h.document.kind is DocumentKind.PDF)
    screen.open_document(hit, "search")
    _wait(settle, lambda: screen.reader.pdf.page_count > 0)
    pdf = screen.reader.pdf

    def shoot(name: str) -> None:
        _wait(settle, pdf.view.sharp)
        settle()
        path = screen_panel.png(outdir, f"documents-reader-zoom-{name}")
        shell.window.grab().save(str(path))
        shots.append(path)

    shoot("fit")
    for _ in range(4):
        screen.reader.zoom_in.click()
    shoot(f"{round(pdf.zoom * 100)}")
    while pdf.can_zoom_in():
        screen.reader.zoom_in.click()
    shoot(f"{round(pdf.zoom * 100)}")
    pdf.go_to(pdf.page_count)
    for bar in (pdf.view.horizontalScrollBar(), pdf.view.verticalScrollBar()):
        bar.setValue(bar.maximum())
    shoot("corner")
    shell.close()
    settle()
    return shots
