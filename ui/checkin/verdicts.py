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

from kiosk.domain import CheckinOutcome, Verdict
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


translate = QCoreApplication.translate  # lupdate reads translate("Verdict", "...") calls


def _named(template_with: str, template_without: str, first_name: str | None) -> str:
    """The translated sentence with the first name, or its variant without one."""
    return template_with.format(name=first_name) if first_name else template_without


def when_and_where(event: EventInfo, now: datetime) -> str:
    """'Smart Room · 14:00 – 15:00' today, 'Smart Lab · jeudi 26 novembre, 10:00' otherwise."""
    if same_day(event.starts_at, now):
        moment = f"{clock_time(event.starts_at)} – {clock_time(event.ends_at)}"
    else:
        moment = translate("Verdict", "{day}, {time}").format(
            day=day_and_month(event.starts_at), time=clock_time(event.starts_at)
        )
    return f"{event.place} · {moment}"


def _go_there(event: EventInfo, now: datetime) -> str:
    if same_day(event.starts_at, now):
        return translate("Verdict", "Rendez-vous au {place} à {time}.").format(
            place=event.place, time=clock_time(event.starts_at)
        )
    return translate("Verdict", "Rendez-vous au {place} le {day} à {time}.").format(
        place=event.place, day=day_and_month(event.starts_at), time=clock_time(event.starts_at)
    )


def pending() -> VerdictView:
    return VerdictView(
        Tone.PENDING,
        translate("Verdict", "Vérification…"),
        action=translate("Verdict", "Un instant, s'il vous plaît."),
    )


def describe(result: CheckinResult, now: datetime) -> VerdictView:
    """The verdict of ``result`` as the public screen shows it at ``now``."""
    outcome, name, event = result.outcome, result.first_name, result.event
    tone = _TONES[result.verdict]
    about = (event.title, when_and_where(event, now)) if event is not None else ()

    if outcome is CheckinOutcome.OK:
        return VerdictView(
            tone,
            _named(
                translate("Verdict", "Bienvenue, {name} !"),
                translate("Verdict", "Bienvenue !"),
                name,
            ),
            about,
            translate("Verdict", "Votre arrivée est enregistrée. Bonne séance !"),
        )
    if outcome is CheckinOutcome.VISIT_RECORDED:
        nxt = result.registered_event
        details = (
            (
                translate("Verdict", "Votre prochain rendez-vous : {title}").format(
                    title=nxt.title
                ),
                when_and_where(nxt, now),
            )
            if nxt is not None
            else ()
        )
        return VerdictView(
            tone,
            _named(
                translate("Verdict", "Bonjour, {name} !"), translate("Verdict", "Bonjour !"), name
            ),
            details,
            translate("Verdict", "Votre passage au Smart Corner est enregistré. Bonne visite !"),
        )
    if outcome is CheckinOutcome.ALREADY_CHECKED_IN:
        first = result.first_checkin_at
        if first is not None and result.first_checkin_kiosk:
            action = translate(
                "Verdict", "Arrivée déjà enregistrée à {time} ({kiosk}). Vous pouvez entrer."
            ).format(time=clock_time(first), kiosk=result.first_checkin_kiosk)
        elif first is not None:
            action = translate(
                "Verdict", "Arrivée déjà enregistrée à {time}. Vous pouvez entrer."
            ).format(time=clock_time(first))
        else:
            action = translate("Verdict", "Votre arrivée est déjà enregistrée. Vous pouvez entrer.")
        title = _named(
            translate("Verdict", "{name}, c'est déjà noté"),
            translate("Verdict", "C'est déjà noté"),
            name,
        )
        return VerdictView(tone, title, about, action)
    if outcome is CheckinOutcome.NOT_REGISTERED:
        if event is None:
            return VerdictView(
                tone,
                translate("Verdict", "Aucun événement en cours ici"),
                (),
                translate(
                    "Verdict",
                    "Consultez le programme sur l'écran d'accueil ou adressez-vous à l'équipe.",
                ),
            )
        if result.walk_in_possible:
            seats = result.seats_left
            if seats is None:
                left = translate("Verdict", "Il reste des places.")
            elif seats == 1:
                left = translate("Verdict", "Il reste 1 place.")
            else:
                left = translate("Verdict", "Il reste {n} places.").format(n=seats)
            title = _named(
                translate("Verdict", "{name}, une place pour vous ?"),
                translate("Verdict", "Une place pour vous ?"),
                name,
            )
            action = translate(
                "Verdict",
                "Pas d'inscription à votre nom pour cette séance. {left} "
                "Voulez-vous vous inscrire maintenant ?",
            ).format(left=left)
            return VerdictView(Tone.AMBER, title, about, action, offer_walk_in=True)
        return VerdictView(
            tone,
            translate("Verdict", "Pas d'inscription pour cette séance"),
            about,
            translate("Verdict", "Adressez-vous à l'équipe d'accueil."),
        )
    if outcome is CheckinOutcome.EVENT_FULL:
        return VerdictView(
            tone,
            translate("Verdict", "Séance complète"),
            about,
            translate(
                "Verdict", "Toutes les places sont prises. L'équipe d'accueil peut vous aider."
            ),
        )
    if outcome is CheckinOutcome.OUTSIDE_WINDOW:
        if event is not None and now < event.checkin_opens_at:
            return VerdictView(
                tone,
                translate("Verdict", "L'accueil n'est pas encore ouvert"),
                about,
                translate("Verdict", "Revenez à partir de {time}.").format(
                    time=clock_time(event.checkin_opens_at)
                )
                if same_day(event.checkin_opens_at, now)
                else translate("Verdict", "Revenez le {day} à partir de {time}.").format(
                    day=day_and_month(event.checkin_opens_at),
                    time=clock_time(event.checkin_opens_at),
                ),
            )
        return VerdictView(
            tone,
            translate("Verdict", "L'accueil de cette séance est terminé"),
            about,
            translate("Verdict", "Adressez-vous à l'équipe d'accueil."),
        )
    if outcome is CheckinOutcome.WRONG_EVENT:
        there = result.registered_event
        if there is None:  # a ticket for an event the kiosk cannot describe
            return VerdictView(
                tone,
                translate("Verdict", "Inscription à un autre événement"),
                (),
                translate("Verdict", "Adressez-vous à l'équipe d'accueil."),
            )
        return VerdictView(
            tone,
            _named(
                translate("Verdict", "{name}, votre inscription est pour un autre événement"),
                translate("Verdict", "Votre inscription est pour un autre événement"),
                name,
            ),
            (there.title, when_and_where(there, now)),
            _go_there(there, now),
        )
    if outcome is CheckinOutcome.UNKNOWN_BADGE:
        return VerdictView(
            tone,
            translate("Verdict", "Badge non reconnu"),
            (),
            translate(
                "Verdict", "L'équipe d'accueil peut l'associer à votre nom en quelques secondes."
            ),
        )
    if outcome is CheckinOutcome.INVALID_CODE:
        return VerdictView(
            tone,
            translate("Verdict", "Code non reconnu"),
            (),
            translate("Verdict", "Ce code n'est pas un billet du Smart Corner, ou il est abîmé."),
        )
    if outcome is CheckinOutcome.FORGED_CODE:
        return VerdictView(
            tone,
            translate("Verdict", "Billet non valide"),
            (),
            translate(
                "Verdict",
                "Ce billet n'a pas été émis par le Smart Corner. Adressez-vous à l'équipe.",
            ),
        )
    if outcome is CheckinOutcome.EXPIRED_CODE:
        return VerdictView(
            tone,
            translate("Verdict", "Billet expiré"),
            about,
            translate(
                "Verdict", "Ce billet n'est plus valable. Adressez-vous à l'équipe d'accueil."
            ),
        )
    if outcome is CheckinOutcome.REVOKED_CODE:
        return VerdictView(
            tone,
            translate("Verdict", "Billet annulé"),
            about,
            translate("Verdict", "Ce billet a été annulé. Adressez-vous à l'équipe d'accueil."),
        )
    raise ValueError(f"no verdict text for {outcome!r}")  # a new outcome needs its words here


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
            "Verdict", "Un problème technique empêche l'enregistrement. Adressez-vous à l'équipe."
        ),
    )
