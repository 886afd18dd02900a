"""The top of a screen: its icon, title and subtitle, as every capability screen shows them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.theme import named


@dataclass(frozen=True)
class ScreenHeading:
    layout: QHBoxLayout  # icon, then title over subtitle; a screen may add its buttons after
    title: QLabel
    subtitle: QLabel


def screen_heading(icon: QWidget, *, icon_box: int = 112, wrap: bool = False) -> ScreenHeading:
    """``wrap``: long titles wrap (a portrait screen is 1080 px wide) rather than widen it."""
    icon.setObjectName("screenIcon")
    icon.setFixedSize(icon_box, icon_box)
    title, subtitle = named(QLabel(), "screenTitle"), named(QLabel(), "screenSubtitle")
    title.setWordWrap(wrap)
    subtitle.setWordWrap(wrap)
    heading = QVBoxLayout()
    heading.setSpacing(6)
    heading.addWidget(title)
    heading.addWidget(subtitle)
    header = QHBoxLayout()
    header.setSpacing(32)
    header.addWidget(icon)
    header.addLayout(heading, 1)
    return ScreenHeading(header, title, subtitle)
