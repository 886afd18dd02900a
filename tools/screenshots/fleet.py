"""Screenshots of « Parc des bornes » on the demo data set (the Smart Store out of paper, the
Smart Room well, the Smart Tour silent): French normal and accessible, and English.

    python -m tools.screenshots.fleet OUTDIR [--size 1366x768]

``python -m tools.screenshots.main`` calls :func:`shoot_fleet` too, at its own size.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.paths import Paths
from kiosk.ports import FixedClock
from kiosk.settings import Language, Profile, Settings


def shoot_fleet(
    app: QApplication,
    outdir: Path,
    settle: Callable[[], None],
    now: datetime,
    tmp: Path,
    db_url: str | None,
    size: tuple[int, int] = (1920, 1080),
) -> list[Path]:
    from ui.app.shell import build_shell
    from ui.fleet.desk import FleetDesk
    from ui.theme import ScreenMetrics

    if db_url is None:  # --sample: no database to read the fleet from
        return []
    settings = Settings(
        profile=Profile.ROOM,
        paths=Paths(data_dir=tmp, config_file=None),
        kiosk_name="Smart Corner",
        db_url=db_url,
    )
    shell = build_shell(settings, app=app, clock=FixedClock(now), events_loader=lambda n, limit: [])
    design = ScreenMetrics.design()
    shell.theme.set_screen(ScreenMetrics(size[0], size[1], design.px_per_mm))
    shell.window.resize(*size)
    shell.window.transition.duration_ms = 0
    shell.start()
    shell.window.show()
    desk = shell.service(FleetDesk)
    assert desk is not None
    shots: list[Path] = []
    suffix = "" if size == (1920, 1080) else f"-{size[0]}x{size[1]}"

    def shoot(name: str) -> None:
        settle()
        while desk.pending or shell.executor.pending:
            settle()
        settle()
        path = outdir / f"{name}{suffix}.png"
        shell.window.grab().save(str(path))
        shots.append(path)

    shell.router.go("admin")
    shoot("admin-with-fleet-fr-normal")
    for lang, accessible in ((Language.FR, False), (Language.FR, True), (Language.EN, False)):
        shell.session.set_language(lang)
        shell.session.set_accessible(accessible)
        shell.router.go("fleet")
        shoot(f"fleet-{lang.value}-{'accessible' if accessible else 'normal'}")
    shell.close()
    settle()
    return shots


def main(argv: list[str] | None = None) -> int:
    from tools.screenshots.main import NOW, _size, demo_loader

    parser = argparse.ArgumentParser(prog="python -m tools.screenshots.fleet")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--size", type=_size, default=(1920, 1080), metavar="WxH")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["TZ"] = "Europe/Paris"
    time.tzset()
    from PySide6.QtCore import QEventLoop, QTimer

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    tmp = Path(tempfile.mkdtemp(prefix="smartcorner-shots-"))
    demo_loader(tmp)

    def settle() -> None:
        loop = QEventLoop()
        QTimer.singleShot(50, loop.quit)
        loop.exec()

    args.outdir.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{tmp / 'screenshots.sqlite3'}"
    for path in shoot_fleet(app, args.outdir, settle, NOW, tmp, url, args.size):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
