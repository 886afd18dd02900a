"""A home tile: icon on the area's tint, big title, one-line subtitle, and an arrow to go."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.host import Capability
from ui.speech.narrator import TARGET
from ui.theme import ThemeController, named
from ui.widgets.icon_label import IconLabel


class Tile(QFrame):
    """A frame, not a QPushButton: a button's size hints ignore a layout of wrapped labels."""

    clicked = Signal()

    def __init__(
        self,
        capability: Capability,
        theme: ThemeController,
        *,
        wide: bool,
        compact: bool = False,
        row: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        """``row``: five tiles or more, two rows of them: icon, words and arrow side by side,
        the words alone on a short panel (:meth:`set_short`)."""
        super().__init__(parent)
        self._theme = theme
        self._compact = compact or row
        self._row = row
        self._wide = wide
        self.capability = capability
        self.setObjectName("tile")
        self.setProperty("area", capability.area.value)
        self.setProperty("wide", wide)
        self.setProperty("compact", self._compact)  # three tiles or more: smaller titles
        self.setProperty("pressed", False)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the keypad's way in: see ui.speech
        self.setProperty(TARGET, True)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

        area = capability.area.value
        box = 112 if self._compact else 148
        self.icon = IconLabel(theme, capability.icon, box * 8 // 15, colour=area, stroke=1.6)
        self.icon.setObjectName("tileIcon")
        self.icon.setProperty("area", area)
        self.title = named(QLabel(), "tileTitle")
        self.title.setProperty("compact", self._compact)
        self.title.setProperty("row", row)
        self.subtitle = named(QLabel(), "tileSubtitle")
        self.subtitle.setWordWrap(True)
        self.arrow = IconLabel(theme, "arrow-right", 44, colour="on_accent", stroke=2.25)
        self.arrow.setObjectName("tileArrow")
        self.arrow.setProperty("area", area)
        self.arrow.setProperty("compact", self._compact)
        for child in (self.icon, self.title, self.subtitle, self.arrow):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

        self.title.setWordWrap(True)
        texts = QVBoxLayout()
        texts.setSpacing(12)
        layout: QBoxLayout
        if wide or row:  # a single tile, or one of many: icon, words and arrow in one row
            texts.addStretch(1)
            texts.addWidget(self.title)
            texts.addWidget(self.subtitle)
            texts.addStretch(1)
            layout = QHBoxLayout(self)
            layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
            layout.addLayout(texts, 1)
            layout.addWidget(self.arrow, 0, Qt.AlignmentFlag.AlignVCenter)
            # one of many: the words need the arrow's room (the whole tile is the button)
            self.arrow.setVisible(not row)
        else:  # side by side: icon and arrow on top, the words below
            top = QHBoxLayout()
            top.addWidget(self.icon)
            top.addStretch(1)
            top.addWidget(self.arrow, 0, Qt.AlignmentFlag.AlignTop)
            layout = QVBoxLayout(self)
            layout.addLayout(top)
            texts.addWidget(self.title)
            texts.addWidget(self.subtitle)
            layout.addLayout(texts)
            layout.addStretch(1)
        self._layout = layout
        theme.changed.connect(self._resize_for_screen)
        self._resize_for_screen()
        self.retranslate()

    def _resize_for_screen(self) -> None:
        px = self._theme.tokens.px
        box = px(88 if self._row else 112 if self._compact else 148)
        self.icon.setFixedSize(box, box)
        arrow = px(72 if self._compact else 88)
        self.arrow.setFixedSize(arrow, arrow)
        if self._row:
            self._layout.setContentsMargins(px(28), px(24), px(28), px(24))
            self._layout.setSpacing(px(24))
        elif self._wide:
            self._layout.setContentsMargins(px(48), px(44), px(48), px(44))
            self._layout.setSpacing(px(44))
        else:
            margin = px(36 if self._compact else 40)
            self._layout.setContentsMargins(margin, margin, margin, margin)
            self._layout.setSpacing(px(24 if self._compact else 28))

    def set_short(self, short: bool) -> None:
        """On a short panel a tile of many keeps its title only (the subtitle is its
        accessible description still)."""
        self.subtitle.setVisible(not (self._row and short))

    def _set_pressed(self, pressed: bool) -> None:
        self.setProperty("pressed", pressed)
        self.style().unpolish(self)
        self.style().polish(self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._set_pressed(True)  # feedback at once, the action on release

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        was_pressed = bool(self.property("pressed"))
        self._set_pressed(False)
        if was_pressed and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
        else:
            super().keyPressEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.capability.title())
        self.subtitle.setText(self.capability.subtitle())
        self.setAccessibleName(f"{self.title.text()}. {self.subtitle.text()}")
