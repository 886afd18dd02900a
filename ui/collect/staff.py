"""Préparation des commandes: the desk staff mark order lines prepared, then ready.

Locked until a staff badge (a person whose role is staff or admin) or the staff PIN opens it;
the line's history keeps which. Preparing a tracked item (a screen, a smartphone) asks for its
asset tag or serial number: typed on the on-screen keyboard or scanned from its label (a scan
fills the field being edited). Fewer units than ordered is a shortage, recorded as such.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from kiosk.admin_access import PinGuard
from ui.collect import texts
from ui.collect.desk import CollectDesk, NotStaff, StaffMember
from ui.collect.pickup_pages import MARGINS, clear_layout, kinetic_scroll
from ui.collect.staff_parts import DeclinePage, StaffRow
from ui.screens.base import Screen
from ui.speech.phrase import Phrase, announce, phrases
from ui.theme import named
from ui.widgets.buttons import TouchButton
from ui.widgets.keyboard import OnScreenKeyboard
from ui.widgets.pin_pad import PinPad

if TYPE_CHECKING:
    from kiosk.collect.receipt import PickupRecord
    from kiosk.collect.staff import StaffLine
    from kiosk.ports import BadgePresented
    from ui.collect.stock_page import StockPage
    from ui.theme import ThemeController

log = logging.getLogger(__name__)
translate = texts.translate


def _lock_title() -> str:
    return translate("Collect", "Espace équipe Click & Collect")


def _lock_hint() -> str:
    return translate("Collect", "Passez votre badge d’équipe, ou saisissez le code équipe.")


class CollectStaffScreen(Screen):
    key = "collect_staff"

    def __init__(
        self,
        desk: CollectDesk,
        theme: ThemeController,
        guard: PinGuard,
        parent: QWidget | None = None,
        stock: StockPage | None = None,
    ) -> None:
        """``stock``: the « Stock du site » page, where the kiosk keeps a catalogue stock."""
        super().__init__(parent)
        self.desk = desk
        self._theme = theme
        self.staff: StaffMember | None = None
        self.work: list[StaffLine] = []
        self.editing: StaffLine | None = None
        self._quantity = 0

        self.lock = PinPad(
            theme, guard, title=_lock_title, hint=_lock_hint, icon="user-shield", colour="collect"
        )
        self.lock.granted.connect(self._pin_granted)
        # the work list
        self.list_page = QWidget()
        self.title = named(QLabel(), "collectHello")
        self.summary = named(QLabel(), "collectSummary")
        self.summary.setWordWrap(True)  # beside the lock button on a 1366 px panel
        self.error = named(QLabel(), "pinMessage")
        self.error.setWordWrap(True)
        self.lock_button = TouchButton(theme, "lock", role="secondary")
        self.lock_button.clicked.connect(self.relock)
        head = QHBoxLayout()
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.summary)
        head.addLayout(heading, 1)
        head.addWidget(self.lock_button)
        self.stock_button = TouchButton(theme, "packages", role="secondary")
        self.stock_button.setObjectName("staffStock")
        if stock is None:  # hide(), not setVisible(True): unparented, that opened a window
            self.stock_button.hide()
        foot = QHBoxLayout()
        foot.addStretch(1)
        foot.addWidget(self.stock_button)
        content = QWidget()
        self._rows = QVBoxLayout(content)
        self._rows.setContentsMargins(0, 0, 16, 0)
        self._rows.setSpacing(14)
        self.scroll_area = kinetic_scroll(content)
        column = QVBoxLayout(self.list_page)
        column.setContentsMargins(*MARGINS)
        column.setSpacing(20)
        column.addLayout(head)
        column.addWidget(self.error)
        column.addWidget(self.scroll_area, 1)
        column.addLayout(foot)
        # preparing one tracked line
        self.prepare_page = QWidget()
        self.prepare_title = named(QLabel(), "collectHello")
        self.prepare_title.setWordWrap(True)
        self.asset_tag = named(QLineEdit(), "assetTag")
        self.serial = named(QLineEdit(), "serial")
        self.less = TouchButton(theme, role="secondary")
        self.less.setText("−")
        self.less.clicked.connect(lambda: self._set_quantity(self._quantity - 1))
        self.count = named(QLabel(), "collectHello")
        self.more = TouchButton(theme, role="secondary")
        self.more.setText("+")
        self.more.clicked.connect(lambda: self._set_quantity(self._quantity + 1))
        self.cancel = TouchButton(theme, "x", role="secondary")
        self.cancel.clicked.connect(self._show_list)
        self.save = TouchButton(theme, "check", role="primary", icon_colour="on_accent")
        self.save.setObjectName("staffSave")
        self.save.clicked.connect(self._save_prepared)
        fields = QHBoxLayout()
        fields.setSpacing(24)
        fields.addWidget(self.asset_tag, 2)
        fields.addWidget(self.serial, 2)
        fields.addWidget(self.less)
        fields.addWidget(self.count)
        fields.addWidget(self.more)
        self.keyboard = OnScreenKeyboard(theme)
        self.keyboard.submitted.connect(self._save_prepared)
        for field in (self.asset_tag, self.serial):
            field.installEventFilter(self)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.cancel)
        actions.addWidget(self.save)
        prep = QVBoxLayout(self.prepare_page)
        prep.setContentsMargins(*MARGINS)
        prep.setSpacing(20)
        prep.addWidget(self.prepare_title)
        prep.addLayout(fields)
        prep.addLayout(actions)
        prep.addWidget(self.keyboard, 1)

        self.decline_page = DeclinePage(theme)
        self.decline_page.cancel_clicked.connect(self._show_list)
        self.decline_page.save_clicked.connect(self._save_decline)

        self.stock_page = stock
        self._stack = QStackedLayout(self)
        for page in (self.lock, self.list_page, self.prepare_page, self.decline_page):
            self._stack.addWidget(page)
        if stock is not None:
            self._stack.addWidget(stock)
            stock.back_clicked.connect(self._show_list)
            self.stock_button.clicked.connect(self._show_stock)
        self.retranslate()

    # -- unlocking ------------------------------------------------------------------------

    def stop_work(self) -> None:
        self.desk.wait()

    def handle_badge(self, event: BadgePresented) -> bool:
        if self.staff is None:
            self.desk.staff_by_badge(event.uid, self._unlocked, self._badge_refused)
        return True  # a badge never leaves this screen for the pickup

    def handle_scan(self, payload: str, source: str) -> bool:
        if self._stack.currentWidget() is self.prepare_page:
            target = self.serial if self.serial.hasFocus() else self.asset_tag
            target.setText(payload.strip()[:64])
            return True
        from kiosk.collect.receipt import nonce_of_receipt_code

        nonce = nonce_of_receipt_code(payload)
        if nonce is None or self.staff is None:
            return False  # receipts are checked by staff, once the area is open
        self.desk.verify_receipt(nonce, self._show_receipt, self._failed)
        return True

    def _show_receipt(self, record: PickupRecord | None) -> None:
        """A pickup receipt scanned at the desk: genuine (and what it says) or not."""
        if record is None:
            text = translate(
                "Collect", "Aucun retrait ne correspond à ce reçu\u202f: il n’est pas authentique."
            )
            ok = False
        else:
            n = sum(q for q, *_ in record.lines)
            text = translate(
                "Collect", "Reçu authentique\u202f: {agent}, {n} article(s), le {when} — {kiosk}"
            ).format(agent=record.agent_name, n=n, when=texts.when(record.at),
                     kiosk=record.kiosk_name)  # fmt: skip
            ok = True
        self.error.setText(("✓ " if ok else "✗ ") + text)
        self.error.setProperty("error", not ok)
        self.error.style().unpolish(self.error)
        self.error.style().polish(self.error)

    def _pin_granted(self) -> None:
        from kiosk.collect.staff import StaffProof
        from kiosk.collect.status import Actor

        self.lock.set_message("")
        self._unlocked(StaffMember(StaffProof(Actor.STAFF_PIN), ""))

    def _badge_refused(self, exc: BaseException) -> None:
        if not isinstance(exc, NotStaff):
            log.error("staff badge check failed", exc_info=exc)
        self.lock.set_message(translate("Collect", "Ce badge n’ouvre pas l’espace équipe"))

    def _unlocked(self, member: StaffMember) -> None:
        self.staff = member
        self.lock.set_message("")
        self.retranslate()
        self._stack.setCurrentWidget(self.list_page)
        self.desk.staff_lines(self._show_work, self._failed)

    def relock(self) -> None:
        self.staff = None
        self.editing = None
        self.work = []
        clear_layout(self._rows)
        if self.stock_page is not None:
            self.stock_page.clear()
        self.lock.clear()
        self._stack.setCurrentWidget(self.lock)
        announce(self)

    # -- the work list --------------------------------------------------------------------

    def _show_work(self, lines: list[StaffLine]) -> None:
        self.work = lines
        focused = QApplication.focusWidget()
        # the keys stay on the line just acted on (now prepared): its new state is said
        keep = focused.line.line_id if isinstance(focused, StaffRow) else None
        clear_layout(self._rows)
        for n, line in enumerate(lines, start=1):
            row = StaffRow(self._theme, line)
            row.position = (n, len(lines))
            row.act.connect(self._act)
            row.decline.connect(self._decline)
            self._rows.addWidget(row)
            if line.line_id == keep:
                row.show()
                row.setFocus()
        self._rows.addStretch(1)
        self.retranslate()
        self._show_list()

    def _show_list(self) -> None:
        self.editing = None
        self.keyboard.set_target(None)
        if self.staff is not None:
            self._stack.setCurrentWidget(self.list_page)
            announce(self)

    def spoken(self) -> list[Phrase]:
        """The page shown: the lock, the work list's heading, or the line being prepared."""
        page = self._stack.currentWidget()
        if page is self.lock:
            return self.lock.spoken()
        if page is self.prepare_page:
            return phrases(self.prepare_title.text())
        return phrases(
            self.title.text(),
            self.summary.text(),
            self.error.text(),
            translate("Collect", "Tab pour passer d’une ligne à l’autre, Entrée pour la traiter.")
            if self.work
            else "",
        )

    def _act(self, line: StaffLine) -> None:
        from kiosk.collect.status import LineStatus

        if self.staff is None:
            return
        self.error.clear()
        if line.to_answer:
            self.desk.staff_answer(line.line_id, self.staff.proof, None, self._show_work,
                                   self._failed)  # fmt: skip
        elif line.status is LineStatus.PREPARED:
            self.desk.staff_move(
                line.line_id, self.staff.proof, ready=True,
                on_done=self._show_work, on_error=self._failed,
            )  # fmt: skip
        elif line.tracked or line.quantity > 1:
            self._edit(line)
        else:
            self.desk.staff_move(
                line.line_id, self.staff.proof, ready=False,
                on_done=self._show_work, on_error=self._failed,
            )  # fmt: skip

    def _show_stock(self) -> None:
        if self.staff is None or self.stock_page is None:
            return
        self.stock_page.load()
        self._stack.setCurrentWidget(self.stock_page)

    def _decline(self, line: StaffLine) -> None:
        if self.staff is None:
            return
        self.editing = line
        self.decline_page.open_for(line)
        self._stack.setCurrentWidget(self.decline_page)

    def _save_decline(self) -> None:
        line, reason = self.editing, self.decline_page.reason.text().strip()
        if line is None or self.staff is None:
            return
        if not reason:
            self.decline_page.title.setText(
                translate("Collect", "Écrivez le motif : l’agent le lira.")
            )
            return
        self.desk.staff_answer(line.line_id, self.staff.proof, reason, self._show_work,
                               self._failed)  # fmt: skip

    def _edit(self, line: StaffLine) -> None:
        self.editing = line
        self.prepare_title.setText(f"{line.quantity} × {line.item_name} — {line.agent_name}")
        self.asset_tag.setText(line.asset_tag or "")
        self.serial.setText(line.serial or "")
        for field in (self.asset_tag, self.serial):
            field.setVisible(line.tracked)
        self._set_quantity(line.quantity)
        self.keyboard.setVisible(line.tracked)
        self.keyboard.set_target(self.asset_tag if line.tracked else None)
        self._stack.setCurrentWidget(self.prepare_page)
        announce(self)

    def _set_quantity(self, n: int) -> None:
        top = self.editing.quantity if self.editing else 1
        self._quantity = min(max(n, 1), top)
        self.count.setText(f"{self._quantity} / {top}")
        self.less.setEnabled(self._quantity > 1)
        self.more.setEnabled(self._quantity < top)

    def _save_prepared(self) -> None:
        line = self.editing
        if line is None or self.staff is None:
            return
        self.desk.staff_move(
            line.line_id, self.staff.proof, ready=False,
            on_done=self._show_work, on_error=self._failed,
            prepared_quantity=self._quantity,
            asset_tag=self.asset_tag.text(), serial=self.serial.text(),
        )  # fmt: skip

    def _failed(self, exc: BaseException) -> None:
        from kiosk.collect.staff import StaffActionError

        if isinstance(exc, StaffActionError):
            text = {
                "identification_required": translate(
                    "Collect", "Saisissez ou scannez le n° d’inventaire ou le n° de série."
                ),
                "wrong_status": translate(
                    "Collect", "Cette ligne a changé entre-temps\u202f: la liste est à jour."
                ),
                "unknown_line": translate("Collect", "Cette ligne n’existe plus."),
            }.get(exc.code, translate("Collect", "Quantité impossible."))
        else:
            log.error("staff action failed", exc_info=exc)
            text = translate("Collect", "Un problème technique empêche l’enregistrement.")
        self.error.setText(text)
        self.error.setProperty("error", True)
        if self._stack.currentWidget() is self.prepare_page and self.editing is not None:
            self.prepare_title.setText(text)
        elif self.staff is not None:
            self.desk.staff_lines(self._show_work, lambda e: log.error("work list", exc_info=e))

    # -- Screen ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QLineEdit) and event.type() in (
            QEvent.Type.FocusIn,
            QEvent.Type.MouseButtonPress,
        ):
            self.keyboard.set_target(watched)
        return False

    def reset(self) -> None:
        self.relock()

    def retranslate(self) -> None:
        name = self.staff.name if self.staff else ""
        self.title.setText(
            translate("Collect", "Commandes à préparer — {name}").format(name=name)
            if name
            else translate("Collect", "Commandes à préparer")
        )
        n = len(self.work)
        self.summary.setText(
            translate("Collect", "Aucune ligne à préparer")
            if n == 0
            else translate("Collect", "1 ligne à traiter")
            if n == 1
            else translate("Collect", "{n} lignes à traiter, les plus anciennes d’abord").format(
                n=n
            )
        )
        self.lock_button.setText(translate("Collect", "Verrouiller"))
        self.stock_button.setText(translate("Collect", "Stock du site"))
        self.asset_tag.setPlaceholderText(translate("Collect", "N° d’inventaire"))
        self.serial.setPlaceholderText(translate("Collect", "N° de série"))
        self.cancel.setText(translate("Collect", "Annuler"))
        self.save.setText(translate("Collect", "Marquer préparé"))
