"""What the pickup pages say: each page's message, a refusal or failure, the receipt's news.

Kept apart from the flow (:mod:`ui.collect.pickup`) so that the screen reads as its states
and transitions; everything here is wording, picked by what happened.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass

from kiosk.collect.identify import IdentifyProblem, IdentifyRefused
from kiosk.collect.order_code import OrderCodeRejected
from kiosk.collect.pickup import AgentLines, HandOverRefused, PickupDone
from kiosk.collect.status import OPEN
from kiosk.printing.spool import SpoolJob
from kiosk.printing.states import PrintJobState
from ui.collect import texts
from ui.collect.pickup_pages import ConfirmPage, LinesPage, MessagePage

log = logging.getLogger(__name__)
translate = texts.translate


class Page(enum.StrEnum):
    WELCOME = "welcome"
    CHECKING = "checking"
    LINES = "lines"
    CONFIRM = "confirm"
    SAVING = "saving"
    DONE = "done"
    PROBLEM = "problem"


@dataclass(frozen=True)
class Problem:
    """The problem page: its icon, tone and words, and where its main button goes back to."""

    icon: str
    tone: str
    title: str
    body: str
    back: Page


def problem_for(
    exc: BaseException, *, has_lines: bool, saving: bool, names: dict[int, str]
) -> Problem:
    """Why the agent is stopped (``names``: the items of the lines shown, by line id)."""
    if isinstance(exc, IdentifyRefused):
        title, body = texts.identify_problem(exc.problem)
        not_yours = exc.problem is IdentifyProblem.NOT_YOURS
        back = Page.LINES if not_yours and has_lines else Page.WELCOME
        icon = "user-x" if not_yours else "alert-circle"
        return Problem(icon, "error", title, body, back)
    if isinstance(exc, OrderCodeRejected):
        title, body = texts.code_problem(exc.problem)
        back = Page.LINES if has_lines else Page.WELCOME
        return Problem("qrcode", "warning", title, body, back)
    if isinstance(exc, HandOverRefused):
        body = "\n".join(
            f"{names.get(r.line_id, '?')} : {texts.refusal_text(r)}" for r in exc.refusals
        )
        title = translate("Collect", "Rien n’a été remis")
        return Problem("hand-stop", "warning", title, body, Page.CHECKING)
    log.error("Click & Collect failed", exc_info=exc)
    title = translate("Collect", "Un problème technique nous empêche de continuer")
    body = translate("Collect", "Réessayez dans un instant ou adressez-vous au Smart Store.")
    back = Page.SAVING if saving else Page.WELCOME
    return Problem("alert-triangle", "error", title, body, back)


def show_page_message(
    m: MessagePage,
    page: Page,
    *,
    done: PickupDone | None,
    first: str,
    print_note: str,
    problem: Problem | None,
) -> None:
    """The message page as ``page`` shows it (welcome, checking, done, problem)."""
    if page is Page.WELCOME:
        m.show_message(
            icon="id-badge-2", tone="collect",
            title=translate("Collect", "Retrait Click & Collect"),
            body=translate("Collect", "Passez votre badge sur le lecteur, ou présentez le "
                           "QR code reçu avec le message «\u202fVotre commande est prête\u202f»."),
            secondary=translate("Collect", "Espace équipe"), secondary_icon="user-shield",
        )  # fmt: skip
    elif page is Page.CHECKING:
        m.show_message(
            icon="hourglass", tone="collect",
            title=translate("Collect", "Recherche de vos commandes…"), body="",
        )  # fmt: skip
    elif page is Page.DONE and done is not None:
        n = sum(v.units_to_hand for v in done.lines)  # units, not lines
        body = (
            translate("Collect", "1 article vous a été remis.")
            if n == 1
            else translate("Collect", "{n} articles vous ont été remis.").format(n=n)
        )
        m.show_message(
            icon="circle-check", tone="success",
            title=translate("Collect", "C’est noté, {name}\u202f!").format(name=first),
            body=body, note=print_note,
            primary=translate("Collect", "Terminer"), primary_icon="check",
        )  # fmt: skip
    elif page is Page.PROBLEM and problem is not None:
        icon, tone, title, body = problem.icon, problem.tone, problem.title, problem.body
        again = {
            Page.SAVING: translate("Collect", "Réessayer"),
            Page.CHECKING: translate("Collect", "Revoir mes articles"),
            Page.LINES: translate("Collect", "Revenir à mes articles"),
        }.get(problem.back, translate("Collect", "Compris"))
        m.show_message(icon=icon, tone=tone, title=title, body=body, primary=again,
                       secondary=translate("Collect", "Terminer"))  # fmt: skip


def print_note(job: SpoolJob) -> str | None:
    """What the done page says of the receipt (None: nothing new, still sending)."""
    if job.state is PrintJobState.PRINTED:
        return translate("Collect", "Reçu imprimé. Bonne journée\u202f!")
    if job.last_error_code is not None or job.state is PrintJobState.FAILED:
        return translate(
            "Collect",
            "L’imprimante ne répond pas. Votre retrait est bien enregistré\u202f; "
            "le reçu sera imprimé dès que possible.",
        )
    return None


def label_pages(lp: LinesPage, cp: ConfirmPage) -> None:
    lp.finish.setText(translate("Collect", "Terminer"))
    cp.confirm.setText(translate("Collect", "J’ai bien reçu"))
    cp.erase.setText(translate("Collect", "Effacer"))
    cp.sign_label.setText(translate("Collect", "Signez ici avec le doigt (facultatif)"))
    cp.title.setText(translate("Collect", "Vérifiez ce que vous recevez"))


def label_lines(lp: LinesPage, lines: AgentLines | None) -> None:
    """The lines page's greeting, summary and button for what is selected."""
    n = sum(v.units_to_hand for v in lp.selected)  # 2 × Écran 24" is two articles
    lp.take.setText(
        translate("Collect", "Retirer 1 article")
        if n == 1
        else translate("Collect", "Retirer {n} articles").format(n=n)
    )
    if lines is None:
        return
    lp.hello.setText(translate("Collect", "Bonjour {name}").format(name=lines.display_name))
    waiting = sum(1 for v in lines.others if v.status in OPEN)
    refused = len(lines.ready) - len(lines.handable)
    lp.summary.setText(texts.lines_summary(len(lines.handable), waiting, refused))
    lp.hint.setText(
        translate("Collect", "Passez votre badge pour voir toutes vos commandes.")
        if lines.order_id is not None
        else ""
    )
