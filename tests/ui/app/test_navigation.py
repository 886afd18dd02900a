"""The kiosk starts on the attract screen, a tap opens Home, tiles follow the profile."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot

from kiosk.settings import Profile
from ui.app.registry import TileRegistry
from ui.events.capability import EVENTS
from ui.host import Capability
from ui.theme import Area


def tap(qtbot: QtBot, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_starts_on_the_attract_screen_without_the_bottom_bar(shell: Any) -> None:
    assert shell.router.current_key == "attract"
    assert shell.router.current is shell.attract
    assert not shell.window.bottom_bar.isVisible()
    assert shell.attract.touch.text() == "Touchez l’écran pour commencer"


def test_only_the_attract_screen_is_built_at_start(shell: Any) -> None:
    assert [s.key for s in shell.router.built_screens()] == ["attract"]


def test_attract_shows_french_date_and_time(shell: Any) -> None:
    assert shell.attract.clock.text() == "14:27"
    assert shell.attract.date.text() == "lundi 23 novembre 2026"


@pytest.mark.parametrize("profile", list(Profile))
def test_a_tap_opens_home_with_the_tiles_of_the_profile(
    qtbot: QtBot, make_shell: Callable[..., Any], profile: Profile
) -> None:
    shell = make_shell(profile=profile)
    tap(qtbot, shell.attract)
    assert shell.router.current_key == "home"
    home = shell.router.current
    expected = {
        Profile.STORE: [
            "collect",
            "documents",
            "catalogue",
            "projects",
            "events",
            "help",
            "myspace",
        ],
        Profile.ROOM: ["documents", "projects", "events", "door", "myspace"],
        Profile.TOUR: [
            "collect",
            "documents",
            "catalogue",
            "projects",
            "events",
            "door",
            "myspace",
        ],
    }[profile]
    assert [tile.capability.key for tile in home.tiles] == expected
    titles = {
        "events": "Événements",
        "door": "Accueil événement",
        "help": "Besoin d’aide\u202f?",
        "collect": "Retrait Click & Collect",
        "documents": "Kiosque numérique",
        "myspace": "Mon espace",
        "catalogue": "Catalogue de services",
        "projects": "Projets numériques",
    }
    assert [tile.title.text() for tile in home.tiles] == [titles[k] for k in expected]
    assert home.hello.text() == "Bonjour\u202f!"
    assert shell.window.bottom_bar.isVisible()


def _capability(key: str, profiles: set[Profile], order: int) -> Capability:
    return Capability(
        key=key,
        area=Area.COLLECT,
        icon="id-badge-2",
        title=lambda: key.title(),
        subtitle=lambda: "",
        make_screen=EVENTS.make_screen,
        profiles=frozenset(profiles),
        order=order,
    )


@pytest.mark.parametrize(
    ("profile", "expected"),
    [
        (Profile.STORE, ["collect", "events", "help"]),
        (Profile.ROOM, ["events", "help"]),
        (Profile.TOUR, ["events"]),
    ],
)
def test_registered_capabilities_show_only_in_their_profiles(
    qtbot: QtBot, make_shell: Callable[..., Any], profile: Profile, expected: list[str]
) -> None:
    registry = TileRegistry(
        [
            EVENTS,
            _capability("collect", {Profile.STORE}, order=10),
            _capability("help", {Profile.STORE, Profile.ROOM}, order=30),
        ]
    )
    shell = make_shell(profile=profile, tiles=registry)
    tap(qtbot, shell.attract)
    assert [tile.capability.key for tile in shell.router.current.tiles] == expected


def test_a_capability_registers_once() -> None:
    registry = TileRegistry([EVENTS])
    with pytest.raises(ValueError, match="already registered"):
        registry.register(EVENTS)


def tile_of(home: Any, key: str) -> Any:
    return next(tile for tile in home.tiles if tile.capability.key == key)


def test_events_tile_opens_the_agenda_and_back_returns_home(qtbot: QtBot, shell: Any) -> None:
    tap(qtbot, shell.attract)
    bar = shell.window.bottom_bar
    assert not bar.back.isVisible()  # nothing to go back to from Home
    tap(qtbot, tile_of(shell.router.current, "events"))
    assert shell.router.current_key == "events"
    assert bar.back.isVisible()
    tap(qtbot, bar.back)
    assert shell.router.current_key == "home"


def test_accueil_clears_the_history(qtbot: QtBot, shell: Any) -> None:
    tap(qtbot, shell.attract)
    shell.router.go("events")
    tap(qtbot, shell.window.bottom_bar.home)
    assert shell.router.current_key == "home"
    assert not shell.router.can_go_back()


def test_bottom_bar_targets_are_big_enough(qtbot: QtBot, shell: Any) -> None:
    tap(qtbot, shell.attract)
    bar = shell.window.bottom_bar
    for button in (bar.home, bar.language, bar.accessible):
        assert button.height() >= 90
        assert button.font().pixelSize() >= 24  # 18 pt at 96 dpi
    # Nothing of the bar sits in the upper part of the screen.
    assert bar.mapTo(shell.window, bar.rect().topLeft()).y() > 900


def test_attract_content_drifts_against_burn_in(qtbot: QtBot, shell: Any) -> None:
    start = shell.attract.contentsMargins()
    shell.attract.drift.set_interval(5)
    qtbot.waitUntil(lambda: shell.attract.contentsMargins() != start)
    margins = shell.attract.contentsMargins()
    assert abs(margins.left() - start.left()) <= 14
    assert abs(margins.top() - start.top()) <= 14


def test_translated_strings_use_the_french_source_by_default() -> None:
    assert QCoreApplication.translate("EventKind", "Table ronde") == "Table ronde"


def test_screens_cross_fade_without_blocking_input(qtbot: QtBot, shell: Any) -> None:
    tap(qtbot, shell.attract)
    fade = shell.window.transition
    assert fade.running
    # Already on Home and taking taps while the old screen fades out.
    tap(qtbot, tile_of(shell.router.current, "events"))
    assert shell.router.current_key == "events"
    qtbot.waitUntil(lambda: not fade.running, timeout=2000)
