"""The hardware screen (admin): how the reader, scanner, camera and printer are doing now.

Everything shown comes from the :class:`ui.input.bridge.DeviceBridge`, which remembers the
last event of each device, so the screen may be built long after them. While it is shown the
printer is asked for its status every few seconds; the question and its answer travel through
the printer's own thread, never this one.

Below the devices, :meth:`HardwareScreen.add_section` takes further sections: the print
spool's jobs and its test page (:mod:`ui.devices.print_queue`), then other modules' own.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QVBoxLayout,
    QWidget,
)

from hardware.qr_camera import CameraState
from kiosk.ports import BadgePresented, PrinterState, PrinterStatus, ReaderState
from kiosk.settings import Settings
from ui.devices.device_card import DeviceCard, Level
from ui.formatting import clock_time
from ui.input.bridge import DeviceBridge, ScanSource
from ui.screens.base import Screen
from ui.theme import ThemeController, named
from ui.widgets.buttons import TouchButton
from ui.widgets.icon_label import IconLabel
from ui.widgets.kinetic import kinetic_page
from ui.widgets.screen_heading import screen_heading

STATUS_REFRESH_MS = 5000

_PRINTER_LEVELS = {
    PrinterState.READY: Level.OK,
    PrinterState.PAPER_LOW: Level.WARNING,
    PrinterState.UNKNOWN: Level.WARNING,
    PrinterState.NOT_CONFIGURED: Level.OFF,
}
_READER_LEVELS = {ReaderState.READY: Level.OK, ReaderState.STOPPED: Level.OFF}
_CAMERA_LEVELS = {
    CameraState.ACTIVE: Level.OK,
    CameraState.STARTING: Level.WARNING,
    CameraState.DISABLED: Level.OFF,
}

# Asks the printer for its status (the answer goes to the callback); False: no printer yet.
AskPrinterStatus = Callable[[Callable[[PrinterStatus], None]], bool]


class HardwareScreen(Screen):
    key = "hardware"
    shows_bottom_bar = False

    back_requested = Signal()

    def __init__(
        self,
        settings: Settings,
        theme: ThemeController,
        bridge: DeviceBridge,
        ask_printer_status: AskPrinterStatus,
        simulated_reader: Callable[[], bool],
        simulated_printer: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        """The two ``simulated_`` callables say whether the reader and the printer are the demo's
        simulators (the devices come up after the first paint, maybe after this screen)."""
        super().__init__(parent)
        self._settings = settings
        self._bridge = bridge
        self._ask = ask_printer_status
        self._simulated_reader = simulated_reader
        self._simulated_printer = simulated_printer
        self._asking = False

        icon = IconLabel(theme, "cpu", 56, colour="accent", stroke=1.75)
        self.back = TouchButton(theme, "arrow-left", role="secondary")
        self.back.setObjectName("adminBack")
        self.back.clicked.connect(self.back_requested)
        heading = screen_heading(icon, icon_box=theme.tokens.px(96), wrap=True)
        self.title, self.subtitle = heading.title, heading.subtitle
        header = heading.layout
        header.addWidget(self.back)

        self.reader = DeviceCard(theme, "id-badge-2")
        self.scanner = DeviceCard(theme, "qrcode")
        self.camera = DeviceCard(theme, "camera")
        self.printer = DeviceCard(theme, "printer")
        self._theme = theme
        self._grid = QGridLayout()
        self._grid.setSpacing(24)

        # --- sections added by other modules (the print spool): below the device cards -----
        self.sections = QVBoxLayout()
        self.sections.setSpacing(24)

        # Below the header, one kinetic scroll for everything: large text (accessible mode) or
        # a long print queue make it taller than the screen.
        body = named(QWidget(), "hardwareBody")
        content = QVBoxLayout(body)
        content.setContentsMargins(0, 0, 0, 0)
        content.setSpacing(24)
        content.addLayout(self._grid)
        content.addLayout(self.sections)
        content.addStretch(1)
        self.scroll_area = kinetic_page(body, "hardwareScroll")

        self._column = column = QVBoxLayout(self)
        column.setSpacing(24)
        column.addLayout(header)
        column.addWidget(self.scroll_area, 1)
        self._place_cards()
        theme.changed.connect(self._place_cards)

        self._refresh = QTimer(self, interval=STATUS_REFRESH_MS)
        self._refresh.timeout.connect(self.ask_printer_status)
        bridge.changed.connect(self.refresh)
        bridge.printer_status.connect(self._status_arrived)
        self.retranslate()

    def _place_cards(self) -> None:
        """Two cards a row; one in portrait, where two side by side would cut their words."""
        cards = (self.reader, self.printer, self.scanner, self.camera)
        for card in cards:
            self._grid.removeWidget(card)
        portrait = self._theme.metrics.portrait
        side = self._theme.tokens.px(48 if portrait else 96)  # portrait: the width for words
        self._column.setContentsMargins(side, 32, side, 32)
        columns = 1 if portrait else 2
        for n, card in enumerate(cards):
            self._grid.addWidget(card, n // columns, n % columns)
        for column in range(2):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)

    def handle_badge(self, event: BadgePresented) -> bool:
        """Taken here: an operator tapping a card is testing the reader (the card shows it)."""
        return True

    def handle_scan(self, payload: str, source: str) -> bool:
        """Taken here: an operator scanning a code is testing the scanner."""
        return True

    def add_section(self, section: QWidget) -> None:
        """A section of its own below the devices (e.g. the print spool's jobs)."""
        self.sections.addWidget(section)

    # --- printer -------------------------------------------------------------------------------

    def ask_printer_status(self) -> None:
        """Ask the printer's thread; the answer comes back through the bridge."""
        if not self._asking:
            self._asking = self._ask(self._bridge.on_printer_status)

    def _status_arrived(self, _status: PrinterStatus) -> None:
        self._asking = False

    # --- what is shown ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self._show_reader()
        self._show_printer()
        self._show_scanner()
        self._show_camera()

    def _show_reader(self) -> None:
        status = self._bridge.reader
        state = {
            ReaderState.READY: self.tr("Prêt"),
            ReaderState.NO_READER: self.tr("Aucun lecteur branché"),
            ReaderState.READER_UNPLUGGED: self.tr("Lecteur débranché"),
            ReaderState.SERVICE_DOWN: self.tr("Service des cartes arrêté (pcscd)"),
            ReaderState.FAILED: self.tr("En erreur, nouvel essai en cours"),
            ReaderState.STOPPED: self.tr("Arrêté"),
        }[status.state]
        last = self._bridge.last_badge
        if last is None:
            seen = self.tr("Aucun badge lu depuis le démarrage")
        elif last.refused:
            seen = self.tr("Dernière carte refusée\u202f: {time}").format(time=clock_time(last.at))
        else:
            seen = self.tr("Dernier badge lu\u202f: {time}").format(time=clock_time(last.at))
        if self._simulated_reader():
            where = self.tr(
                "Lecteur simulé (démonstration)\u202f: menu «\u202fSimuler un badge\u202f»"
            )
        elif status.state is ReaderState.READY and status.detail:
            where = status.detail  # the reader's own name, as PC/SC gives it
        else:
            where = self._reader_setting()
        self.reader.set_state(_READER_LEVELS.get(status.state, Level.ERROR), state, where, seen)

    def _reader_setting(self) -> str:
        """The ``reader`` setting in words (its raw value, or a device's "not started", meant
        nothing to the staff reading this screen)."""
        setting = self._settings.reader
        if setting == "none":
            return self.tr("Réglage «\u202freader\u202f»\u202f: aucun lecteur")
        if setting.startswith("pcsc:"):
            return self.tr("Lecteur PC/SC dont le nom contient «\u202f{name}\u202f»").format(
                name=setting.removeprefix("pcsc:")
            )
        return self.tr("Premier lecteur PC/SC trouvé")

    def _show_printer(self) -> None:
        status = self._bridge.printer
        state = {
            PrinterState.READY: self.tr("Prête, papier en place"),
            PrinterState.PAPER_LOW: self.tr("Papier bientôt épuisé"),
            PrinterState.PAPER_OUT: self.tr("Plus de papier"),
            PrinterState.OFFLINE: self.tr("Hors ligne (capot ouvert ou erreur)"),
            PrinterState.UNREACHABLE: self.tr("Injoignable"),
            PrinterState.SILENT: self.tr("Ne répond pas"),
            PrinterState.UNKNOWN: self.tr("État inconnu"),
            PrinterState.NOT_CONFIGURED: self.tr("Aucune imprimante configurée"),
        }[status.state]
        if self._simulated_printer():
            where = self.tr("Imprimante simulée\u202f: les tickets s’affichent à l’écran")
        elif self._settings.printer == "none":
            where = self.tr("Réglage «\u202fprinter\u202f»\u202f: aucune")
        else:
            where = self._settings.printer  # the link (tcp://…, serial:…), as staff set it
        explain = {
            PrinterState.SILENT: self.tr("Connectée, mais ne dit pas si elle a du papier"),
            PrinterState.UNKNOWN: self.tr("Cette connexion ne permet pas de lire son état"),
            PrinterState.UNREACHABLE: self.tr("Vérifiez le câble, l’alimentation ou le réseau"),
            PrinterState.PAPER_OUT: self.tr("Remettez un rouleau\u202f: les tickets attendent"),
        }.get(status.state, "")
        if status.staff_reason:
            explain = status.staff_reason  # the precise cause, in staff words
        level = _PRINTER_LEVELS.get(status.state, Level.ERROR)
        self.printer.set_state(level, state, where, explain)

    def _show_scanner(self) -> None:
        last = self._bridge.last_scan
        if last is None:
            seen = self.tr("Aucun code lu depuis le démarrage")
        else:
            source = {
                ScanSource.WEDGE: self.tr("douchette"),
                ScanSource.CAMERA: self.tr("caméra"),
            }.get(ScanSource(last.source), self.tr("simulation"))
            seen = self.tr("Dernier code\u202f: {time}, {source}, «\u202f{start}…\u202f»").format(
                time=clock_time(last.at), source=source, start=last.start
            )
        self.scanner.set_state(Level.OK, self.tr("À l’écoute"), self._scanner_setup(), seen)

    def _scanner_setup(self) -> str:
        """What the kiosk expects of the scanner, to compare with how it was programmed."""
        settings = self._settings
        suffix = {
            "return_or_tab": self.tr("Entrée ou Tab"),
            "return": self.tr("Entrée"),
            "tab": self.tr("Tab"),
            "none": self.tr("aucun"),
        }.get(settings.scanner_suffix, settings.scanner_suffix)
        if settings.scanner_prefix:
            return self.tr(
                "Clavier, préfixe «\u202f{prefix}\u202f», suffixe {suffix}, {gap} ms"
            ).format(prefix=settings.scanner_prefix, suffix=suffix, gap=settings.scanner_max_gap_ms)
        return self.tr("Clavier, suffixe {suffix}, {gap} ms au plus").format(
            suffix=suffix, gap=settings.scanner_max_gap_ms
        )

    def _show_camera(self) -> None:
        status = self._bridge.camera
        state = {
            CameraState.DISABLED: self.tr("Désactivée"),
            CameraState.NO_CAMERA: self.tr("Aucune caméra trouvée"),
            CameraState.STARTING: self.tr("Démarrage…"),
            CameraState.ACTIVE: self.tr("Active\u202f: lit les QR codes présentés"),
            CameraState.FAILED: self.tr("En erreur"),
        }[status.state]
        detail = {
            CameraState.DISABLED: self.tr("SMARTCORNER_CAMERA=1 pour l’activer"),
            CameraState.NO_CAMERA: self.tr(
                "Branchez une caméra USB\u202f: elle sera prise en compte"
            ),
        }.get(status.state, status.detail)
        self.camera.set_state(_CAMERA_LEVELS.get(status.state, Level.ERROR), state, detail)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Matériel"))
        self.subtitle.setText(self.tr("État des appareils de ce kiosque, en direct"))
        self.reader.title.setText(self.tr("Lecteur de badges"))
        self.printer.title.setText(self.tr("Imprimante de tickets"))
        self.scanner.title.setText(self.tr("Lecteur de QR codes"))
        self.camera.title.setText(self.tr("Caméra"))
        self.back.setText(self.tr("Retour"))
        self.refresh()

    def shown(self) -> None:
        self.refresh()
        self.ask_printer_status()
        self._refresh.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self._refresh.stop()
        super().hideEvent(event)

    def reset(self) -> None:
        self._refresh.stop()
