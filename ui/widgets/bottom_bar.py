"""The persistent bar low on the screen: Accueil, Retour, FR/EN, accessibility."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from kiosk.settings import Language
from ui.theme import ThemeController
from ui.widgets.buttons import TouchButton


class BottomBar(QFrame):
    home_clicked = Signal()
    back_clicked = Signal()
    language_clicked = Signal()
    accessible_toggled = Signal(bool)

    def __init__(self, theme: ThemeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self.setObjectName("bottomBar")
        self._lang = Language.FR
        self.home = TouchButton(theme, "home", role="bar")
        self.back = TouchButton(theme, "arrow-left", role="bar")
        self.language = TouchButton(theme, "language", role="bar")
        self.accessible = TouchButton(theme, "accessible", role="bar")
        self.accessible.setCheckable(True)
        policy = self.back.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.back.setSizePolicy(policy)
        self.home.setObjectName("barHome")
        self.back.setObjectName("barBack")
        self.language.setObjectName("barLanguage")
        self.accessible.setObjectName("barAccessible")

        row = self._row = QHBoxLayout(self)
        row.addWidget(self.home)
        row.addWidget(self.back)
        row.addStretch(1)
        row.addWidget(self.language)
        row.addWidget(self.accessible)

        self.home.clicked.connect(self.home_clicked)
        self.back.clicked.connect(self.back_clicked)
        self.language.clicked.connect(self.language_clicked)
        self.accessible.toggled.connect(self.accessible_toggled)
        theme.changed.connect(self._resize_for_screen)
        self._resize_for_screen()
        self.retranslate()

    def _resize_for_screen(self) -> None:
        """Margins and gaps at the screen's scale, narrower when the buttons need the room:
        a portrait totem in accessible French with Retour and the sync chip lacked 20 px and
        squeezed « Accessibilité » under its words."""
        px = self._theme.tokens.px
        side, gap = px(40), px(20)
        shown = [w for w in self.findChildren(QWidget) if w.parent() is self and w.isVisible()]
        least = sum(w.minimumSizeHint().width() for w in shown)
        if self.width() > 0 and least + 2 * side + gap * (len(shown) - 1) > self.width():
            side, gap = px(16), px(12)
        self._row.setContentsMargins(side, px(16), side, px(16))
        self._row.setSpacing(gap)
        self._keep_back_place()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._resize_for_screen()

    def _keep_back_place(self) -> None:
        """A hidden Retour keeps its place where the bar has room for it, so that nothing
        moves between screens; on a narrow bar (a portrait totem with a status chip) that
        empty place would squeeze the other buttons off the screen."""
        row = self._row
        margins = row.contentsMargins()
        needed = margins.left() + margins.right() + self.back.sizeHint().width()
        shown = [w for w in self.findChildren(QWidget) if w.parent() is self and not w.isHidden()]
        for widget in shown:
            if widget is not self.back:
                needed += widget.sizeHint().width() + row.spacing()
        policy = self.back.sizePolicy()
        keep = needed <= self.width()
        if policy.retainSizeWhenHidden() != keep:
            policy.setRetainSizeWhenHidden(keep)
            self.back.setSizePolicy(policy)

    def add_status(self, widget: QWidget) -> None:
        """A small status shown between the navigation and the language (e.g. the sync's)."""
        self._row.insertWidget(self._row.indexOf(self.language), widget)

    def set_language(self, lang: Language) -> None:
        self._lang = lang
        self.retranslate()

    def set_accessible(self, on: bool) -> None:
        if self.accessible.isChecked() != on:
            self.accessible.blockSignals(True)
            self.accessible.setChecked(on)
            self.accessible.blockSignals(False)

    def set_back_enabled(self, enabled: bool) -> None:
        # Hidden rather than greyed out (no dead buttons), keeping its place so nothing moves.
        self.back.setVisible(enabled)
        self._resize_for_screen()

    def retranslate(self) -> None:
        self.home.setText(self.tr("Accueil"))
        self.back.setText(self.tr("Retour"))
        # The button names the language it switches to, in that language.
        self.language.setText("English" if self._lang is Language.FR else "Français")
        self.accessible.setText(self.tr("Accessibilité"))
        # Other words, other widths: the room is weighed again (it was at the last resize only).
        self._resize_for_screen()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
