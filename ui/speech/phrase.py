"""What a screen says, and the hook by which it says that its words changed.

Kept apart from the speaker so that any widget may describe itself without knowing about the
engine: it returns :class:`Phrase` objects from a ``spoken()`` method and calls
:func:`announce` when what it shows changes while it stays on screen (a verdict replacing
« Vérification… », a ticket number arriving from the worker).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

# Posted to a widget whose spoken() changed; the narrator's application filter sees it.
SPOKEN_CHANGED = QEvent.Type(QEvent.registerEventType())


@dataclass(frozen=True)
class Phrase:
    """One sentence; ``personal`` is the same sentence with personal data (a name, items),
    said only into a headset: a loudspeaker would tell the whole room."""

    text: str
    personal: str = ""

    def for_output(self, headset: bool) -> str:
        return self.personal if headset and self.personal else self.text


@runtime_checkable
class Spoken(Protocol):
    def spoken(self) -> Sequence[Phrase]: ...


def announce(widget: QObject) -> None:
    """``widget``'s spoken() changed while it is shown: have it said again (queued, GUI thread)."""
    QCoreApplication.postEvent(widget, QEvent(SPOKEN_CHANGED))


class Announcement(QEvent):
    """A passing phrase about what just happened (a digit typed, a card ticked) rather than
    what the widget shows: said at once, then the screen is what it was."""

    TYPE = QEvent.Type(QEvent.registerEventType())

    def __init__(self, said: Sequence[Phrase]) -> None:
        super().__init__(self.TYPE)
        self.said = list(said)


def say_now(widget: QObject, *said: Phrase) -> None:
    """Have ``said`` spoken now about ``widget`` (nothing when speech is off). Sent, not
    posted: the words follow the key that caused them, before the next key is read."""
    QCoreApplication.sendEvent(widget, Announcement(said))


# Text fields and lists are known by their Qt class names (QObject.inherits): this is imported
# before the first paint, and PySide6 makes a class with all its enums on its first use (no
# field nor list is on the attract screen: QLineEdit, QAbstractItemView and QAbstractScrollArea).
LINE_EDIT: Final = "QLineEdit"
ITEM_VIEW: Final = "QAbstractItemView"


def phrases(*texts: str) -> list[Phrase]:
    """Plain phrases from the non-empty ``texts`` (what most screens say)."""
    return [Phrase(t) for t in texts if t and t.strip()]


def label_text(widget: QWidget) -> str:
    """What a focused widget is called: its accessible name, else its own or its labels' text."""
    name = widget.accessibleName()
    if name:
        return name
    if isinstance(widget, QAbstractButton) and widget.text().strip():
        return widget.text().strip()
    if widget.inherits(LINE_EDIT):
        return str(widget.property("placeholderText"))
    texts = [
        label.text()
        for label in widget.findChildren(QLabel)
        if label.isVisibleTo(widget) and label.text().strip() and "<" not in label.text()
    ]
    return ". ".join(t.strip() for t in texts)
