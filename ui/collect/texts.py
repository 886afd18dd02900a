"""What the Click & Collect screens say: domain codes and dates to translated sentences.

The domain speaks in stable codes (:mod:`kiosk.collect`); only this module turns them into
words, so the pickup and staff screens stay about layout and flow.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from kiosk.collect.identify import IdentifyProblem
from kiosk.collect.order_code import CodeProblem
from kiosk.collect.pickup import LineRefusal, RefusalKind
from kiosk.collect.policy import PolicyRefusal, RefusalCode
from kiosk.collect.status import LineStatus
from kiosk.collect.views import LineView
from ui.formatting import clock_time, day_and_month, long_date

translate = QCoreApplication.translate  # lupdate reads translate("Collect", "...") calls


def when(moment: datetime) -> str:
    """'jeudi 26 novembre à 14:05'."""
    return translate("Collect", "{day} à {time}").format(
        day=day_and_month(moment), time=clock_time(moment)
    )


def status_icon(status: LineStatus) -> str:
    return {
        LineStatus.READY: "package",
        LineStatus.PREPARED: "box",
        LineStatus.APPROVED: "hourglass",
        LineStatus.PLACED: "hourglass",
        LineStatus.COLLECTED: "circle-check",
        LineStatus.PARTIALLY_COLLECTED: "circle-check",
        LineStatus.CANCELLED: "ban",
        LineStatus.EXPIRED: "clock-x",
        LineStatus.DECLINED: "ban",
    }[status]


def status_text(line: LineView) -> str:
    """The line's state with the date that matters for it, in one short sentence."""
    status = line.status
    if status is LineStatus.READY:
        if line.ready_until is not None:
            return translate("Collect", "Prêt — à retirer avant le {day}").format(
                day=day_and_month(line.ready_until)
            )
        return translate("Collect", "Prêt à retirer")
    if status in (LineStatus.PREPARED, LineStatus.APPROVED, LineStatus.PLACED):
        label = {
            LineStatus.PREPARED: translate("Collect", "En préparation"),
            LineStatus.APPROVED: translate("Collect", "Validé, en attente de préparation"),
            LineStatus.PLACED: translate("Collect", "Commandé, en attente de validation"),
        }[status]
        if line.expected_at is not None:
            return translate("Collect", "{label} — prévu le {day}").format(
                label=label, day=day_and_month(line.expected_at)
            )
        return label
    if status in (LineStatus.COLLECTED, LineStatus.PARTIALLY_COLLECTED):
        moment = line.handed_at or line.status_at
        if line.handed_kiosk:
            return translate("Collect", "Retiré le {when} — {kiosk}").format(
                when=when(moment), kiosk=line.handed_kiosk
            )
        return translate("Collect", "Retiré le {when}").format(when=when(moment))
    if status is LineStatus.CANCELLED:
        return translate("Collect", "Annulé le {day}").format(day=day_and_month(line.status_at))
    if status is LineStatus.DECLINED:
        return translate("Collect", "Demande refusée le {day}").format(
            day=day_and_month(line.status_at)
        )
    return translate("Collect", "Non retiré à temps — expiré le {day}").format(
        day=day_and_month(line.status_at)
    )


def quantity_text(line: LineView) -> str:
    units = line.units_to_hand
    if line.prepared_quantity is not None and units < line.quantity:
        return translate("Collect", "{units} sur {ordered} (le reste n’est pas disponible)").format(
            units=units, ordered=line.quantity
        )
    return translate("Collect", "Quantité\u202f: {n}").format(n=line.quantity)


def identity_text(line: LineView) -> str:
    """Asset tag and serial number, where known."""
    parts = []
    if line.asset_tag:
        parts.append(translate("Collect", "N° d’inventaire {tag}").format(tag=line.asset_tag))
    if line.serial:
        parts.append(translate("Collect", "N° de série {serial}").format(serial=line.serial))
    return " · ".join(parts)


def identify_problem(problem: IdentifyProblem) -> tuple[str, str]:
    """(title, what to do) for a badge or a code that cannot open a pickup."""
    if problem is IdentifyProblem.UNKNOWN_BADGE:
        return (
            translate("Collect", "Badge inconnu"),
            translate(
                "Collect", "Ce badge n’est relié à aucun agent. Adressez-vous au Smart Store."
            ),
        )
    if problem is IdentifyProblem.INACTIVE_PERSON:
        return (
            translate("Collect", "Retrait impossible"),
            translate("Collect", "Votre compte n’est pas actif. Adressez-vous au Smart Store."),
        )
    if problem is IdentifyProblem.UNKNOWN_ORDER:
        return (
            translate("Collect", "Commande introuvable"),
            translate(
                "Collect",
                "Cette commande n’est pas connue de cette borne. Adressez-vous au Smart Store.",
            ),
        )
    return (
        translate("Collect", "Ce n’est pas votre commande"),
        translate(
            "Collect",
            "Ce badge ou ce code est celui d’une autre personne. Terminez d’abord ce retrait.",
        ),
    )


def code_problem(problem: CodeProblem) -> tuple[str, str]:
    if problem is CodeProblem.EXPIRED:
        return (
            translate("Collect", "Code expiré"),
            translate(
                "Collect", "Ce code de commande n’est plus valable. Passez votre badge à la place."
            ),
        )
    return (
        translate("Collect", "Code non reconnu"),
        translate(
            "Collect",
            "Ce code ne peut pas être lu comme une commande. Passez votre badge à la place.",
        ),
    )


def policy_text(refusal: PolicyRefusal) -> str:
    code = refusal.code
    if code is RefusalCode.QUOTA_REACHED:
        if refusal.together:
            return translate(
                "Collect",
                "Au plus {limit} par agent avec vos autres articles\u202f: décochez-en un",
            ).format(limit=refusal.limit)
        if refusal.next_allowed_at is not None:
            return translate(
                "Collect",
                "Vous avez déjà reçu le maximum ({limit})\u202f: possible à partir du {day}",
            ).format(limit=refusal.limit, day=long_date(refusal.next_allowed_at))
        return translate("Collect", "Vous avez déjà reçu le maximum autorisé ({limit})").format(
            limit=refusal.limit
        )
    return {
        RefusalCode.PERSON_INACTIVE: translate("Collect", "Votre compte n’est pas actif"),
        RefusalCode.ITEM_WITHDRAWN: translate("Collect", "Cet article n’est plus distribué"),
        RefusalCode.ROLE_NOT_ALLOWED: translate(
            "Collect", "Votre fonction ne donne plus droit à cet article"
        ),
        RefusalCode.DIRECTION_NOT_ALLOWED: translate(
            "Collect", "Votre direction ne donne plus droit à cet article"
        ),
        RefusalCode.ALREADY_REQUESTED: translate("Collect", "Déjà demandé le {day}").format(
            day=day_and_month(refusal.requested_at) if refusal.requested_at else "?"
        ),
        RefusalCode.OUT_OF_STOCK: translate("Collect", "Plus en stock sur ce site"),
    }[code]


def listed_refusal_text(refusal: PolicyRefusal) -> str:
    """Why a ready line is not offered for this pickup (it stays unticked on the list)."""
    if refusal.code is RefusalCode.QUOTA_REACHED and refusal.together:
        return translate(
            "Collect",
            "Pas cette fois\u202f: au plus {limit} par agent, vos autres articles comptent",
        ).format(limit=refusal.limit)
    return translate("Collect", "Ne peut pas vous être remis\u202f: {why}").format(
        why=policy_text(refusal)
    )


def refusal_text(refusal: LineRefusal) -> str:
    """Why one line was not handed over (never anything about somebody else's order)."""
    kind = refusal.kind
    if kind is RefusalKind.POLICY and refusal.policy is not None:
        return policy_text(refusal.policy)
    if kind is RefusalKind.ALREADY_COLLECTED:
        if refusal.handed_at is not None:
            return translate("Collect", "Déjà retiré le {when} — {kiosk}").format(
                when=when(refusal.handed_at), kiosk=refusal.handed_kiosk or "?"
            )
        return translate("Collect", "Déjà retiré à une autre borne, à l’instant")
    if kind is RefusalKind.NOT_READY:
        return translate("Collect", "N’est plus prêt à retirer (annulé ou expiré entre-temps)")
    if kind is RefusalKind.NOTHING_SELECTED:
        return translate("Collect", "Aucun article choisi")
    return translate("Collect", "Cet article ne fait pas partie de vos commandes")


def lines_summary(ready: int, waiting: int, refused: int = 0) -> str:
    """'2 articles prêts à retirer · 1 en cours de traitement' (``ready``: lines that can be
    handed over now; ``refused``: ready lines the allocation policy holds back)."""
    if ready == 0:
        head = translate("Collect", "Rien n’est prêt pour vous pour le moment")
    elif ready == 1:
        head = translate("Collect", "1 article prêt à retirer")
    else:
        head = translate("Collect", "{n} articles prêts à retirer").format(n=ready)
    parts = [head]
    if refused == 1:
        parts.append(translate("Collect", "1 ne peut pas vous être remis"))
    elif refused > 1:
        parts.append(translate("Collect", "{n} ne peuvent pas vous être remis").format(n=refused))
    if waiting == 1:
        parts.append(translate("Collect", "1 autre en cours de traitement"))
    elif waiting > 1:
        parts.append(translate("Collect", "{n} autres en cours de traitement").format(n=waiting))
    return " · ".join(parts)
