"""Documents imported with the manifest's optional English columns: the rows and the reader
show them when the kiosk speaks English; the French ones stand in where none was given."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt

from kiosk.settings import Language
from tests.ui.documents.conftest import SAVED_AT, catalogue
from tests.ui.documents.test_documents_screen import open_screen
from ui.documents.document_list import meta_line


def test_imported_english_shows_in_english_and_french_stands_in_where_there_is_none(
    qtbot: Any, documents_shell: Any, session_factory: Any
) -> None:
    from kiosk.documents.library import save_document

    guide = next(doc for doc in catalogue() if doc.slug == "rgpd")
    english = replace(
        guide, slug="gdpr-en", title="Le RGPD pour les élus", title_en="GDPR for elected members",
        summary="Ce que dit le règlement.", summary_en="What the regulation says.",
        theme="Vie publique", theme_en="Public life",
    )  # fmt: skip
    with session_factory.begin() as session:
        save_document(session, english, SAVED_AT)
    shell, screen = open_screen(qtbot, documents_shell)
    model = screen.browse.latest.model()

    def titles() -> dict[str, str]:
        return {model.hit(n).document.slug: model.index(n, 0).data()
                for n in range(model.rowCount())}  # fmt: skip

    qtbot.waitUntil(lambda: "gdpr-en" in titles())
    assert titles()["gdpr-en"] == "Le RGPD pour les élus"  # French kiosk: French
    doc = next(model.hit(n).document for n in range(model.rowCount())
               if model.hit(n).document.slug == "gdpr-en")  # fmt: skip
    assert meta_line(doc).startswith("Vie publique")

    qtbot.mouseClick(shell.window.bottom_bar.language, Qt.MouseButton.LeftButton)
    assert shell.session.lang is Language.EN
    assert titles()["gdpr-en"] == "GDPR for elected members"
    assert titles()["rgpd"] == "Le RGPD au quotidien"  # no English given: the French one
    assert meta_line(doc).startswith("Public life")
    screen.open_document(model.hit(list(titles()).index("gdpr-en")), "latest")
    qtbot.waitUntil(lambda: screen.reader.document is not None)
    assert screen.reader.title.text() == "GDPR for elected members"


def test_an_imported_theme_is_named_in_english_on_its_tile_and_in_the_search(
    qtbot: Any, documents_shell: Any, session_factory: Any
) -> None:
    """The manifest's theme_en on the theme tiles, the search's theme grid and filter chip;
    an imported theme without one keeps its French name, the editorial ones their own."""
    from kiosk.documents.library import save_document

    guide = next(doc for doc in catalogue() if doc.slug == "rgpd")
    with session_factory.begin() as session:
        save_document(session, replace(guide, slug="elus", theme="Vie publique",
                                       theme_en="Public life"), SAVED_AT)  # fmt: skip
        save_document(session, replace(guide, slug="agents", theme="Vie des agents"), SAVED_AT)
    shell, screen = open_screen(qtbot, documents_shell)

    def tiles() -> list[str]:
        return [t.text().split("\n")[0] for t in screen.browse.tiles if not t.isHidden()]

    qtbot.waitUntil(lambda: "Vie publique" in tiles())
    assert "Public life" not in tiles()  # French kiosk: French
    qtbot.mouseClick(shell.window.bottom_bar.language, Qt.MouseButton.LeftButton)
    assert shell.session.lang is Language.EN
    qtbot.waitUntil(lambda: "Cybersecurity" in tiles())  # the tiles were told the language
    assert "Public life" in tiles()
    assert "Vie publique" not in tiles()
    assert "Vie des agents" in tiles()  # no English given: the French one

    search = screen.search
    screen.open_search(theme="Vie publique", typing=False)
    assert search.theme_chip.text() == "Public life"
    qtbot.mouseClick(search.theme_chip, Qt.MouseButton.LeftButton)  # the theme grid
    grid = [b.text() for b in search._theme_buttons]
    assert "Public life" in grid
    assert "Vie publique" not in grid
