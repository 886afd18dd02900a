"""What the verdict screen says for each check-in outcome: tone, title, details, next step.

The domain (:mod:`kiosk.checkin.service`) decides with stable outcome codes; this module turns a
:class:`~kiosk.checkin.service.CheckinResult` into a :class:`VerdictView` in the session's language.
The public screen shows the scanned person's *first name* and nothing of anybody else. The
sentences avoid gendered adjectives ("votre arrivée est enregistrée", not "vous êtes
inscrit·e"), and each tells the person what to do next.

The tone follows :attr:`CheckinOutcome.verdict`, with one exception: "not registered" when a
seat can be offered is an *offer*, so it shows amber (a question) rather than red (a stop).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from kiosk.domain import Verdict
from ui.checkin.verdict_wordings import About, wording
from ui.formatting import clock_time, day_and_month, same_day

if TYPE_CHECKING:
    from kiosk.checkin.service import CheckinResult, EventInfo


class Tone(enum.StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    PENDING = "pending"  # the answer takes longer than the paint budget: "Vérification…"


_TONES = {Verdict.GREEN: Tone.GREEN, Verdict.AMBER: Tone.AMBER, Verdict.RED: Tone.RED}


@dataclass(frozen=True)
class VerdictView:
    tone: Tone
    title: str
    details: tuple[str, ...] = ()  # the event and where/when, one line each
    action: str = ""  # what to do now
    offer_walk_in: bool = False  # show "M'inscrire" / "Non merci"
    public_title: str = ""  # the title without the first name: what a loudspeaker may say


translate = QCoreApplication.translate  # lupdate reads translate("Verdict", "...") calls


def when_and_where(event: EventInfo, now: datetime) -> str:
    """'Smart Room · 14:00 – 15:00' today, 'Smart Lab · jeudi 26 novembre, 10:00' otherwise."""
    if same_day(event.starts_at, now):
        moment = f"{clock_time(event.starts_at)} – {clock_time(event.ends_at)}"
    else:
        moment = translate("Verdict", "{day}, {time}").format(
            day=day_and_month(event.starts_at), time=clock_time(event.starts_at)
        )
    return f"{event.place} · {moment}"


def pending() -> VerdictView:
    return VerdictView(
        Tone.PENDING,
        translate("Verdict", "Vérification…"),
        action=translate("Verdict", "Un instant, s’il vous plaît."),
    )


def _details(about: About, result: CheckinResult, now: datetime) -> tuple[str, ...]:
    if about is About.EVENT and result.event is not None:
        return (result.event.title, when_and_where(result.event, now))
    if about is About.REGISTERED and result.registered_event is not None:
        there = result.registered_event
        return (there.title, when_and_where(there, now))
    if about is About.NEXT and result.registered_event is not None:
        nxt = result.registered_event
        title = translate("Verdict", "Votre prochain rendez-vous\u202f: {title}")
        return (title.format(title=nxt.title), when_and_where(nxt, now))
    return ()


def describe(result: CheckinResult, now: datetime) -> VerdictView:
    """The verdict of ``result`` as the public screen shows it at ``now``."""
    words = wording(result, now)
    title = translate("Verdict", words.title)
    if words.named_title and result.first_name:
        title = translate("Verdict", words.named_title).format(name=result.first_name)
    return VerdictView(
        _TONES[words.verdict or result.verdict],
        title,
        _details(words.about, result, now),
        translate("Verdict", words.action).format(**words.values(result, now)),
        offer_walk_in=words.offer_walk_in,
        public_title=translate("Verdict", words.title),
    )


def confirm_walk_in(result: CheckinResult, now: datetime) -> VerdictView:
    """The second of the two taps: say exactly what "Confirmer" will do."""
    event = result.event
    about = (event.title, when_and_where(event, now)) if event is not None else ()
    return VerdictView(
        Tone.AMBER,
        translate("Verdict", "Confirmer votre inscription"),
        about,
        translate("Verdict", "Votre place sera réservée et votre arrivée enregistrée."),
        offer_walk_in=True,
    )


def failure() -> VerdictView:
    """The check-in could not be recorded (database down): nothing was admitted."""
    return VerdictView(
        Tone.RED,
        translate("Verdict", "Enregistrement impossible"),
        (),
        translate(
            "Verdict", "Un problème technique empêche l’enregistrement. Adressez-vous à l’équipe."
        ),
    )
