"""Runtime FR/EN switch: French is the source language, English comes from a Qt .qm file.

Installing or removing the translator makes Qt send ``QEvent.LanguageChange`` to every widget;
each screen answers it with its ``retranslate()``.

After changing UI strings, refresh the catalogue, translate in Qt Linguist, then compile::

    pyside6-lupdate $(find ui -name '*.py' | sort) -locations relative -no-obsolete \
        -ts assets/translations/smartcorner_en.ts
    pyside6-linguist assets/translations/smartcorner_en.ts
    pyside6-lrelease assets/translations/smartcorner_en.ts -qm assets/translations/smartcorner_en.qm

tests/ui/test_translations.py fails while a string is untranslated or the .qm is stale.
French typography (’, a narrow no-break space before : ; ! ? and inside « ») is checked on every
source text by tests/ui/test_typography.py; ``tools/typography.py`` puts it in, keeping the
English translations attached.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator

from kiosk.settings import Language
from ui import resources
from ui.formatting import qlocale

log = logging.getLogger(__name__)


class LanguageSwitcher(QObject):
    def __init__(self, app: QCoreApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._translator: QTranslator | None = None
        self._lang = Language.FR

    @property
    def lang(self) -> Language:
        return self._lang

    def apply(self, lang: Language) -> None:
        QLocale.setDefault(qlocale(lang))
        if lang is self._lang and (lang is Language.FR or self._translator is not None):
            return
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator = None
        if lang is not Language.FR:
            translator = QTranslator(self)
            with resources.translation_file(lang.value) as path:
                if not translator.load(str(path)):
                    log.error("no translations for %s at %s: staying in French", lang, path)
                    lang = Language.FR
                else:
                    self._app.installTranslator(translator)
                    self._translator = translator
        self._lang = lang

    def uninstall(self) -> None:
        """Back to the French source texts, translator removed from the application."""
        self.apply(Language.FR)
