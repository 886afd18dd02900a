"""What « Mon espace » says of a request or an order line: its state in words, with the date
that matters for it and, for a decline, the reason staff gave."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.collect.requests import AgentRequest
from kiosk.collect.status import LineStatus
from ui.formatting import day_and_month

translate = QCoreApplication.translate


def request_title(request: AgentRequest, item_name: str) -> str:
    """« Écran 27 pouces ×2 · DEM-ABCD1234 »."""
    what = item_name if request.quantity == 1 else f"{item_name} ×{request.quantity}"
    return f"{what} · {request.reference}"


def request_status(request: AgentRequest, *, tour: bool = False) -> str:
    """``tour``: on a Smart Tour kiosk, a request made here and not synced yet says so."""
    status, day = request.status, day_and_month(request.status_at)
    if status is LineStatus.PLACED and tour and request.kiosk_id is not None:
        return translate(
            "MySpace", "Demandé le {day}, envoyé au prochain passage du Smart Tour"
        ).format(day=day_and_month(request.placed_at))
    if status is LineStatus.PLACED:
        return translate("MySpace", "Demandé le {day}, en attente de validation").format(
            day=day_and_month(request.placed_at)
        )
    if status is LineStatus.DECLINED:
        reason = request.decline_reason or "—"
        return translate("MySpace", "Demande refusée le {day}\u202f: {reason}").format(
            day=day, reason=reason
        )
    if status in (LineStatus.APPROVED, LineStatus.PREPARED):
        label = (
            translate("MySpace", "Validé, en attente de préparation")
            if status is LineStatus.APPROVED
            else translate("MySpace", "En préparation")
        )
        if request.expected_at is not None:
            return translate("MySpace", "{label} — prévu le {day}").format(
                label=label, day=day_and_month(request.expected_at)
            )
        return label
    if status is LineStatus.READY:
        if request.ready_until is not None:
            return translate("MySpace", "Prêt — à retirer avant le {day}").format(
                day=day_and_month(request.ready_until)
            )
        return translate("MySpace", "Prêt à retirer")
    if status in (LineStatus.COLLECTED, LineStatus.PARTIALLY_COLLECTED):
        return translate("MySpace", "Retiré le {day}").format(day=day)
    if status is LineStatus.CANCELLED:
        return translate("MySpace", "Annulé le {day}").format(day=day)
    return translate("MySpace", "Non retiré à temps — expiré le {day}").format(day=day)
