"""Dates, times, figures and domain labels as the screens say them.

Dates and figures follow the default QLocale, which :class:`ui.i18n.LanguageSwitcher` sets with
the language of the session; pass ``locale`` to format for another one.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from kiosk.domain import EventKind, UpcomingEvent
from kiosk.settings import Language
from kiosk.text import NBSP, format_number, format_percent

_LOCALES = {
    Language.FR: (QLocale.Language.French, QLocale.Country.France),
    Language.EN: (QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


def qlocale(lang: Language) -> QLocale:
    language, country = _LOCALES[lang]
    return QLocale(language, country)


def _english(locale: QLocale | None) -> bool:
    return (locale or QLocale()).language() == QLocale.Language.English


def in_english() -> bool:
    """True while the kiosk speaks English (the language switch sets the default locale):
    imported texts then show their English columns."""
    return _english(None)


def _to_english(french: str) -> str:
    """``12 345,6`` -> ``12,345.6`` (the sign and the digits stay)."""
    return french.replace(",", "\0").replace(NBSP, ",").replace("\0", ".")


def figure(value: float, decimals: int = 0, locale: QLocale | None = None) -> str:
    """``12 345`` in French (non-breaking space, decimal comma), ``12,345`` in English."""
    french = format_number(value, decimals)
    return _to_english(french) if _english(locale) else french


def percent(value: float | None, *, signed: bool = True, locale: QLocale | None = None) -> str:
    """``+123 %`` in French, ``+123%`` in English; ``n/a`` without a value."""
    french = format_percent(value, signed=signed)
    if not _english(locale) or value is None:
        return french
    return _to_english(french.removesuffix(NBSP + "%")) + "%"


def _local(moment: datetime) -> datetime:
    return moment.astimezone()  # the kiosk shows the time of the place it stands in


def _qdate(moment: datetime) -> QDate:
    local = _local(moment)
    return QDate(local.year, local.month, local.day)


def long_date(moment: datetime, locale: QLocale | None = None) -> str:
    """'lundi 23 novembre 2026' / 'Monday 23 November 2026'."""
    return (locale or QLocale()).toString(_qdate(moment), "dddd d MMMM yyyy")


def day_and_month(moment: datetime, locale: QLocale | None = None) -> str:
    """'jeudi 26 novembre' / 'Thursday 26 November'."""
    return (locale or QLocale()).toString(_qdate(moment), "dddd d MMMM")


def weekday_short(moment: datetime, locale: QLocale | None = None) -> str:
    """'jeu.' / 'Thu'."""
    return (locale or QLocale()).toString(_qdate(moment), "ddd")


def month_short(moment: datetime, locale: QLocale | None = None) -> str:
    """'nov.' / 'Nov'."""
    return (locale or QLocale()).toString(_qdate(moment), "MMM")


def clock_time(moment: datetime) -> str:
    """'14:05' in both languages: the kiosk stands in France."""
    return f"{_local(moment):%H:%M}"


def time_range(start: datetime, end: datetime) -> str:
    return f"{clock_time(start)} – {clock_time(end)}"


def same_day(a: datetime, b: datetime) -> bool:
    return _local(a).date() == _local(b).date()


def kind_label(kind: EventKind) -> str:
    """The event kind in the screen's language (English mode has no French left in it)."""
    labels = {
        EventKind.MASTERCLASS: QCoreApplication.translate("EventKind", "Masterclass"),
        EventKind.TABLE_RONDE: QCoreApplication.translate("EventKind", "Table ronde"),
        EventKind.ATELIER_TECHNOLOGIQUE: QCoreApplication.translate(
            "EventKind", "Atelier technologique"
        ),
        EventKind.CAFE_NUMERIQUE: QCoreApplication.translate("EventKind", "Café numérique"),
        EventKind.FORMATION: QCoreApplication.translate("EventKind", "Formation"),
    }
    return labels[kind]


KIND_ICONS = {
    EventKind.MASTERCLASS: "presentation",
    EventKind.TABLE_RONDE: "users-group",
    EventKind.ATELIER_TECHNOLOGIQUE: "device-laptop",
    EventKind.CAFE_NUMERIQUE: "coffee",
    EventKind.FORMATION: "school",
}


def seats_label(event: UpcomingEvent) -> str | None:
    if event.seats_left is None:
        return None
    if event.seats_left <= 0:
        return QCoreApplication.translate("EventCard", "Complet")
    if event.seats_left == 1:
        return QCoreApplication.translate("EventCard", "1 place restante")
    return QCoreApplication.translate("EventCard", "{n} places restantes").format(
        n=event.seats_left
    )
