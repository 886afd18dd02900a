"""A child process that runs the real pickup screen and reports each confirmed hand-over.

``python -m tests.helpers.collect_stream DATA_DIR`` seeds agents with a ready line and a badge,
prints ``ready``, then for each agent taps the badge, takes the line and taps "J'ai bien
reçu", and prints ``confirmed <line id>`` the moment the screen shows the pickup as done,
i.e. exactly what the agent sees. The kill -9 test kills it in the middle of the stream.
"""

from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path

AGENTS = 40


def seed(url: str, key: bytes) -> list[tuple[int, bytes]]:
    from kiosk.collect.status import LineStatus
    from kiosk.db.engine import create_db_engine, make_session_factory
    from kiosk.db.migrate import ensure_schema
    from kiosk.identity import badge_hash, demo_badge_uid, link_badge
    from tests.helpers import collect as c
    from tests.helpers.collect import NOW

    engine = create_db_engine(url)
    ensure_schema(engine)
    sessions = make_session_factory(engine)
    people = []
    with sessions.begin() as s:
        mouse = c.item(s, name="Souris optique")
        for _ in range(AGENTS):
            who = c.agent(s)
            c.order(s, who, [(mouse, LineStatus.READY)])
            uid = demo_badge_uid(who.id)
            link_badge(s, badge_hash(key, uid), who.id, now=NOW, nonce=uuid.uuid4().hex)
            people.append((who.id, uid))
    engine.dispose()
    return people


def main(data_dir: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from kiosk.identity import load_site_key
    from kiosk.paths import Paths
    from kiosk.ports import BadgePresented, FixedClock
    from kiosk.settings import Profile, Settings
    from tests.helpers.collect import NOW
    from ui.collect.desk import CollectDesk
    from ui.collect.pickup import Page, PickupScreen
    from ui.data import KioskDatabase
    from ui.theme import ThemeController

    app = QApplication(sys.argv[:1])
    folder = Path(data_dir)
    url = f"sqlite:///{folder / 'kiosk.sqlite3'}"
    settings = Settings(
        profile=Profile.STORE, paths=Paths(data_dir=folder, config_file=None), db_url=url
    )
    key = load_site_key(settings.site_key_path)
    people = seed(url, key)
    database = KioskDatabase(url, settings)
    desk = CollectDesk(
        database.session_factory, FixedClock(NOW), site_key=lambda: key,
        verifier=lambda: None, kiosk=database.this_kiosk,
    )  # fmt: skip
    theme = ThemeController(app)
    theme.apply()
    screen = PickupScreen(desk, theme)
    screen.resize(1920, 1000)
    screen.show()
    queue = list(people)

    def next_agent() -> None:
        if not queue:
            app.quit()
            return
        _person, uid = queue.pop(0)
        screen.handle_badge(BadgePresented(uid, "stream"))

    def on_page(page: str) -> None:
        if page == Page.LINES:
            screen.lines_page.take.click()
            screen.confirm_page.confirm.click()
        elif page == Page.DONE:
            assert screen.done is not None
            for line in screen.done.lines:
                print("confirmed", line.line_id, flush=True)
            screen.clear()
            next_agent()
        elif page == Page.PROBLEM:
            print("problem", screen.message.title.text(), flush=True)
            app.quit()

    screen.page_changed.connect(on_page)
    print("ready", flush=True)
    next_agent()
    app.exec()
    desk.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
