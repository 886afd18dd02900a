"""The Kiosque numérique screen in a real shell on a real catalogue: search as you type with the
on-screen keyboard, filters, "Aucun résultat", the reader and its in-document search, "Retour"
through the pages, and the idle reset that closes the document."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select

from kiosk.documents.tables import DocumentSearch, DocumentView
from tests.ui.documents.conftest import GUIDE_PAGES, wait_ready

LINK_BASE = "https://smartcorner.departement06.fr/kiosque"


def type_keys(screen: Any, keyboard: Any, text: str) -> None:
    for char in text:
        if char == " ":
            keyboard.space.click()
        else:
            keyboard.key_for(char).click()


def tap_row(qtbot: Any, view: Any, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def rows(view: Any) -> list[str]:
    model = view.model()
    return [model.hit(n).document.slug for n in range(model.rowCount())]


def open_screen(qtbot: Any, documents_shell: Any, **settings: Any) -> tuple[Any, Any]:
    shell = documents_shell(**settings)
    screen = shell.router.current
    assert screen.key == "documents"
    wait_ready(qtbot, screen)
    return shell, screen


def test_the_catalogue_shows_themes_with_counts_and_the_newest_first(qtbot, documents_shell):
    _, screen = open_screen(qtbot, documents_shell)
    tiles = [(t.theme, t.count) for t in screen.browse.tiles if not t.isHidden()]
    assert tiles == [("Cybersécurité", 2), ("Intelligence artificielle", 1),
                     ("Données et RGPD", 1)]  # fmt: skip
    assert rows(screen.browse.latest) == ["hameconnage", "rgpd", "charte-ia", "cybermalveillance"]


def test_typing_on_the_keyboard_searches_and_a_tap_opens_the_pdf(qtbot, documents_shell):
    shell, screen = open_screen(qtbot, documents_shell)
    qtbot.mouseClick(screen.browse.search, Qt.MouseButton.LeftButton)
    assert screen.page is screen.search
    assert screen.search.keyboard.isVisible()
    type_keys(screen, screen.search.keyboard, "hamecon")  # no cedilla, unfinished word
    assert screen.search.field.text() == "hamecon"
    qtbot.waitUntil(lambda: rows(screen.search.results) == ["hameconnage"])
    hit = screen.search.results.model().hit(0)
    assert hit.snippet == "Reconnaître un courriel piégé."  # found by its title: its summary
    assert screen.search.count.text() == "1 résultat"

    tap_row(qtbot, screen.search.results, 0)
    qtbot.waitUntil(lambda: screen.reader.pdf.page_count == GUIDE_PAGES)
    assert screen.page is screen.reader
    assert screen.reader.page_label.text() == f"Page 1 / {GUIDE_PAGES}"
    assert screen.reader.take_away.qr.payload == f"{LINK_BASE}/hameconnage"
    assert screen.reader.take_away.print.isHidden()  # no printer configured

    sessions = shell.database.session_factory()
    qtbot.waitUntil(lambda: _views(sessions) == [("hameconnage", "search")])
    qtbot.waitUntil(lambda: _searches(sessions) == [("hamecon", 1)])

    back = shell.window.bottom_bar.back
    back.click()  # reader -> results, the document closed
    assert screen.page is screen.search
    assert screen.reader.pdf.document is None
    back.click()  # results -> catalogue
    assert screen.page is screen.browse
    back.click()  # catalogue -> the screen before the Kiosque
    assert shell.router.current_key == "home"


def test_theme_and_format_filters(qtbot, documents_shell):
    _, screen = open_screen(qtbot, documents_shell)
    tile = next(t for t in screen.browse.tiles if t.theme == "Cybersécurité")
    tile.click()
    assert screen.page is screen.search
    assert not screen.search.keyboard.isVisible()  # browsing a theme: nothing to type
    qtbot.waitUntil(lambda: rows(screen.search.results) == ["hameconnage", "cybermalveillance"])
    assert screen.search.theme_chip.text() == "Cybersécurité"
    links = next(b for b in screen.search.formats.buttons() if b.property("kind") == "link")
    links.click()
    qtbot.waitUntil(lambda: rows(screen.search.results) == ["cybermalveillance"])
    screen.search.theme_chip.click()  # the theme grid, to change or drop the theme
    everything = next(b for b in screen.search._theme_buttons if not b.property("theme"))
    everything.click()
    qtbot.waitUntil(lambda: screen.search.theme_chip.text() == "Tous les thèmes")
    assert rows(screen.search.results) == ["cybermalveillance"]


def test_no_result_suggests_themes_and_is_recorded_for_the_editors(qtbot, documents_shell):
    shell, screen = open_screen(qtbot, documents_shell)
    screen.open_search(typing=True)
    screen.search.field.setText("imprimante 3D")
    qtbot.waitUntil(lambda: screen.search.empty.isVisible())
    suggested = [b.text() for b in screen.search.empty.themes if not b.isHidden()]
    assert suggested[0] == "Cybersécurité"  # the biggest theme first
    assert "imprimante 3D" in screen.search.empty.message.text()
    screen.search.keyboard.action.click()  # "Rechercher": the search is recorded
    sessions = shell.database.session_factory()
    qtbot.waitUntil(lambda: _searches(sessions) == [("imprimante 3D", 0)])
    screen.search.empty.themes[0].click()
    qtbot.waitUntil(lambda: rows(screen.search.results) == ["hameconnage", "cybermalveillance"])


def test_a_misspelling_offers_the_indexed_spelling(qtbot, documents_shell):
    _, screen = open_screen(qtbot, documents_shell)
    screen.open_search(typing=True)
    screen.search.field.setText("hameconage ")
    qtbot.waitUntil(lambda: screen.search.empty.did_you_mean.isVisible())
    screen.search.empty.did_you_mean.click()
    assert screen.search.field.text() == "hameconnage"
    qtbot.waitUntil(lambda: rows(screen.search.results) == ["hameconnage"])


def test_search_inside_the_pdf_is_accent_insensitive_and_jumps_to_the_page(qtbot, documents_shell):
    _, screen = open_screen(qtbot, documents_shell)
    screen.browse.latest.activated_hit.emit(screen.browse.latest.model().hit(0))
    qtbot.waitUntil(lambda: screen.reader.pdf.page_count == GUIDE_PAGES)
    screen.reader.find_button.click()
    assert screen.reader.keyboard.isVisible()
    type_keys(screen, screen.reader.keyboard, "l'hameconnage")  # QPdfSearchModel finds nothing
    qtbot.waitUntil(lambda: screen.reader.finder.pages.count() == 1)
    assert screen.reader.pdf.current_page == GUIDE_PAGES  # the only page that has it
    assert screen.reader.page_label.text() == f"Page {GUIDE_PAGES} / {GUIDE_PAGES}"
    assert screen.reader.finder.count.text() == "1 page"
    screen.reader.previous.click()
    assert screen.reader.pdf.current_page == GUIDE_PAGES - 1


def test_articles_and_links_open_in_the_reader(qtbot, documents_shell):
    _, screen = open_screen(qtbot, documents_shell)
    model = screen.browse.latest.model()
    by_slug = {model.hit(n).document.slug: model.hit(n) for n in range(model.rowCount())}
    screen.open_document(by_slug["rgpd"], "latest")
    qtbot.waitUntil(lambda: screen.reader.document is not None)
    assert "Collecter le strict nécessaire." in screen.reader.article.toPlainText()
    assert screen.reader.toolbar.isHidden()  # pages and zoom are for PDFs
    screen.go_back()
    screen.open_document(by_slug["cybermalveillance"], "latest")
    qtbot.waitUntil(lambda: screen.reader.document is not None)
    assert screen.reader._content.currentWidget() is screen.reader.link_card
    assert screen.reader.take_away.qr.payload == f"{LINK_BASE}/cybermalveillance"


def test_idle_reset_closes_the_document_and_forgets_the_search(qtbot, documents_shell):
    shell, screen = open_screen(qtbot, documents_shell)
    screen.open_search(typing=True)
    screen.search.field.setText("courriel")
    qtbot.waitUntil(lambda: rows(screen.search.results) == ["hameconnage"])
    tap_row(qtbot, screen.search.results, 0)
    qtbot.waitUntil(lambda: screen.reader.pdf.page_count == GUIDE_PAGES)
    screen.reader.pdf.next_page()
    shell.idle.set_durations(50, 50)
    with qtbot.waitSignal(shell.idle.session_reset, timeout=5000):
        pass
    assert shell.router.current_key == "attract"
    assert screen.reader.pdf.document is None
    assert screen.reader.document is None
    assert screen.reader.title.text() == ""
    assert screen.page is screen.browse
    assert screen.search.field.text() == ""
    assert screen.search.results.model().rowCount() == 0
    sessions = shell.database.session_factory()
    qtbot.waitUntil(lambda: _searches(sessions) == [("courriel", 1)])


def _views(sessions: Any) -> list[tuple[str, str]]:
    with sessions() as s:
        return [(v.document_slug, v.source) for v in s.scalars(select(DocumentView))]


def _searches(sessions: Any) -> list[tuple[str, int]]:
    with sessions() as s:
        return [(r.query, r.result_count) for r in s.scalars(select(DocumentSearch))]


def test_a_catalogue_that_cannot_be_read_says_so_and_comes_back_by_itself(
    qtbot, documents_shell, kiosk_settings
):
    from kiosk.documents.library import index_path

    blocked = index_path(kiosk_settings.paths)
    blocked.mkdir(parents=True)  # SQLite cannot open the index there
    shell = documents_shell()
    screen = shell.router.current
    qtbot.waitUntil(lambda: screen.browse.notice_box.isVisible(), timeout=10_000)
    assert "indisponible" in screen.browse.notice.text()
    assert "accueil" in screen.browse.notice.text()  # and what to do about it
    assert not screen.desk.is_ready

    # A search typed meanwhile says the same instead of staying blank.
    screen.open_search(typing=True)
    screen.search.field.setText("courriel")
    qtbot.waitUntil(lambda: "indisponible" in screen.search.empty.message.text())
    assert not screen.search.empty.hint.isVisible()

    blocked.rmdir()
    screen.go_back()
    shell.router.go("home")
    shell.router.go("documents")  # showing the screen again tries again
    wait_ready(qtbot, screen)
    qtbot.waitUntil(lambda: not screen.browse.notice_box.isVisible())
    screen.open_search(typing=True)
    screen.search.field.setText("courriel")
    qtbot.waitUntil(lambda: rows(screen.search.results) == ["hameconnage"])


def test_a_damaged_index_is_rebuilt_from_the_catalogue(qtbot, documents_shell, kiosk_settings):
    from kiosk.documents.library import index_path

    damaged = index_path(kiosk_settings.paths)
    damaged.parent.mkdir(parents=True, exist_ok=True)
    damaged.write_bytes(b"\x00garbage left by a full disk" * 100)
    _, screen = open_screen(qtbot, documents_shell)
    assert rows(screen.browse.latest) == ["hameconnage", "rgpd", "charte-ia", "cybermalveillance"]
    assert not screen.browse.notice_box.isVisible()
    assert damaged.with_name(damaged.name + ".damaged").exists()


def test_a_short_word_is_answered_once_with_everything(qtbot, documents_shell):
    """One list per keystroke, the complete one: no first look at the titles that the bodies'
    matches then reshuffle, no « Aucun résultat » flashed before a match found in a body."""
    _, screen = open_screen(qtbot, documents_shell)
    answers: list[tuple[str, list[str]]] = []
    screen.desk.results.connect(
        lambda r: answers.append((r.query, [h.document.slug for h in r.hits]))
    )
    screen.open_search(typing=True)
    screen.search.field.setText("cour")  # "courriel" in the guide's summary
    qtbot.waitUntil(lambda: bool(answers))
    qtbot.waitUntil(lambda: screen.desk.pending == 0)
    assert answers == [("cour", ["hameconnage"])]
    assert screen.search.count.text() == "1 résultat"

    answers.clear()
    screen.search.field.setText("banq")  # only in the guide's pages
    qtbot.waitUntil(lambda: bool(answers))
    qtbot.waitUntil(lambda: screen.desk.pending == 0)
    assert answers == [("banq", ["hameconnage"])]
    assert not screen.search.empty.isVisible()  # no "Aucun résultat" flashed on the way


def test_opening_a_document_waits_for_another_writer_and_records_the_view(
    qtbot, documents_shell, engine
):
    """A view is recorded in the transaction that reads the document. Begun deferred, it
    failed at once with « database is locked » when another connection (the print spooler, the
    heartbeat) held the write lock at that moment — twice in CI; begun as a writer, it waits."""
    import sqlite3
    import threading

    shell, screen = open_screen(qtbot, documents_shell)
    model = screen.browse.latest.model()
    hits = {model.hit(n).document.slug: model.hit(n) for n in range(model.rowCount())}
    other = sqlite3.connect(engine.url.database, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another kiosk process writing for a while
    released = threading.Timer(1.5, other.commit)
    released.start()
    try:
        screen.open_document(hits["rgpd"], "latest")
        qtbot.waitUntil(lambda: screen.reader.document is not None, timeout=10_000)
    finally:
        released.join()
        other.close()
    assert "Collecter le strict nécessaire." in screen.reader.article.toPlainText()
    assert _views(shell.database.session_factory()) == [("rgpd", "latest")]
