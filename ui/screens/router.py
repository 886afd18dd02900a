"""Moves between screens in a QStackedWidget and keeps the history for "Retour".

Screens are registered as factories and built on first visit, so starting the kiosk only
builds the attract screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStackedWidget

from ui.screens.base import Screen

log = logging.getLogger(__name__)

ScreenFactory = Callable[[], Screen]


class Router(QObject):
    leaving = Signal()  # the current screen is about to be replaced
    current_changed = Signal(str)

    def __init__(
        self, stack: QStackedWidget, root: str = "attract", parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._stack = stack
        self._root = root
        self._factories: dict[str, ScreenFactory] = {}
        self._screens: dict[str, Screen] = {}
        self._history: list[str] = []
        self._current: str | None = None

    def register(self, key: str, factory: ScreenFactory) -> None:
        if key in self._factories:
            raise ValueError(f"screen {key!r} is already registered")
        self._factories[key] = factory

    def has(self, key: str) -> bool:
        return key in self._factories

    def screen(self, key: str) -> Screen:
        """The screen for ``key``, built on first use."""
        screen = self._screens.get(key)
        if screen is None:
            screen = self._factories[key]()
            self._screens[key] = screen
            self._stack.addWidget(screen)
        return screen

    def built_screens(self) -> list[Screen]:
        return list(self._screens.values())

    @property
    def current_key(self) -> str | None:
        return self._current

    @property
    def current(self) -> Screen | None:
        return self._screens.get(self._current) if self._current else None

    def can_go_back(self) -> bool:
        return bool(self._history)

    def go(self, key: str, *, remember: bool = True) -> None:
        """Show ``key``; ``remember=False`` leaves the current screen out of the history."""
        if key == self._current:
            return
        if remember and self._current is not None and self._current != self._root:
            self._history.append(self._current)
        self._show(key)

    def back(self) -> None:
        self._show(self._history.pop() if self._history else self._root)

    def back_past(self, keys: set[str]) -> None:
        """Back to the last screen in the history that is not one of ``keys`` (or the root)."""
        while self._history and self._history[-1] in keys:
            self._history.pop()
        self.back()

    def home(self, key: str = "home") -> None:
        self._history.clear()
        self._show(key)

    def reset(self) -> None:
        """History cleared, every built screen reset, back to the root screen."""
        self._history.clear()
        for screen in self._screens.values():
            screen.reset()
        self._show(self._root)

    def _show(self, key: str) -> None:
        screen = self.screen(key)
        if self._current is not None and self._current != key:
            self.leaving.emit()
        self._current = key
        self._stack.setCurrentWidget(screen)
        log.debug("screen %s", key)
        screen.shown()
        self.current_changed.emit(key)
