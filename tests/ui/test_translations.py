"""French source, English through Qt Linguist: runtime switch, and the catalogue kept complete."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.documents.catalogue import THEMES
from kiosk.domain import EventKind
from kiosk.settings import Language
from ui.documents.document_list import theme_label
from ui.formatting import kind_label
from ui.i18n import LanguageSwitcher

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "assets" / "translations" / "smartcorner_en.ts"
QM = ROOT / "assets" / "translations" / "smartcorner_en.qm"
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    path = BIN / name
    found = str(path) if path.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} not found (it comes with pyside6-essentials)")
    return found


def tap(qtbot: QtBot, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_language_toggle_retranslates_what_is_on_screen(qtbot: QtBot, shell: Any) -> None:
    tap(qtbot, shell.attract)
    home = shell.router.current
    bar = shell.window.bottom_bar
    assert bar.language.text() == "English"
    tap(qtbot, bar.language)
    assert shell.session.lang is Language.EN
    qtbot.waitUntil(lambda: home.hello.text() == "Hello!")
    assert home.question.text() == "What would you like to do?"
    assert home.date.text() == "Monday 23 November 2026"
    assert bar.home.text() == "Home"
    assert bar.language.text() == "Français"
    events = next(tile for tile in home.tiles if tile.capability.key == "events")
    assert events.subtitle.text() == "What's on at the Smart Corner"
    assert shell.attract.touch.text() == "Touch the screen to start"  # hidden screens too
    tap(qtbot, bar.language)
    qtbot.waitUntil(lambda: home.hello.text() == "Bonjour\u202f!")
    assert home.date.text() == "lundi 23 novembre 2026"
    assert bar.home.text() == "Accueil"


def test_screens_built_later_come_up_in_the_current_language(qtbot: QtBot, shell: Any) -> None:
    tap(qtbot, shell.attract)
    tap(qtbot, shell.window.bottom_bar.language)
    qtbot.waitUntil(lambda: shell.router.current.hello.text() == "Hello!")
    shell.router.go("events")
    assert shell.router.current.title.text() == "Events programme"


def test_kiosk_configured_in_english_starts_in_english(make_shell: Any) -> None:
    shell = make_shell(lang=Language.EN)
    assert shell.attract.touch.text() == "Touch the screen to start"
    assert shell.attract.date.text() == "Monday 23 November 2026"


def _messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).getroot().iter("message"))


def test_every_ui_string_has_a_finished_english_translation(tmp_path: Path) -> None:
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run(
        [tool("pyside6-lupdate"), *sources, "-locations", "relative", "-ts", str(copy)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    problems = [
        f"{m.findtext('source')!r}: {m.find('translation').get('type')}"
        for m in _messages(copy)
        if m.find("translation").get("type") in {"unfinished", "vanished", "obsolete"}
    ]
    assert problems == [], "run pyside6-lupdate and translate (see ui/i18n.py)"


def test_the_compiled_qm_is_up_to_date_with_the_ts(tmp_path: Path) -> None:
    fresh = tmp_path / QM.name
    subprocess.run(
        [tool("pyside6-lrelease"), str(TS), "-qm", str(fresh)], check=True, capture_output=True
    )
    assert fresh.read_bytes() == QM.read_bytes(), "run pyside6-lrelease (see ui/i18n.py)"


def test_english_mode_names_the_event_kinds_and_editorial_themes_in_english(qapp: Any) -> None:
    french_kinds = {kind: kind_label(kind) for kind in EventKind}
    french_themes = {name: theme_label(name) for name, _icon in THEMES}
    assert french_themes == {name: name for name, _icon in THEMES}
    switcher = LanguageSwitcher(qapp)
    switcher.apply(Language.EN)
    try:
        english_kinds = {kind: kind_label(kind) for kind in EventKind}
        english_themes = {name: theme_label(name) for name, _icon in THEMES}
        assert theme_label("Un thème importé") == "Un thème importé"  # no English name known
    finally:
        switcher.uninstall()
    # Masterclass is English already; every other name changes
    assert [k for k in EventKind if english_kinds[k] == french_kinds[k]] == [EventKind.MASTERCLASS]
    assert english_kinds[EventKind.ATELIER_TECHNOLOGIQUE] == "Tech workshop"
    assert [name for name in english_themes if english_themes[name] == name] == []
    assert english_themes["Cybersécurité"] == "Cybersecurity"
