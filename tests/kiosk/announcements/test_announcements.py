"""Announcements: what staff may put up, where and when each one shows, withdrawing one, and
the ``smartcorner announce`` and ``smartcorner import tour`` commands."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from kiosk.announcements.service import (
    AnnouncementRefused,
    announce,
    announcements,
    banners_for,
    withdraw,
)
from kiosk.db.engine import make_session_factory
from kiosk.settings import Profile
from tests.helpers.checkin_world import NOW, build_world
from ui.cli.main import main

HOUR = timedelta(hours=1)


def test_each_banner_shows_in_its_window_on_the_kiosks_it_names(engine: Engine) -> None:
    with Session(engine) as s, s.begin():
        everywhere = announce(s, "Fermé le 24/12", NOW, NOW + 48 * HOUR, NOW, text_en="Closed")
        store = announce(s, "Inventaire", NOW + HOUR, NOW + 2 * HOUR, NOW,
                         profiles=(Profile.STORE,))  # fmt: skip
        one = announce(s, "Borne déplacée", NOW, NOW + HOUR, NOW, kiosks=("k1 ", "K2"))
    with Session(engine) as s:
        for_room = banners_for(s, NOW, Profile.ROOM, "K1")
        assert [b.id for b in for_room] == [everywhere.id, one.id]
        assert [b.id for b in banners_for(s, NOW, Profile.STORE, "K9")] == [everywhere.id, store.id]
    assert everywhere.text_in(english=True) == "Closed"
    assert store.text_in(english=True) == "Inventaire"  # no English given: the French
    assert not store.shown_at(NOW)  # read now, shown from its start
    assert store.shown_at(NOW + HOUR)
    assert not store.shown_at(NOW + 2 * HOUR)  # its end is not part of it
    assert one.kiosks == ("K1", "K2")


def test_what_cannot_be_put_up(engine: Engine) -> None:
    with Session(engine) as s:
        for text, starts, ends, why in (
            ("   ", NOW, NOW + HOUR, "empty"),
            ("x" * 201, NOW, NOW + HOUR, "longer than 200"),
            ("Fermé", NOW, NOW - HOUR, "ends before it starts"),
            ("Fermé", NOW - 3 * HOUR, NOW - HOUR, "before anyone sees it"),
        ):
            with pytest.raises(AnnouncementRefused, match=why):
                announce(s, text, starts, ends, NOW)
        assert announcements(s, NOW) == []


def test_a_withdrawn_banner_ends_now_and_stays_on_record(engine: Engine) -> None:
    with Session(engine) as s, s.begin():
        banner = announce(s, "Fermé  le\n24/12", NOW, NOW + 48 * HOUR, NOW)
    assert banner.text == "Fermé le 24/12"  # typed over two lines: one line on screen
    later = NOW + HOUR
    with Session(engine) as s, s.begin():
        assert withdraw(s, banner.id, later)
        assert not withdraw(s, banner.id, later)  # already ended
        assert not withdraw(s, 999, later)
    with Session(engine) as s:
        assert announcements(s, later) == []
        kept = announcements(s, later, ended=True)
        assert [b.ends_at for b in kept] == [later]


@pytest.fixture
def cli_db(
    engine: Engine, sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Engine:
    build_world(make_session_factory(engine))
    monkeypatch.setenv("SMARTCORNER_DB", sqlite_url)
    monkeypatch.setenv("SMARTCORNER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SMARTCORNER_CONFIG", "")
    return engine


def test_announce_from_the_command_line(cli_db: Engine, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["announce", "add", "Le Smart Corner sera fermé le 24/12",
                 "--en", "Closed on 24/12", "--from", "01/12/2099", "--to", "25/12/2099",
                 "--profile", "room", "--kiosk", "k1"]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert out.startswith("announcement 1: 01/12/2099 00:00 → 25/12/2099 00:00")
    assert main(["announce", "list"]) == 0
    listed = capsys.readouterr().out
    assert "[room,K1]  Le Smart Corner sera fermé le 24/12" in listed
    assert main(["announce", "add", "  ", "--to", "25/12/2099"]) == 2
    assert "the text is empty" in capsys.readouterr().err
    assert main(["announce", "add", "x", "--to", "le 25"]) == 2
    assert "not a date" in capsys.readouterr().err
    assert main(["announce", "remove", "1"]) == 0
    assert main(["announce", "remove", "1"]) == 1
    assert "no announcement 1 in force" in capsys.readouterr().err
    assert main(["announce", "list"]) == 0
    assert "no announcement" in capsys.readouterr().out
    with Session(cli_db) as s:
        kept = announcements(s, datetime(2000, 1, 1, tzinfo=UTC), ended=True)
    assert len(kept) == 1  # withdrawn, on record


def test_import_tour_from_the_command_line(
    cli_db: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "tour.csv"
    plan.write_text("date;site;start;end;offer\n12/01/2099;MENT;9h;16h;Café numérique\n",
                    encoding="utf-8")  # fmt: skip
    assert main(["import", "tour", str(plan), "--dry-run"]) == 0
    assert "would import: 1 created" in capsys.readouterr().out
    assert main(["import", "tour", str(plan)]) == 0
    assert main(["tour"]) == 0
    out = capsys.readouterr().out
    assert "12/01/2099 09:00–16:00  MENT         Menton  Café numérique" in out
    bad = tmp_path / "bad.csv"
    bad.write_text("date;site;start;end\n13/01/2099;NOWHERE;9h;16h\n", encoding="utf-8")
    assert main(["import", "tour", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "line 2: site 'NOWHERE' is not in the database" in err
    assert "1 error(s), nothing imported" in err
    assert main(["import", "tour", str(tmp_path / "missing.csv")]) == 2
