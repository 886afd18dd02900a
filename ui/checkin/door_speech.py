"""What the door screen says on the speech path (staff who cannot see the screen).

Staff may see the names of the people filing past, but the door is a public place: a name is
said only into a headset (:class:`~ui.speech.phrase.Phrase`), a loudspeaker says the verdict.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from kiosk.checkin.service import CheckinResult
from ui.checkin.door_panels import outcome_label
from ui.speech.phrase import Phrase, phrases

if TYPE_CHECKING:
    from ui.checkin.door_board import DoorBoard
    from ui.checkin.door_panels import EventPicker

translate = QCoreApplication.translate


def picker_phrases(picker: EventPicker) -> list[Phrase]:
    count = len(picker.buttons)
    if not count:
        return phrases(picker.title.text(), picker.empty.text())
    return phrases(
        picker.title.text(),
        translate("Door", "1 événement.")
        if count == 1
        else translate("Door", "{n} événements.").format(n=count),
        translate("Door", "Flèches pour les parcourir, Entrée pour choisir."),
    )


def board_phrases(board: DoorBoard) -> list[Phrase]:
    """The event, its counters, then what may be done."""
    return phrases(
        board.event_title.text(),
        board.event_when.text(),
        counters_text(board),
        board.message.text(),
        translate(
            "Door",
            "Passez les badges et les billets. Tab pour les derniers passages et les actions.",
        ),
    )


def counters_text(board: DoorBoard) -> str:
    present, registered = board.present.number.text(), board.registered.number.text()
    capacity = board.capacity.number.text()
    if capacity.isdigit():
        said = translate("Door", "{present} présents, {registered} inscrits, {capacity} places.")
        return said.format(present=present, registered=registered, capacity=capacity)
    return translate("Door", "{present} présents, {registered} inscrits.").format(
        present=present, registered=registered
    )


def result_phrase(result: CheckinResult, detail: str) -> Phrase:
    """A verdict as staff hear it: the outcome aloud, the first name only into a headset."""
    label = outcome_label(result.outcome)
    spoken = ". ".join(t for t in (label, detail if detail != label else "") if t)
    name = result.first_name or ""
    return Phrase(spoken, f"{name}. {spoken}" if name else "")
