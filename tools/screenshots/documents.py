"""Screenshots of the Kiosque numérique (called by ``python -m tools.screenshots.main``).

The demo catalogue seeded in a throw-away SQLite file, the real desk and index: catalogue,
search as you type (keyboard up), results, "Aucun résultat", the theme filter, a PDF in the
reader, in-document search, an article, a link; some again in English and accessible mode.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tools.screenshots import panel as screen_panel

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from ui.app.shell import Shell

DEADLINE_S = 60.0


def _wait(settle: Callable[[], None], done: Callable[[], bool]) -> None:
    end = time.monotonic() + DEADLINE_S
    while not done():
        if time.monotonic() > end:
            raise TimeoutError("the documents screen did not settle")
        settle()


def _pdf_painted(screen: Any) -> bool:
    """True once the viewer shows ink (QtPdf renders pages on a thread of its own)."""
    image = screen.reader.pdf.view.viewport().grab().toImage()
    for y in range(40, image.height(), 9):
        for x in range(40, image.width() - 40, 9):
            c = image.pixelColor(x, y)
            if (c.red() < 90 and c.green() < 90) or c.blue() - c.red() > 60:
                return True  # text, or the cover's coloured band
    return False


def shoot_documents(
    app: QApplication, outdir: Path, settle: Callable[[], None], now: datetime
) -> list[Path]:
    from kiosk.db.engine import create_db_engine, make_session_factory
    from kiosk.db.migrate import ensure_schema
    from kiosk.demo.seed import seed_demo
    from kiosk.documents.catalogue import DocumentKind
    from kiosk.paths import Paths
    from kiosk.ports import FixedClock
    from kiosk.settings import Language, Profile, Settings
    from ui.app.shell import build_shell

    tmp = Path(tempfile.mkdtemp(prefix="smartcorner-docshots-"))
    url = f"sqlite:///{tmp / 'documents.sqlite3'}"
    engine = create_db_engine(url)
    ensure_schema(engine)
    seed_demo(make_session_factory(engine), now)
    engine.dispose()
    # A printer URL so that "Imprimer la fiche" shows (nothing is printed here).
    settings = Settings(
        speech_engine="none",
        profile=Profile.ROOM,
        paths=Paths(data_dir=tmp, config_file=None),
        kiosk_name="Smart Corner",
        db_url=url,
        printer="tcp://127.0.0.1:9",
    )

    def start(settings: Settings) -> Shell:
        shell = build_shell(
            settings, app=app, clock=FixedClock(now), events_loader=lambda _now, _limit: []
        )
        screen_panel.fit(shell)
        shell.window.transition.duration_ms = 0
        shell.start()
        shell.window.show()
        return shell

    shell = start(settings)
    shots: list[Path] = []

    def shoot(name: str) -> None:
        settle()
        path = screen_panel.png(outdir, f"documents-{name}")
        shell.window.grab().save(str(path))
        shots.append(path)

    shell.router.go("home")
    shell.router.go("documents")
    screen = shell.router.current
    desk = screen.desk
    _wait(settle, lambda: desk.is_ready and screen.browse.latest.model().rowCount() > 0)
    _wait(settle, lambda: not shell.executor.pending)
    shoot("catalogue-fr-normal")

    def search(text: str) -> None:
        screen.search.field.setText(text)
        _wait(settle, lambda: screen._last_results is not None
              and screen._last_results.query == text)  # fmt: skip

    screen.open_search(typing=True)
    search("hameconn")
    shoot("search-typing-fr-normal")
    search("données personnelles")
    screen.search.keyboard.submitted.emit()
    shoot("results-fr-normal")
    search("imprimante 3D")
    shoot("no-result-fr-normal")
    search("teletravial")
    shoot("did-you-mean-fr-normal")
    screen.search.field.clear()
    screen.search.theme_chip.click()
    shoot("theme-filter-fr-normal")
    screen.search.set_theme("Cybersécurité")
    _wait(settle, lambda: screen._last_results is not None
          and screen._last_results.theme == "Cybersécurité")  # fmt: skip
    shoot("theme-fr-normal")
    search("charte")  # a later search, the theme still on: the list says so
    shoot("theme-scope-fr-normal")

    def open_kind(kind: DocumentKind, text: str = "") -> None:
        search(text)
        hits = [h for h in screen._last_results.hits if h.document.kind is kind]
        screen.open_document(hits[0], "search")
        _wait(settle, lambda: screen.reader.document is not None)

    screen.search.set_theme(None)
    screen._pages.setCurrentWidget(screen.reader)
    screen.reader.show_opening()  # what shows while the file is fetched
    shoot("reader-opening-fr-normal")
    screen._pages.setCurrentWidget(screen.search)
    open_kind(DocumentKind.PDF, "hameçonnage")
    _wait(settle, lambda: _pdf_painted(screen))
    shoot("reader-pdf-fr-normal")
    screen.reader.open_find()
    screen.reader.finder.field.setText("courriel")
    _wait(settle, lambda: screen.reader.finder.pages.count() > 0)
    shoot("reader-find-typing-fr-normal")
    screen.reader.keyboard.submitted.emit()
    _wait(settle, lambda: _pdf_painted(screen))
    shoot("reader-find-fr-normal")
    screen.reader.close_find()
    shell.session.set_language(Language.EN)
    shoot("reader-pdf-en-normal")
    shell.session.set_language(Language.FR)
    shell.session.set_accessible(True)
    _wait(settle, lambda: _pdf_painted(screen))  # rendered again in the new size
    shoot("reader-pdf-fr-accessible")
    shell.session.set_accessible(False)
    screen.go_back()
    open_kind(DocumentKind.ARTICLE, "")
    shoot("reader-article-fr-normal")
    screen.go_back()
    open_kind(DocumentKind.LINK, "")
    shoot("reader-link-fr-normal")
    screen.go_back()
    screen.go_back()
    shell.session.set_language(Language.EN)
    shoot("catalogue-en-normal")
    shell.session.set_language(Language.FR)
    shell.session.set_accessible(True)
    shoot("catalogue-fr-accessible")
    shell.close()
    settle()

    # The same kiosk whose index cannot be opened (here: a folder where its file should be).
    from dataclasses import replace

    from kiosk.documents.library import index_path

    blocked = replace(settings, paths=Paths(data_dir=tmp / "blocked", config_file=None))
    index_path(blocked.paths).mkdir(parents=True)
    shell = start(blocked)
    shell.router.go("home")
    shell.router.go("documents")
    screen = shell.router.current
    _wait(settle, lambda: screen.browse.notice_box.isVisible())
    shoot("unavailable-fr-normal")
    screen.open_search(typing=True)
    screen.search.field.setText("hameconnage")
    _wait(settle, lambda: screen.search.empty.isVisible())
    shoot("search-unavailable-fr-normal")
    shell.close()
    settle()
    return shots
