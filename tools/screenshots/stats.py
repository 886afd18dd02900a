"""Screenshots of Statistiques (``python -m tools.screenshots.main`` calls :func:`shoot_stats`): the
current quarter on the demo data set, in French (normal and accessible) and English, and
the quarter before."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.paths import Paths
from kiosk.ports import FixedClock
from kiosk.settings import Language, Profile, Settings
from tools.screenshots import panel as screen_panel


def shoot_stats(
    app: QApplication,
    outdir: Path,
    settle: Callable[[], None],
    now: datetime,
    tmp: Path,
    db_url: str | None,
) -> list[Path]:
    from ui.app.shell import build_shell
    from ui.stats.screen import StatsScreen

    if db_url is None:  # --sample: no database to count from
        return []
    settings = Settings(
        speech_engine="none",
        profile=Profile.ROOM,
        paths=Paths(data_dir=tmp, config_file=None),
        kiosk_name="Smart Corner",
        db_url=db_url,
    )
    shell = build_shell(settings, app=app, clock=FixedClock(now), events_loader=lambda n, limit: [])
    screen_panel.fit(shell)
    shell.window.transition.duration_ms = 0
    shell.start()
    shell.window.show()
    shots: list[Path] = []

    def shoot(name: str) -> None:
        settle()
        while shell.executor.pending:
            settle()
        settle()
        path = screen_panel.png(outdir, name)
        shell.window.grab().save(str(path))
        shots.append(path)

    shell.router.go("admin")
    shoot("admin-with-stats-fr-normal")
    for lang, accessible in ((Language.FR, False), (Language.FR, True), (Language.EN, False)):
        shell.session.set_language(lang)
        shell.session.set_accessible(accessible)
        shell.router.go("stats")
        shoot(f"stats-{lang.value}-{'accessible' if accessible else 'normal'}")
        page = shell.router.current.scroll_area.widget()  # what scrolls below the fold too
        path = screen_panel.png(
            outdir, f"stats-page-{lang.value}-{'accessible' if accessible else 'normal'}"
        )
        page.grab().save(str(path))
        shots.append(path)
    shell.session.set_language(Language.FR)
    shell.session.set_accessible(False)
    screen = shell.router.screen("stats")
    assert isinstance(screen, StatsScreen)
    screen.show_quarter(screen.quarter.previous())
    shoot("stats-previous-quarter-fr-normal")
    shell.close()
    settle()
    return shots
