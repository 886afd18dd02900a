"""« Annonces », from the administration screen (behind its PIN): staff type a banner on the
on-screen keyboard, choose how long and where it shows, publish it, and withdraw the ones in
force. The database work runs on the worker (callables given by the composition root); the
banner reaches this kiosk's screens at once and the others' at their next refresh."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain import PARIS
from kiosk.ports import Clock
from ui.formatting import day_and_month, in_english
from ui.screens.base import Screen
from ui.speech.phrase import Phrase, phrases
from ui.tasks import BackgroundExecutor
from ui.theme import ThemeController, named
from ui.widgets.buttons import TouchButton
from ui.widgets.icon_label import IconLabel
from ui.widgets.keyboard import Capitalise, OnScreenKeyboard, fit_page_margins
from ui.widgets.screen_heading import screen_heading

if TYPE_CHECKING:
    from kiosk.announcements.service import Banner

MAX_TEXT = 200  # kiosk.announcements.service.MAX_TEXT (not imported: the database layer)
SHOWN = 3  # the banners in force listed beside the field


SQUARE_RATIO = 1.5  # narrower than 3:2 in landscape: the option chips above the field


@dataclass(frozen=True)
class EditorBackend:
    """What the screen asks of the database, each on the worker thread."""

    load: Callable[[datetime], list[Banner]]  # the banners not ended yet
    publish: Callable[[str, datetime, datetime, bool], Banner]  # text, from, to, this kiosk only
    withdraw: Callable[[int, datetime], bool]


def _gist(text: str, length: int = 48) -> str:
    """The start of a banner, enough for staff to know which one it is (the kiosks show it
    whole): the list beside the keyboard has the room of two or three lines each."""
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _end_of_day(now: datetime, days: int) -> datetime:
    """Midnight (Paris) after ``days`` more days: « aujourd’hui » ends tonight."""
    local = now.astimezone(PARIS)
    return datetime.combine(local.date() + timedelta(days=days + 1), datetime.min.time(), PARIS)


class AnnouncementsScreen(Screen):
    key = "announcements"

    DURATIONS = (0, 2, 6)  # today, 3 days, a week (days after today)

    def __init__(
        self,
        backend: EditorBackend,
        executor: BackgroundExecutor,
        clock: Clock,
        theme: ThemeController,
        on_changed: Callable[[], None] = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._backend, self._executor, self._clock = backend, executor, clock
        self._theme = theme
        self._on_changed = on_changed
        self._banners: list[Banner] = []
        icon = IconLabel(theme, "speakerphone", 64, colour="accent", stroke=1.75)
        heading = screen_heading(icon, wrap=True)
        self.title, self.subtitle = heading.title, heading.subtitle

        self.current_title = named(QLabel(), "announceCurrentTitle")
        self.rows: list[tuple[QLabel, TouchButton]] = []
        current = QVBoxLayout()
        current.setSpacing(8)
        current.addWidget(self.current_title)
        for n in range(SHOWN):
            text = named(QLabel(), "announceCurrent")
            text.setWordWrap(True)
            # the cross alone (named for the narrator): the text beside it has the room
            remove = TouchButton(theme, "x", role="secondary", icon_size=32)
            remove.setObjectName("announceWithdraw")
            remove.clicked.connect(lambda _=False, n=n: self._withdraw(n))
            row = QHBoxLayout()
            row.setSpacing(16)
            row.addWidget(text, 1)
            row.addWidget(remove)
            current.addLayout(row)
            self.rows.append((text, remove))

        self.field = named(QLineEdit(), "announceText")
        self.field.setMaxLength(MAX_TEXT)
        self.field.textChanged.connect(self._update)
        self.durations = QButtonGroup(self)
        self.places = QButtonGroup(self)
        # how long and where: a column of chips beside the keyboard in landscape, above it
        # in portrait (a 1366x768 panel has no height to spare for a row of five)
        options = self._options = QGridLayout()
        for n, _days in enumerate(self.DURATIONS):
            chip = TouchButton(theme, role="chip")
            chip.setCheckable(True)
            self.durations.addButton(chip, n)
            options.addWidget(chip, 0, n)
        for n in range(2):  # this kiosk, every kiosk
            chip = TouchButton(theme, role="chip")
            chip.setCheckable(True)
            self.places.addButton(chip, n)
            options.addWidget(chip, 1, n, 1, 1 + n)
        self.message = named(QLabel(), "announceMessage")
        self.message.setWordWrap(True)
        self.keyboard = OnScreenKeyboard(theme, capitalise=Capitalise.SENTENCE)
        self.keyboard.set_target(self.field)
        self.keyboard.submitted.connect(self.publish)

        self._options_box = QWidget()  # moved above the field on a 5:4 panel (_resizeEvent_)
        self._options_box.setLayout(options)
        options.setContentsMargins(0, 0, 0, 0)
        side = self._side = QVBoxLayout()
        side.setSpacing(12)
        side.addLayout(current)
        side.addWidget(self._options_box)
        side.addWidget(self.message)
        side.addStretch(1)
        typing = self._typing = QVBoxLayout()
        typing.setSpacing(12)
        typing.addStretch(0)  # portrait: the field sits on the keyboard, under the options
        typing.addWidget(self.field)
        typing.addStretch(1)  # landscape: the field level with the list, the keys low
        typing.addWidget(self.keyboard)
        body = self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        body.setSpacing(32)
        body.addLayout(side, 2)
        body.addLayout(typing, 5)  # the keyboard's action key keeps its word (« Publish »)
        column = self._column = QVBoxLayout(self)
        column.addLayout(heading.layout)
        column.addLayout(body, 1)
        theme.changed.connect(self._fit)
        self._fit()
        self.reset()

    def _fit(self) -> None:
        fit_page_margins(self, self._column, self._theme, top=32, bottom=16, spacing=14)
        self._options.setSpacing(self._theme.tokens.px(12))

    def resizeEvent(self, event: QResizeEvent) -> None:
        portrait = event.size().height() > event.size().width()
        # a 5:4 panel (1280x1024): the chips beside the list took the keyboard's width and
        # left its keys 13 mm wide; they go over the field, the list keeps the side
        width, height = event.size().width(), event.size().height()
        square = not portrait and width < height * SQUARE_RATIO
        box = self._options_box
        home, away = (self._typing, self._side) if square else (self._side, self._typing)
        if home.indexOf(box) < 0:
            away.removeWidget(box)
            home.insertWidget(1, box)  # under the list, or over the field
        self._body.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self._body.setStretch(0, 0 if portrait else 2)
        self._body.setStretch(1, 1 if portrait else 5)
        self._typing.setStretch(0, 1 if portrait else 0)
        self._typing.setStretch(self._typing.indexOf(self.field) + 1, 0 if portrait else 1)
        self._fit()
        super().resizeEvent(event)

    # -- flow -------------------------------------------------------------------------------

    def reset(self) -> None:
        self.field.clear()
        self.keyboard.reset()
        self.durations.button(1).setChecked(True)
        self.places.button(1).setChecked(True)
        self.message.clear()
        self.retranslate()

    def shown(self) -> None:
        self.reset()
        self._load()

    def _load(self) -> None:
        now, load = self._clock.now(), self._backend.load
        self._executor.submit(lambda: load(now), self._loaded, self._failed)

    def _loaded(self, banners: list[Banner]) -> None:
        self._banners = list(banners)
        self._show_current()

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(
            self.tr("Les annonces ne sont pas disponibles\u202f: {why}").format(why=exc)
        )

    def publish(self) -> None:
        text = " ".join(self.field.text().split())
        if not text:
            self.message.setText(self.tr("Tapez d’abord le texte de l’annonce."))
            return
        now = self._clock.now()
        ends = _end_of_day(now, self.DURATIONS[max(0, self.durations.checkedId())])
        here_only = self.places.checkedId() == 0
        publish = self._backend.publish
        self.keyboard.setEnabled(False)
        self._executor.submit(
            lambda: publish(text, now, ends, here_only), self._published, self._refused
        )

    def _published(self, banner: Banner) -> None:
        self.keyboard.setEnabled(True)
        self.field.clear()
        self.message.setText(
            self.tr("Annonce publiée jusqu’au {day}.").format(day=self._until(banner.ends_at))
        )
        self._on_changed()
        self._load()

    def _refused(self, exc: BaseException) -> None:
        self.keyboard.setEnabled(True)
        self.message.setText(self.tr("Annonce refusée\u202f: {why}").format(why=exc))

    def _withdraw(self, n: int) -> None:
        if n >= len(self._banners):
            return
        banner, now, withdraw = self._banners[n], self._clock.now(), self._backend.withdraw
        self._executor.submit(lambda: withdraw(banner.id, now), self._withdrawn, self._failed)

    def _withdrawn(self, _ended: bool) -> None:
        self.message.setText(self.tr("Annonce retirée."))
        self._on_changed()
        self._load()

    # -- showing ----------------------------------------------------------------------------

    @staticmethod
    def _until(ends_at: datetime) -> str:
        """The last day shown: a banner ending at midnight is shown « jusqu’au » the day before."""
        return day_and_month(ends_at - timedelta(minutes=1))

    def _show_current(self) -> None:
        english = in_english()
        shown = self._banners[:SHOWN]
        for (text, remove), banner in zip(self.rows, [*shown, *[None] * SHOWN], strict=False):
            text.setVisible(banner is not None)
            remove.setVisible(banner is not None)
            if banner is not None:
                where = (
                    self.tr("toutes les bornes") if not banner.kiosks else self.tr("cette borne")
                )
                quoted = self.tr("«\u202f{text}\u202f»").format(text=_gist(banner.text_in(english)))
                text.setText(
                    f"{quoted} — {where}, "
                    + self.tr("jusqu’au {day}").format(day=self._until(banner.ends_at))
                )
        self.current_title.setText(
            self.tr("Annonces en cours") if shown else self.tr("Aucune annonce en cours.")
        )

    def _update(self) -> None:
        self.keyboard.setEnabled(True)

    def spoken(self) -> list[Phrase]:
        return phrases(self.title.text(), self.current_title.text(), self.message.text())

    def retranslate(self) -> None:
        self.title.setText(self.tr("Annonces"))
        self.subtitle.setText(self.tr("Un bandeau en haut de l’écran d’accueil des bornes"))
        self.field.setPlaceholderText(
            self.tr("Par exemple\u202f: Le Smart Corner sera fermé le 24/12")
        )
        for n, label in enumerate(
            (self.tr("Aujourd’hui"), self.tr("3 jours"), self.tr("1 semaine"))
        ):
            self.durations.button(n).setText(label)
        self.places.button(0).setText(self.tr("Cette borne"))
        self.places.button(1).setText(self.tr("Toutes les bornes"))
        for _text, remove in self.rows:
            remove.setAccessibleName(self.tr("Retirer"))
            remove.setToolTip(self.tr("Retirer"))
        self.keyboard.set_action_label(self.tr("Publier"))
        self.keyboard.retranslate()
        self._show_current()
