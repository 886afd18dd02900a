"""``smartcorner sync`` run as an operator would on a brand-new Smart Tour kiosk."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.test_cli import env, smartcorner  # noqa: F401  (the fixture)


def test_sync_without_central_db_says_which_setting(env: dict[str, str]) -> None:  # noqa: F811
    result = smartcorner(env, "sync")
    assert result.returncode == 2
    assert "central_db" in result.stderr


def test_first_sync_pulls_the_site_then_names_the_kiosk(
    env: dict[str, str],  # noqa: F811
    tmp_path: Path,
) -> None:
    central = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    assert smartcorner({**env, "SMARTCORNER_DB": central}, "demo").returncode == 0
    tour = {
        **env,
        "SMARTCORNER_CENTRAL_DB": central,
        "SMARTCORNER_PROFILE": "tour",
        "SMARTCORNER_KIOSK_CODE": "TOUR-1",
        "SMARTCORNER_SITE": "NICE-LEP",
    }
    first = smartcorner(tour, "sync")
    assert first.returncode == 0, first.stderr
    assert "pulled: " in first.stdout
    assert " person" in first.stdout
    assert " catalogue_item" in first.stdout  # the demo's Click & Collect comes down too
    assert " collect_order" in first.stdout
    assert " order_line" in first.stdout
    assert "0 records to push" in first.stdout
    # the gallery's pictures, as files of the data folder (one SVG per demo project)
    assert "project pictures and videos: 12 downloaded" in first.stdout
    again = smartcorner(tour, "sync")
    assert again.returncode == 0, again.stderr
    assert "project pictures" not in again.stdout  # nothing unchanged comes down again
    status = smartcorner(tour, "sync", "--status")
    assert "last success: " in status.stdout
    assert "never" not in status.stdout

    unreachable = smartcorner(
        {**tour, "SMARTCORNER_CENTRAL_DB": "postgresql+psycopg://kiosk@127.0.0.1:9/none"}, "sync"
    )
    assert unreachable.returncode == 1
    assert "unreachable" in unreachable.stderr
