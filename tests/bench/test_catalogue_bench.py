"""bench/catalogue.py's data set, small: the catalogue grows to the size asked, every agent's
badge finds them, and their history gives the allocation policy real work (quotas used, open
requests, roles and directions refused, stock held by requests) — else the bench would time
a policy with nothing to decide."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from sqlalchemy import select

from bench.catalogue import KEY, NOW, STORE_KIOSK, seed
from kiosk.collect.catalogue import catalogue
from kiosk.collect.policy import RefusalCode
from kiosk.collect.status import Family
from kiosk.db.engine import create_db_engine, make_session_factory
from kiosk.db.models import Kiosk
from kiosk.identity import badge_hash, person_for_badge


def test_the_bench_seeds_the_catalogue_the_agents_and_a_history_the_policy_refuses_on(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'bench.sqlite3'}"
    seeded = seed(url, items=60, people=40)

    assert len(seeded.agents) == 40
    assert seeded.counts["active items"] == 60
    assert seeded.counts["bench agents"] == 40
    assert seeded.counts["hand-overs"] > 40
    assert seeded.counts["open kiosk requests"] > 0
    engine = create_db_engine(url)
    sessions = make_session_factory(engine)
    verdicts: Counter[RefusalCode | None] = Counter()
    with sessions() as s:
        site_id = s.scalar(select(Kiosk.site_id).where(Kiosk.code == STORE_KIOSK))
        assert site_id is not None
        for person_id, uid in seeded.agents:
            person = person_for_badge(s, badge_hash(KEY, uid))
            assert person is not None
            assert person.id == person_id
            found = catalogue(s, site_id, NOW, person_id=person_id)
            assert len(found.entries) == 60
            assert set(found.families) == set(Family)
            verdicts.update(e.refusal.code if e.refusal else None for e in found.entries)
    engine.dispose()
    assert verdicts[None] > 0  # some items may be requested
    for code in (
        RefusalCode.QUOTA_REACHED,
        RefusalCode.ALREADY_REQUESTED,
        RefusalCode.ROLE_NOT_ALLOWED,
        RefusalCode.DIRECTION_NOT_ALLOWED,
        RefusalCode.OUT_OF_STOCK,
    ):
        assert verdicts[code] > 0, code
