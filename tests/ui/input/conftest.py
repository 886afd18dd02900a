"""A focused text field and an installed wedge filter, for the scanner tests of this folder."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from hardware.wedge import WedgeConfig
from ui.input.wedge_filter import WedgeFilter


@pytest.fixture
def field(qtbot: QtBot) -> QLineEdit:
    line = QLineEdit()
    qtbot.addWidget(line)
    line.show()
    qtbot.waitExposed(line)
    line.setFocus()
    return line


def installed(qapp: Any, config: WedgeConfig | None = None) -> Iterator[WedgeFilter]:
    """The filter on the application with ``config`` (the default settings' when None)."""
    wedge = WedgeFilter(config)
    wedge.install(qapp)
    yield wedge
    wedge.uninstall()
    wedge.deleteLater()


@pytest.fixture
def wedge(qapp: Any) -> Iterator[WedgeFilter]:
    yield from installed(qapp)
