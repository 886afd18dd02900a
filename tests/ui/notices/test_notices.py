"""Staff's banners and the Smart Tour's stops on the real shell, read from the kiosk's own
database after the first paint: where they show, in which language, in their window only, what
the narrator says, and that they fit the small, the portrait and the 4K panel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.announcements.service import announce
from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.db.migrate import ensure_schema
from kiosk.db.models import Site
from kiosk.domain import PARIS
from kiosk.itinerary.importer import stop_ref
from kiosk.itinerary.tables import TourStop
from kiosk.ports import FixedClock
from kiosk.settings import Language, Settings
from tests.ui.conftest import NOW
from tests.ui.test_screen_sizes import PANELS, problems, settle_layout
from ui.formatting import clock_time, time_range
from ui.widgets.icon_label import IconLabel

CLOSED = "Le Smart Corner sera fermé le 24/12 : l’équipe vous retrouve le 28/12 à 9 h."
CLOSED_EN = "The Smart Corner will be closed on 24/12."
LATER = "Inventaire du matériel cet après-midi : retraits possibles à partir de 16 h."
HOUR = timedelta(hours=1)


@pytest.fixture
def notices_db(kiosk_settings: Settings) -> None:
    """A banner in force now, one for this afternoon, and two stops of the tour."""
    engine = create_db_engine(kiosk_settings.database_url)
    ensure_schema(engine)
    with make_session_factory(engine).begin() as s:
        puget = Site(code="PUGET", name="Maison du Département", town="Puget-Théniers",
                     address="Place Adolphe Conil", is_smart_corner=False)  # fmt: skip
        s.add_all([puget, Site(code="CADAM", name="CADAM", town="Nice", address="x",
                               is_smart_corner=True)])  # fmt: skip
        s.flush()
        announce(s, CLOSED, NOW - HOUR, NOW + HOUR, NOW, text_en=CLOSED_EN)
        announce(s, LATER, NOW + 2 * HOUR, NOW + 3 * HOUR, NOW)
        for days, offer in ((1, "Café numérique et aide au poste de travail"), (8, "")):
            start = datetime.combine(NOW.date() + timedelta(days=days), time(9), PARIS)
            s.add(TourStop(ref=stop_ref("PUGET", start), site_id=puget.id, starts_at=start,
                           ends_at=start.replace(hour=16), offer=offer,
                           offer_en="Digital café" if offer else "", imported_at=NOW))  # fmt: skip
    engine.dispose()


def _loaded(shell: Any, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: bool(shell.notices.banners), timeout=15_000)


def test_the_banner_and_the_tour_show_where_and_when_they_should(
    notices_db: None, make_shell: Callable[..., Any], clock: FixedClock, qtbot: QtBot
) -> None:
    shell = make_shell()
    _loaded(shell, qtbot)
    attract = shell.attract
    assert attract.banner.isVisible()
    assert attract.banner.text.text() == CLOSED
    assert attract.tour.isVisible()
    # their icons, drawn the first time there is something to say
    for notice, name in ((attract.banner, "speakerphone"), (attract.tour, "truck-delivery")):
        icon = notice.findChild(IconLabel)
        assert icon is not None
        assert icon.icon_name == name
        assert icon.isVisible()
        assert icon.geometry().right() < notice.text.geometry().left()  # before the words
    tomorrow = (NOW + timedelta(days=1)).astimezone(PARIS)
    assert attract.tour.text.text().startswith("Le Smart Tour passe à Puget-Théniers ")
    assert f"{tomorrow.day} " in attract.tour.text.text()
    nine = datetime.combine(tomorrow.date(), time(9), PARIS)
    assert time_range(nine, nine.replace(hour=16)) in attract.tour.text.text()  # kiosk's clock
    assert CLOSED in [p.text for p in attract.spoken()]

    shell.router.go("home")
    home = shell.router.current
    assert home.banner.isVisible()
    assert home.banner.text.text() == CLOSED
    shell.session.set_language(Language.EN)
    qtbot.waitUntil(lambda: home.banner.text.text() == CLOSED_EN)
    shell.router.go("events")
    strip = shell.router.current.tour
    assert strip.isVisible()
    assert strip.title.text() == "The Smart Tour near you"
    shown = [line.text() for line in strip.lines if line.isVisible()]
    assert len(shown) == 2
    assert shown[0].endswith("\nPuget-Théniers\nDigital café")  # the offer in English

    # the clock moves on: the first banner's end, the second one's start (no new query)
    shell.session.set_language(Language.FR)
    shell.router.go("home")
    qtbot.waitUntil(lambda: home.banner.text.text() == CLOSED)
    clock.set(NOW + 90 * timedelta(minutes=1))
    shell.notices.check_windows()
    assert not home.banner.isVisible()
    clock.set(NOW + 2 * HOUR)
    shell.notices.check_windows()
    assert home.banner.isVisible()
    assert home.banner.text.text() == LATER


def test_the_tour_kiosk_says_where_it_is_today(
    notices_db: None, make_shell: Callable[..., Any], clock: FixedClock, qtbot: QtBot
) -> None:
    tomorrow_noon = datetime.combine(NOW.date() + timedelta(days=1), time(12), PARIS)
    clock.set(tomorrow_noon)
    shell = make_shell()
    qtbot.waitUntil(lambda: bool(shell.notices.stops), timeout=15_000)
    assert shell.attract.tour.text.text() == (
        f"Le Smart Tour est à Puget-Théniers aujourd’hui, jusqu’à "
        f"{clock_time(tomorrow_noon.replace(hour=16))}"
    )
    clock.set(tomorrow_noon + 5 * HOUR)  # the day's stop is over: the next one
    shell.notices.check_windows()
    assert shell.attract.tour.text.text().startswith("Le Smart Tour passe à Puget-Théniers ")


def test_nothing_to_announce_takes_no_room(
    make_shell: Callable[..., Any], qtbot: QtBot, qapp: QApplication
) -> None:
    shell = make_shell()
    qtbot.waitUntil(lambda: not shell.executor.pending, timeout=15_000)
    qapp.processEvents()
    assert not shell.attract.banner.isVisible()
    assert not shell.attract.tour.isVisible()
    # nor any icon drawn for them (the attract screen's start)
    assert shell.attract.banner.findChild(IconLabel) is None
    assert shell.attract.tour.findChild(IconLabel) is None


@pytest.mark.parametrize(
    "panel", PANELS,
    ids=lambda p: p.name,
)  # fmt: skip
def test_banner_and_tour_fit_the_panel(
    notices_db: None,
    make_shell: Callable[..., Any],
    qtbot: QtBot,
    qapp: QApplication,
    panel: Any,
) -> None:
    shell = make_shell()
    _loaded(shell, qtbot)
    metrics = panel.metrics
    shell.theme.set_screen(metrics)
    shell.window.resize(metrics.width, metrics.height)
    report: list[str] = []
    for lang in (Language.FR, Language.EN):
        for accessible in (False, True):
            shell.session.set_language(lang)
            shell.session.set_accessible(accessible)
            for key in ("attract", "home", "events"):
                if key == "attract":
                    shell.router.reset()
                else:
                    shell.router.go(key)
                settle_layout(shell.window, qapp)
                screen = shell.router.current
                where = f"{key} {lang.value} {'accessible' if accessible else 'normal'}"
                notices = [getattr(screen, n, None) for n in ("banner", "tour")]
                assert any(w is not None and w.isVisible() for w in notices), where
                report += [f"{where}: {p}" for p in problems(shell.window, screen, metrics)]
    assert not report, "\n".join(report)


def test_staff_put_up_and_withdraw_a_banner_from_the_administration(
    make_shell: Callable[..., Any], qtbot: QtBot, qapp: QApplication
) -> None:
    shell = make_shell()
    shell.router.go("announcements")
    editor = shell.router.current
    qtbot.waitUntil(lambda: editor.current_title.text() == "Aucune annonce en cours.")
    qtbot.mouseClick(editor.keyboard.action, Qt.MouseButton.LeftButton)
    assert editor.message.text() == "Tapez d’abord le texte de l’annonce."
    for char in "Fermé demain":
        if char == " ":
            qtbot.mouseClick(editor.keyboard.space, Qt.MouseButton.LeftButton)
        elif char == "é":
            editor.field.insert("é")  # the accents layer is the keyboard's own test's business
        else:
            qtbot.mouseClick(editor.keyboard.key_for(char), Qt.MouseButton.LeftButton)
    assert editor.field.text() == "Fermé demain"
    qtbot.mouseClick(editor.places.button(0), Qt.MouseButton.LeftButton)  # this kiosk only
    qtbot.mouseClick(editor.keyboard.action, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.message.text().startswith("Annonce publiée jusqu’au "))
    qtbot.waitUntil(lambda: editor.rows[0][0].isVisible())
    listed = editor.rows[0][0].text()
    assert listed.startswith("«\u202fFermé demain\u202f» — cette borne, jusqu’au ")
    # this kiosk's screens show it at once
    qtbot.waitUntil(lambda: [b.text for b in shell.notices.banners] == ["Fermé demain"])
    assert shell.attract.banner.text.text() == "Fermé demain"
    qtbot.mouseClick(editor.rows[0][1], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.message.text() == "Annonce retirée.")
    qtbot.waitUntil(lambda: not shell.notices.banners)
    qtbot.waitUntil(lambda: editor.current_title.text() == "Aucune annonce en cours.")
    assert shell.attract.banner.isHidden()


@pytest.mark.parametrize(
    "panel", PANELS,
    ids=lambda p: p.name,
)  # fmt: skip
def test_the_announcements_screen_fits_the_panel(
    notices_db: None, make_shell: Callable[..., Any], qtbot: QtBot, qapp: QApplication,
    panel: Any,
) -> None:  # fmt: skip
    shell = make_shell()
    metrics = panel.metrics
    shell.theme.set_screen(metrics)
    shell.window.resize(metrics.width, metrics.height)
    shell.router.go("announcements")
    editor = shell.router.current
    report: list[str] = []
    for lang in (Language.FR, Language.EN):
        for accessible in (False, True):
            shell.session.set_language(lang)
            shell.session.set_accessible(accessible)
            qtbot.waitUntil(lambda: editor.rows[1][0].isVisible())  # the two banners in force
            settle_layout(shell.window, qapp)
            where = f"{lang.value} {'accessible' if accessible else 'normal'}"
            report += [f"{where}: {p}" for p in problems(shell.window, editor, metrics)]
            report += [f"{where}: {w.objectName()} hidden" for w in (
                editor.keyboard.action, editor.field, editor.places.button(1),
                editor.durations.button(2), editor.rows[0][1]) if not w.isVisible()]  # fmt: skip
    assert not report, "\n".join(report)
