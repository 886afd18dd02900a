"""The « Catalogue de services » in words: shelves, delivery, stock, and why an agent may not
request an item — tables rather than ``if`` ladders, one place for the French and English."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.collect.catalogue import CatalogueEntry
from kiosk.collect.policy import PolicyRefusal, RefusalCode
from kiosk.collect.status import Delivery, Family
from kiosk.domain import PARIS


def tr(text: str) -> str:
    return QCoreApplication.translate("Catalogue", text)


def family_name(family: Family) -> str:
    return {
        Family.WORKSTATIONS: tr("Postes et écrans"),
        Family.MOBILITY: tr("Mobilité"),
        Family.ACCESSORIES: tr("Accessoires"),
        Family.SOFTWARE: tr("Logiciels et accès"),
        Family.SUPPORT: tr("Accompagnement"),
    }[family]


def delivery_text(delivery: Delivery) -> str:
    return {
        Delivery.PICKUP: tr("Retrait au Smart Store"),
        Delivery.INSTALLATION: tr("Installé à votre bureau"),
        Delivery.OPEN_ACCESS: tr("Accès ouvert sur votre compte"),
    }[delivery]


def stock_text(entry: CatalogueEntry, *, last_visit: bool) -> str:
    """Units at this site; on the Smart Tour, the count of the last sync, promising nothing."""
    if entry.stock is None:
        return ""
    n = entry.available if entry.available is not None else entry.stock
    if last_visit:
        return tr("Stock au dernier passage\u202f: {n}").format(n=n)
    if n == 0:
        return tr("Plus en stock ici")
    return tr("En stock ici\u202f: {n}").format(n=n)


def _period(days: int) -> str:
    if days % 365 == 0:
        years = days // 365
        return tr("par an") if years == 1 else tr("tous les {n} ans").format(n=years)
    return tr("tous les {n} jours").format(n=days)


def _roles(roles: tuple[str, ...] | None) -> str:
    names = {
        "agent": tr("agents"),
        "ambassador": tr("ambassadeurs"),
        "staff": tr("l’équipe du Smart Corner"),
        "admin": tr("administrateurs"),
    }
    return ", ".join(names.get(r, r) for r in sorted(roles or ()))


def refusal_text(entry: CatalogueEntry, refusal: PolicyRefusal) -> str:
    """Why this agent may not request ``entry`` now, in one short sentence."""
    code = refusal.code
    if code is RefusalCode.QUOTA_REACHED:
        limit = refusal.limit or entry.max_per_agent or 1
        if entry.renewal_days and refusal.next_allowed_at is not None:
            return tr("{limit} par agent {period}\u202f: prochain possible le {day}").format(
                limit=limit,
                period=_period(entry.renewal_days),
                day=refusal.next_allowed_at.astimezone(PARIS).strftime("%d/%m/%Y"),
            )
        return tr("Vous avez déjà reçu le maximum ({limit})").format(limit=limit)
    if code is RefusalCode.ALREADY_REQUESTED and refusal.requested_at is not None:
        day = refusal.requested_at.astimezone(PARIS).strftime("%d/%m")
        return tr("Déjà demandé le {day}").format(day=day)
    if code is RefusalCode.ROLE_NOT_ALLOWED:
        return tr("Réservé aux {roles}").format(roles=_roles(entry.allowed_roles))
    return {
        RefusalCode.PERSON_INACTIVE: tr("Votre compte n’est pas actif"),
        RefusalCode.ITEM_WITHDRAWN: tr("N’est plus proposé"),
        RefusalCode.DIRECTION_NOT_ALLOWED: tr("Réservé à d’autres directions"),
        RefusalCode.ALREADY_REQUESTED: tr("Déjà demandé"),
        RefusalCode.OUT_OF_STOCK: tr("Plus en stock ici pour le moment"),
    }[code]


def eligibility_text(entry: CatalogueEntry) -> str:
    if entry.refusal is None:
        return tr("Vous pouvez le demander")
    return refusal_text(entry, entry.refusal)
