"""The « Catalogue de services » in words: shelves, delivery, stock, and why an agent may not
request an item — tables rather than ``if`` ladders, one place for the French and English."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.collect.catalogue import CatalogueEntry
from kiosk.collect.policy import PolicyRefusal, RefusalCode
from kiosk.collect.status import Delivery, Family
from kiosk.domain import PARIS

translate = QCoreApplication.translate  # lupdate reads translate("Catalogue", "...") calls


def family_name(family: Family) -> str:
    return {
        Family.WORKSTATIONS: translate("Catalogue", "Postes et écrans"),
        Family.MOBILITY: translate("Catalogue", "Mobilité"),
        Family.ACCESSORIES: translate("Catalogue", "Accessoires"),
        Family.SOFTWARE: translate("Catalogue", "Logiciels et accès"),
        Family.SUPPORT: translate("Catalogue", "Accompagnement"),
    }[family]


def delivery_text(delivery: Delivery) -> str:
    return {
        Delivery.PICKUP: translate("Catalogue", "Retrait au Smart Store"),
        Delivery.INSTALLATION: translate("Catalogue", "Installé à votre bureau"),
        Delivery.OPEN_ACCESS: translate("Catalogue", "Accès ouvert sur votre compte"),
    }[delivery]


def stock_text(entry: CatalogueEntry, *, last_visit: bool) -> str:
    """Units at this site; on the Smart Tour, the count of the last sync, promising nothing."""
    if entry.stock is None:
        return ""
    n = entry.available if entry.available is not None else entry.stock
    if last_visit:
        return translate("Catalogue", "Stock au dernier passage\u202f: {n}").format(n=n)
    if n == 0:
        return translate("Catalogue", "Plus en stock ici")
    return translate("Catalogue", "En stock ici\u202f: {n}").format(n=n)


def _period(days: int) -> str:
    if days % 365 == 0:
        years = days // 365
        return (
            translate("Catalogue", "par an")
            if years == 1
            else translate("Catalogue", "tous les {n} ans").format(n=years)
        )
    return translate("Catalogue", "tous les {n} jours").format(n=days)


def _roles(roles: tuple[str, ...] | None) -> str:
    """« aux ambassadeurs, aux administrateurs et à l’équipe du Smart Corner »."""
    names = {
        "agent": translate("Catalogue", "aux agents"),
        "ambassador": translate("Catalogue", "aux ambassadeurs"),
        "admin": translate("Catalogue", "aux administrateurs"),
        "staff": translate("Catalogue", "à l’équipe du Smart Corner"),
    }
    said = [names[r] for r in names if r in (roles or ())]
    if len(said) <= 1:
        return "".join(said)
    return translate("Catalogue", "{first} et {last}").format(
        first=", ".join(said[:-1]), last=said[-1]
    )


def refusal_text(entry: CatalogueEntry, refusal: PolicyRefusal) -> str:
    """Why this agent may not request ``entry`` now, in one short sentence."""
    code = refusal.code
    if code is RefusalCode.QUOTA_REACHED:
        limit = refusal.limit or entry.max_per_agent or 1
        if entry.renewal_days and refusal.next_allowed_at is not None:
            return translate(
                "Catalogue", "{limit} par agent {period}\u202f: prochain possible le {day}"
            ).format(
                limit=limit,
                period=_period(entry.renewal_days),
                day=refusal.next_allowed_at.astimezone(PARIS).strftime("%d/%m/%Y"),
            )
        return translate("Catalogue", "Vous avez déjà reçu le maximum ({limit})").format(
            limit=limit
        )
    if code is RefusalCode.ALREADY_REQUESTED and refusal.requested_at is not None:
        day = refusal.requested_at.astimezone(PARIS).strftime("%d/%m")
        return translate("Catalogue", "Déjà demandé le {day}").format(day=day)
    if code is RefusalCode.ROLE_NOT_ALLOWED:
        return translate("Catalogue", "Réservé {who}").format(who=_roles(entry.allowed_roles))
    return {
        RefusalCode.PERSON_INACTIVE: translate("Catalogue", "Votre compte n’est pas actif"),
        RefusalCode.ITEM_WITHDRAWN: translate("Catalogue", "N’est plus proposé"),
        RefusalCode.DIRECTION_NOT_ALLOWED: translate("Catalogue", "Réservé à d’autres directions"),
        RefusalCode.ALREADY_REQUESTED: translate("Catalogue", "Déjà demandé"),
        RefusalCode.OUT_OF_STOCK: translate("Catalogue", "Plus en stock ici pour le moment"),
    }[code]


def eligibility_text(entry: CatalogueEntry) -> str:
    if entry.refusal is None:
        return translate("Catalogue", "Vous pouvez le demander")
    return refusal_text(entry, entry.refusal)
