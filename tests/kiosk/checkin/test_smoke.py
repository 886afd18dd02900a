from sqlalchemy.orm import Session, sessionmaker

from kiosk.checkin import BadgeIdentity, CheckinContext, CheckinOutcome, check_in, new_nonce
from tests.helpers.checkin_world import NOW, World


def test_badge_ok(world: World, session_factory: sessionmaker[Session]) -> None:
    ctx = CheckinContext(site_id=world.site, event_id=world.masterclass)
    with session_factory() as s:
        r = check_in(s, BadgeIdentity(world.alice_badge), ctx, world.kiosk, NOW, new_nonce())
    assert r.outcome is CheckinOutcome.OK, r
    assert r.first_name == "Alice"
