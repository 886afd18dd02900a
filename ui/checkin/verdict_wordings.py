"""The verdict screen's words for each check-in outcome, as a table (:data:`WORDINGS`).

An outcome has one wording or several, tried in order: the first whose condition holds is used
(the last of each holds always). Texts are source strings marked for lupdate and translated
when shown (:func:`ui.checkin.verdicts.describe`), so a language switch takes effect at once.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication

from kiosk.domain import CheckinOutcome, Verdict
from ui.formatting import clock_time, day_and_month, same_day

if TYPE_CHECKING:  # the check-in domain loads on the desk's worker, not with the screens
    from kiosk.checkin.service import CheckinResult

translate = QCoreApplication.translate  # lupdate reads translate("Verdict", "...") calls


def QT_TRANSLATE_NOOP(_context: str, source: str) -> str:
    """Marks a table's text for lupdate, which knows this name; translated when shown.

    PySide6 has one too, typed as returning ``object``.
    """
    return source


class About(enum.Enum):
    """Which event the details lines describe."""

    EVENT = enum.auto()  # the event scanned at (none: no lines)
    NOTHING = enum.auto()
    REGISTERED = enum.auto()  # where the person is expected instead
    NEXT = enum.auto()  # the person's next registration, announced as such


type Condition = Callable[[CheckinResult, datetime], bool]
type Values = Callable[[CheckinResult, datetime], dict[str, str]]


def _always(_result: CheckinResult, _now: datetime) -> bool:
    return True


def _no_values(_result: CheckinResult, _now: datetime) -> dict[str, str]:
    return {}


@dataclass(frozen=True)
class Wording:
    """One way of wording an outcome. Texts are source strings, translated when shown."""

    title: str
    action: str  # a template filled with ``values``
    named_title: str = ""  # the title with {name}, used when the first name is known
    about: About = About.EVENT
    verdict: Verdict | None = None  # None: the outcome's own verdict colour
    offer_walk_in: bool = False
    when: Condition = _always  # the first wording of an outcome whose condition holds is used
    values: Values = _no_values


def _has_event(result: CheckinResult, _now: datetime) -> bool:
    return result.event is not None


def _has_registered_event(result: CheckinResult, _now: datetime) -> bool:
    return result.registered_event is not None


def _first_time_and_kiosk(result: CheckinResult, _now: datetime) -> bool:
    return result.first_checkin_at is not None and bool(result.first_checkin_kiosk)


def _first_time(result: CheckinResult, _now: datetime) -> bool:
    return result.first_checkin_at is not None


def _first_values(result: CheckinResult, _now: datetime) -> dict[str, str]:
    assert result.first_checkin_at is not None
    return {"time": clock_time(result.first_checkin_at), "kiosk": result.first_checkin_kiosk or ""}


def _walk_in_offered(result: CheckinResult, _now: datetime) -> bool:
    return result.walk_in_possible


def _seats_left(result: CheckinResult, _now: datetime) -> dict[str, str]:
    seats = result.seats_left
    if seats is None:
        left = translate("Verdict", "Il reste des places.")
    elif seats == 1:
        left = translate("Verdict", "Il reste 1 place.")
    else:
        left = translate("Verdict", "Il reste {n} places.").format(n=seats)
    return {"left": left}


def _opens_later_today(result: CheckinResult, now: datetime) -> bool:
    event = result.event
    return (
        event is not None and now < event.checkin_opens_at and same_day(event.checkin_opens_at, now)
    )


def _opens_another_day(result: CheckinResult, now: datetime) -> bool:
    event = result.event
    return event is not None and now < event.checkin_opens_at


def _opening(result: CheckinResult, _now: datetime) -> dict[str, str]:
    assert result.event is not None
    opens = result.event.checkin_opens_at
    return {"day": day_and_month(opens), "time": clock_time(opens)}


def _expected_today(result: CheckinResult, now: datetime) -> bool:
    there = result.registered_event
    return there is not None and same_day(there.starts_at, now)


def _expected_place(result: CheckinResult, _now: datetime) -> dict[str, str]:
    there = result.registered_event
    assert there is not None
    return {
        "place": there.place,
        "day": day_and_month(there.starts_at),
        "time": clock_time(there.starts_at),
    }


def _position(result: CheckinResult) -> str:
    position = result.waiting_position or 1
    if position == 1:
        return translate("Verdict", "Vous êtes sur la liste d’attente, en 1ʳᵉ position.")
    return translate("Verdict", "Vous êtes sur la liste d’attente, en {n}ᵉ position.").format(
        n=position
    )


def _waiting_values(result: CheckinResult, now: datetime) -> dict[str, str]:
    event = result.event
    starts = clock_time(event.starts_at) if event is not None else ""
    return {"position": _position(result), "time": starts, **_seats_left(result, now)}


def _places_free(result: CheckinResult, _now: datetime) -> bool:
    seats = result.seats_left
    return result.event is not None and seats is not None and seats > 0


def _not_started(result: CheckinResult, now: datetime) -> bool:
    return result.event is not None and now < result.event.starts_at


_SEE_THE_TEAM = QT_TRANSLATE_NOOP("Verdict", "Adressez-vous à l’équipe d’accueil.")
_ALREADY = QT_TRANSLATE_NOOP("Verdict", "C’est déjà noté")
_ALREADY_NAMED = QT_TRANSLATE_NOOP("Verdict", "{name}, c’est déjà noté")
_ELSEWHERE = QT_TRANSLATE_NOOP("Verdict", "Votre inscription est pour un autre événement")
_ELSEWHERE_NAMED = QT_TRANSLATE_NOOP(
    "Verdict", "{name}, votre inscription est pour un autre événement"
)
_NOT_YET_OPEN = QT_TRANSLATE_NOOP("Verdict", "L’accueil n’est pas encore ouvert")
_WAITING = QT_TRANSLATE_NOOP("Verdict", "Vous êtes sur la liste d’attente")
_WAITING_NAMED = QT_TRANSLATE_NOOP("Verdict", "{name}, vous êtes sur la liste d’attente")

# Outcome -> its wordings, the first whose condition holds; the last of each holds always.
WORDINGS: Final[dict[CheckinOutcome, tuple[Wording, ...]]] = {
    CheckinOutcome.OK: (
        Wording(
            QT_TRANSLATE_NOOP("Verdict", "Bienvenue\u202f!"),
            QT_TRANSLATE_NOOP("Verdict", "Votre arrivée est enregistrée. Bonne séance\u202f!"),
            named_title=QT_TRANSLATE_NOOP("Verdict", "Bienvenue, {name}\u202f!"),
        ),
    ),
    CheckinOutcome.VISIT_RECORDED: (
        Wording(
            QT_TRANSLATE_NOOP("Verdict", "Bonjour\u202f!"),
            QT_TRANSLATE_NOOP(
                "Verdict", "Votre passage au Smart Corner est enregistré. Bonne visite\u202f!"
            ),
            named_title=QT_TRANSLATE_NOOP("Verdict", "Bonjour, {name}\u202f!"),
            about=About.NEXT,
        ),
    ),
    CheckinOutcome.ALREADY_CHECKED_IN: (
        Wording(
            _ALREADY,
            QT_TRANSLATE_NOOP(
                "Verdict", "Arrivée déjà enregistrée à {time} ({kiosk}). Vous pouvez entrer."
            ),
            named_title=_ALREADY_NAMED,
            when=_first_time_and_kiosk,
            values=_first_values,
        ),
        Wording(
            _ALREADY,
            QT_TRANSLATE_NOOP("Verdict", "Arrivée déjà enregistrée à {time}. Vous pouvez entrer."),
            named_title=_ALREADY_NAMED,
            when=_first_time,
            values=_first_values,
        ),
        Wording(
            _ALREADY,
            QT_TRANSLATE_NOOP("Verdict", "Votre arrivée est déjà enregistrée. Vous pouvez entrer."),
            named_title=_ALREADY_NAMED,
        ),
    ),
    CheckinOutcome.NOT_REGISTERED: (
        Wording(
            QT_TRANSLATE_NOOP("Verdict", "Une place pour vous\u202f?"),
            QT_TRANSLATE_NOOP(
                "Verdict",
                "Pas d’inscription à votre nom pour cette séance. {left} "
                "Voulez-vous vous inscrire maintenant\u202f?",
            ),
            named_title=QT_TRANSLATE_NOOP("Verdict", "{name}, une place pour vous\u202f?"),
            verdict=Verdict.AMBER,  # an offer is a question, not a stop
            offer_walk_in=True,
            when=lambda result, now: _has_event(result, now) and _walk_in_offered(result, now),
            values=_seats_left,
        ),
        Wording(
            QT_TRANSLATE_NOOP("Verdict", "Pas d’inscription pour cette séance"),
            _SEE_THE_TEAM,
            when=_has_event,
        ),
        Wording(
            QT_TRANSLATE_NOOP("Verdict", "Aucun événement en cours ici"),
            QT_TRANSLATE_NOOP(
                "Verdict",
                "Consultez le programme sur l’écran d’accueil ou adressez-vous à l’équipe.",
            ),
            about=About.NOTHING,
        ),
    ),
    CheckinOutcome.EVENT_FULL: (
        Wording(
            QT_TRANSLATE_NOOP("Verdict", "Séance complète"),
            QT_TRANSLATE_NOOP(
                "Verdict", "Toutes les places sont prises. L’équipe d’accueil peut vous aider."
            ),
        ),
    ),
    CheckinOutcome.OUTSIDE_WINDOW: (
        Wording(
            _NOT_YET_OPEN,
            QT_TRANSLATE_NOOP("Verdict", "Revenez à partir de {time}."),
            when=_opens_later_today,
            values=_opening,
        ),
        Wording(
            _NOT_YET_OPEN,
            QT_TRANSLATE_NOOP("Verdict", "Revenez le {day} à partir de {time}."),
            when=_opens_another_day,
            values=_opening,
        ),
        Wording(
            QT_TRANSLATE_NOOP("Verdict", "L’accueil de cette séance est terminé"), _SEE_THE_TEAM
        ),
    ),
    CheckinOutcome.WRONG_EVENT: (
        Wording(
            _ELSEWHERE,
            QT_TRANSLATE_NOOP("Verdict", "Rendez-vous au {place} à {time}."),
            named_title=_ELSEWHERE_NAMED,
            about=About.REGISTERED,
            when=_expected_today,
            values=_expected_place,
        ),
        Wording(
            _ELSEWHERE,
            QT_TRANSLATE_NOOP("Verdict", "Rendez-vous au {place} le {day} à {time}."),
            named_title=_ELSEWHERE_NAMED,
            about=About.REGISTERED,
            when=_has_registered_event,
            values=_expected_place,
        ),
        Wording(  # a ticket for an event the kiosk cannot describe
            QT_TRANSLATE_NOOP("Verdict", "Inscription à un autre événement"),
            _SEE_THE_TEAM,
            about=About.NOTHING,
        ),
    ),
    CheckinOutcome.WAITING_LIST: (
        Wording(  # a place is free and nobody waits ahead of them for it: theirs to take
            QT_TRANSLATE_NOOP("Verdict", "Une place s’est libérée pour vous"),
            QT_TRANSLATE_NOOP(
                "Verdict",
                "{position} Une place est libre et c’est votre tour. "
                "Voulez-vous la prendre maintenant\u202f?",
            ),
            named_title=QT_TRANSLATE_NOOP("Verdict", "{name}, une place s’est libérée pour vous"),
            offer_walk_in=True,
            when=_walk_in_offered,
            values=_waiting_values,
        ),
        Wording(  # free places, owed to those who joined the list earlier
            _WAITING,
            QT_TRANSLATE_NOOP(
                "Verdict",
                "{position} {left} Les places libres reviennent d’abord aux personnes inscrites "
                "avant vous sur la liste. Adressez-vous à l’équipe d’accueil.",
            ),
            named_title=_WAITING_NAMED,
            when=_places_free,
            values=_waiting_values,
        ),
        Wording(
            _WAITING,
            QT_TRANSLATE_NOOP(
                "Verdict",
                "{position} Aucune place libre pour l’instant. Si une place se libère avant "
                "{time}, elle vous sera donnée dans l’ordre de la liste\u202f: "
                "repassez alors votre badge.",
            ),
            named_title=_WAITING_NAMED,
            when=_not_started,
            values=_waiting_values,
        ),
        Wording(
            _WAITING,
            QT_TRANSLATE_NOOP(
                "Verdict",
                "{position} Toutes les places sont prises. Adressez-vous à l’équipe d’accueil.",
            ),
            named_title=_WAITING_NAMED,
            values=_waiting_values,
        ),
    ),
    CheckinOutcome.UNKNOWN_BADGE: (
        Wording(
            QT_TRANSLATE_NOOP("Verdict", "Badge non reconnu"),
            QT_TRANSLATE_NOOP(
                "Verdict", "L’équipe d’accueil peut l’associer à votre nom en quelques secondes."
            ),
            about=About.NOTHING,
        ),
    ),
    CheckinOutcome.INVALID_CODE: (
        Wording(
            QT_TRANSLATE_NOOP("Verdict", "Code non reconnu"),
            QT_TRANSLATE_NOOP(
                "Verdict", "Ce code n’est pas un billet du Smart Corner, ou il est abîmé."
            ),
            about=About.NOTHING,
        ),
    ),
    CheckinOutcome.FORGED_CODE: (
        Wording(
            QT_TRANSLATE_NOOP("Verdict", "Billet non valide"),
            QT_TRANSLATE_NOOP(
                "Verdict",
                "Ce billet n’a pas été émis par le Smart Corner. Adressez-vous à l’équipe.",
            ),
            about=About.NOTHING,
        ),
    ),
    CheckinOutcome.EXPIRED_CODE: (
        Wording(
            QT_TRANSLATE_NOOP("Verdict", "Billet expiré"),
            QT_TRANSLATE_NOOP(
                "Verdict", "Ce billet n’est plus valable. Adressez-vous à l’équipe d’accueil."
            ),
        ),
    ),
    CheckinOutcome.REVOKED_CODE: (
        Wording(
            QT_TRANSLATE_NOOP("Verdict", "Billet annulé"),
            QT_TRANSLATE_NOOP(
                "Verdict", "Ce billet a été annulé. Adressez-vous à l’équipe d’accueil."
            ),
        ),
    ),
}


def wording(result: CheckinResult, now: datetime) -> Wording:
    """The row of :data:`WORDINGS` that words ``result``."""
    wordings = WORDINGS.get(result.outcome)
    if wordings is None:  # a new outcome needs its words in the table
        raise ValueError(f"no verdict text for {result.outcome!r}")
    return next(w for w in wordings if w.when(result, now))
