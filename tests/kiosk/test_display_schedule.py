"""Opening hours of the screen: parsing, the days and times it is lit, and the settings keys."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest

from kiosk.display_schedule import (
    ALL_DAYS,
    DisplayHours,
    DisplaySchedule,
    parse_days,
    parse_hours,
)
from kiosk.settings import SettingsError, load_settings

MONDAY = datetime(2026, 11, 23)  # a Monday
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def at(day: int, hhmm: str) -> datetime:
    h, m = map(int, hhmm.split(":"))
    return MONDAY + timedelta(days=day, hours=h, minutes=m)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("07:30-19:00", DisplayHours(time(7, 30), time(19, 0))),
        (" 7:30 - 19:00 ", DisplayHours(time(7, 30), time(19, 0))),
        ("22:00-06:00", DisplayHours(time(22, 0), time(6, 0))),
        ("08:00-24:00", DisplayHours(time(8, 0), None)),
        ("", None),
        ("always", None),
    ],
)
def test_parse_hours(text: str, expected: DisplayHours | None) -> None:
    assert parse_hours(text) == expected


@pytest.mark.parametrize(
    "text", ["07:30", "7h30-19h", "25:00-26:00", "07:60-08:00", "08:00-24:30", "09:00-09:00"]
)
def test_parse_hours_refuses(text: str) -> None:
    with pytest.raises(ValueError, match=re.escape(text)):
        parse_hours(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mon-fri", {MON, TUE, WED, THU, FRI}),
        ("lun-ven,sam", {MON, TUE, WED, THU, FRI, SAT}),
        ("Mon, Wed ,FRI", {MON, WED, FRI}),
        ("sat-mon", {SAT, SUN, MON}),
        ("dimanche", {SUN}),
        ("all", set(ALL_DAYS)),
        ("", set(ALL_DAYS)),
    ],
)
def test_parse_days(text: str, expected: set[int]) -> None:
    assert parse_days(text) == expected


@pytest.mark.parametrize("text", ["weekdays", "mon-fri-sat", "mon,,fri", "lundi-"])
def test_parse_days_refuses(text: str) -> None:
    with pytest.raises(ValueError, match=re.escape(text)):
        parse_days(text)


def test_office_hours_on_weekdays() -> None:
    schedule = DisplaySchedule(parse_hours("07:30-19:00"), parse_days("mon-fri"))
    assert not schedule.is_on(at(MON, "07:29"))
    assert schedule.is_on(at(MON, "07:30"))
    assert schedule.is_on(at(FRI, "18:59"))
    assert not schedule.is_on(at(FRI, "19:00"))
    assert not schedule.is_on(at(SAT, "10:00"))
    assert not schedule.is_on(at(SUN, "10:00"))


def test_overnight_hours_belong_to_the_day_they_start() -> None:
    """A late event space lit Friday evening to 02:00 is lit early Saturday, not early Monday."""
    schedule = DisplaySchedule(parse_hours("18:00-02:00"), parse_days("fri"))
    assert schedule.is_on(at(FRI, "23:00"))
    assert schedule.is_on(at(SAT, "01:59"))
    assert not schedule.is_on(at(SAT, "02:00"))
    assert not schedule.is_on(at(FRI, "17:59"))
    assert not schedule.is_on(at(FRI, "01:00"))  # the night from Thursday
    assert not schedule.is_on(at(SAT, "18:30"))


def test_days_only_and_always() -> None:
    assert DisplaySchedule().always_on
    assert all(DisplaySchedule().is_on(at(d, "03:00")) for d in range(7))
    weekdays = DisplaySchedule(None, parse_days("mon-fri"))
    assert not weekdays.always_on
    assert weekdays.is_on(at(TUE, "03:00"))
    assert not weekdays.is_on(at(SUN, "12:00"))


def test_aware_times_are_read_in_their_own_zone() -> None:
    schedule = DisplaySchedule(parse_hours("07:30-19:00"), ALL_DAYS)
    local = at(MON, "08:00").astimezone()  # the machine's zone, as SystemClock gives it
    assert schedule.is_on(local)


def test_settings_from_toml_and_environment(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('display_hours = "07:30-19:00"\ndisplay_days = "lun-ven"\n')
    env = {"SMARTCORNER_CONFIG": str(config), "SMARTCORNER_DATA_DIR": str(tmp_path)}
    settings = load_settings(env)
    assert settings.display_schedule == DisplaySchedule(
        DisplayHours(time(7, 30), time(19)), frozenset({MON, TUE, WED, THU, FRI})
    )
    settings = load_settings({**env, "SMARTCORNER_DISPLAY_HOURS": ""})
    assert settings.display_hours is None
    assert load_settings({"SMARTCORNER_DATA_DIR": str(tmp_path)}).display_schedule.always_on


def test_bad_display_setting_names_the_key(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('display_hours = "7h30 à 19h"\n')
    with pytest.raises(SettingsError, match=r"key 'display_hours': invalid value '7h30 à 19h'"):
        load_settings({"SMARTCORNER_CONFIG": str(config), "SMARTCORNER_DATA_DIR": str(tmp_path)})
    with pytest.raises(SettingsError, match="SMARTCORNER_DISPLAY_DAYS"):
        load_settings({"SMARTCORNER_DISPLAY_DAYS": "weekdays", "SMARTCORNER_DATA_DIR": "x"})
