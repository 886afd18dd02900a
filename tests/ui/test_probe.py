"""The end-to-end tests' probe: what it reports is where the widgets really are."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.widgets.probe import PREFIX, GeometryProbe, snapshot


def test_visible_named_widgets_and_buttons_with_their_global_geometry_and_text(
    qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    box = QVBoxLayout(window)
    box.setContentsMargins(30, 40, 0, 0)
    title = QLabel("Accueil")
    title.setObjectName("title")
    hidden = QLabel("caché")
    hidden.setObjectName("hidden")
    hidden.hide()
    unnamed = QLabel("sans nom")  # neither named nor a button: not reported
    row = QPushButton("Atelier douchettes")  # a list's row: unnamed, reported by its text
    for widget in (title, hidden, unnamed, row):
        box.addWidget(widget)
    window.move(100, 200)
    window.show()
    qtbot.waitExposed(window)

    found = snapshot(window)
    assert [(w["name"], w["text"]) for w in found] == [
        ("title", "Accueil"),
        ("", "Atelier douchettes"),
    ]
    corner = title.mapToGlobal(title.rect().topLeft())
    assert (found[0]["x"], found[0]["y"]) == (corner.x(), corner.y())
    assert (found[0]["w"], found[0]["h"]) == (title.width(), title.height())

    probe = GeometryProbe(window, interval_ms=10)
    probe.report()
    probe.report()  # nothing changed: nothing more written
    title.setText("Bonjour")
    probe.report()
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith(PREFIX)]
    assert len(lines) == 2
    assert json.loads(lines[-1][len(PREFIX) :])[0]["text"] == "Bonjour"
