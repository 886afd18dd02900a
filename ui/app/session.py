"""What one visitor changed on the kiosk (language, accessibility); the idle reset wipes it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kiosk.settings import Language


class KioskSession(QObject):
    language_changed = Signal(object)  # Language
    accessible_changed = Signal(bool)

    def __init__(self, default_lang: Language, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._default_lang = default_lang
        self._lang = default_lang
        self._accessible = False

    @property
    def lang(self) -> Language:
        return self._lang

    @property
    def accessible(self) -> bool:
        return self._accessible

    def set_language(self, lang: Language) -> None:
        if lang != self._lang:
            self._lang = lang
            self.language_changed.emit(lang)

    def toggle_language(self) -> None:
        self.set_language(Language.EN if self._lang is Language.FR else Language.FR)

    def set_accessible(self, on: bool) -> None:
        if on != self._accessible:
            self._accessible = on
            self.accessible_changed.emit(on)

    def reset(self) -> None:
        """Back to the kiosk's defaults, for the next visitor."""
        self.set_language(self._default_lang)
        self.set_accessible(False)
