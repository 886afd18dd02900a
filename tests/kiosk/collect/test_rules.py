"""Click & Collect rules without a database: state machine, allocation policy, signature
encoding, order codes."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hardware.wedge import WedgeLayout, repair_layout, typed_as
from kiosk.codes import TicketIssuer, TicketRejected, TicketVerifier, generate_private_key
from kiosk.collect import signature
from kiosk.collect.order_code import (
    CodeProblem,
    OrderCodeIssuer,
    OrderCodeRejected,
    OrderCodeVerifier,
)
from kiosk.collect.policy import (
    Holder,
    ItemPolicy,
    PriorHandOver,
    RefusalCode,
    check_allocation,
)
from kiosk.collect.receipt import receipt_code
from kiosk.collect.status import (
    TRANSITIONS,
    InvalidTransition,
    LineStatus,
    OrderStatus,
    check_transition,
    order_status,
)

NOW = datetime(2026, 11, 23, 13, 5, tzinfo=UTC)
S = LineStatus

# --- state machine ---------------------------------------------------------------------------

ALLOWED = {
    (S.PLACED, S.APPROVED),
    (S.PLACED, S.CANCELLED),
    (S.PLACED, S.DECLINED),  # staff refuse a request made at the kiosk
    (S.APPROVED, S.PREPARED),
    (S.APPROVED, S.CANCELLED),
    (S.PREPARED, S.READY),
    (S.PREPARED, S.CANCELLED),
    (S.READY, S.COLLECTED),
    (S.READY, S.PARTIALLY_COLLECTED),
    (S.READY, S.CANCELLED),
    (S.READY, S.EXPIRED),
}


@pytest.mark.parametrize("current", list(S))
@pytest.mark.parametrize("wanted", list(S))
def test_only_the_documented_moves_are_allowed(current: S, wanted: S) -> None:
    if (current, wanted) in ALLOWED:
        check_transition(current, wanted)
    else:
        with pytest.raises(InvalidTransition) as caught:
            check_transition(current, wanted)
        assert caught.value.code == "invalid_transition"
        assert (caught.value.current, caught.value.wanted) == (current, wanted)


def test_every_status_has_a_row_in_the_table() -> None:
    assert set(TRANSITIONS) == set(S)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ([S.PLACED, S.APPROVED], OrderStatus.OPEN),
        ([S.READY, S.PREPARED], OrderStatus.READY),
        ([S.READY, S.COLLECTED], OrderStatus.PARTIALLY_COLLECTED),
        ([S.COLLECTED, S.APPROVED], OrderStatus.PARTIALLY_COLLECTED),
        ([S.COLLECTED, S.CANCELLED], OrderStatus.COLLECTED),
        ([S.PARTIALLY_COLLECTED], OrderStatus.COLLECTED),
        ([S.CANCELLED, S.EXPIRED], OrderStatus.CLOSED),
        ([], OrderStatus.CLOSED),
    ],
)
def test_order_status_is_derived_from_its_lines(lines: list[S], expected: OrderStatus) -> None:
    assert order_status(lines) is expected


# --- allocation policy -----------------------------------------------------------------------

AGENT = Holder(role="agent", direction="DSI", active=True)


def policy(**kw: object) -> ItemPolicy:
    args: dict[str, object] = {
        "allowed_roles": None,
        "allowed_directions": None,
        "max_per_agent": None,
        "renewal_days": None,
    }
    args.update(kw)
    return ItemPolicy.of(**args)  # type: ignore[arg-type]


def test_an_open_policy_allows_anyone_active() -> None:
    assert check_allocation(policy(), AGENT, 3, [], NOW) is None


@pytest.mark.parametrize(
    ("item", "holder", "code"),
    [
        (policy(), Holder("agent", "DSI", active=False), RefusalCode.PERSON_INACTIVE),
        (policy(active=False), AGENT, RefusalCode.ITEM_WITHDRAWN),
        (policy(allowed_roles=["staff", "admin"]), AGENT, RefusalCode.ROLE_NOT_ALLOWED),
        (policy(allowed_directions=["DRIT"]), AGENT, RefusalCode.DIRECTION_NOT_ALLOWED),
        (
            policy(allowed_directions=["DRIT"]),
            Holder("agent", None, True),
            RefusalCode.DIRECTION_NOT_ALLOWED,
        ),
    ],
)  # fmt: skip
def test_refusals_say_why(item: ItemPolicy, holder: Holder, code: RefusalCode) -> None:
    refusal = check_allocation(item, holder, 1, [], NOW)
    assert refusal is not None
    assert refusal.code is code


def test_allowed_role_and_direction_pass() -> None:
    item = policy(allowed_roles=["agent"], allowed_directions=["DSI", "DRIT"])
    assert check_allocation(item, AGENT, 1, [], NOW) is None


def test_quota_counts_only_hand_overs_within_the_renewal_period() -> None:
    item = policy(max_per_agent=1, renewal_days=365)
    old = PriorHandOver(NOW - timedelta(days=400), 1)
    assert check_allocation(item, AGENT, 1, [old], NOW) is None
    recent = PriorHandOver(NOW - timedelta(days=100), 1)
    refusal = check_allocation(item, AGENT, 1, [old, recent], NOW)
    assert refusal is not None
    assert refusal.code is RefusalCode.QUOTA_REACHED
    assert (refusal.limit, refusal.held) == (1, 1)
    assert refusal.next_allowed_at == recent.at + timedelta(days=365)


def test_next_allowed_date_waits_for_enough_units_to_leave_the_period() -> None:
    item = policy(max_per_agent=3, renewal_days=30)
    prior = [
        PriorHandOver(NOW - timedelta(days=20), 1),
        PriorHandOver(NOW - timedelta(days=10), 2),
    ]
    assert check_allocation(item, AGENT, 2, prior[:1], NOW) is None
    refusal = check_allocation(item, AGENT, 2, prior, NOW)
    assert refusal is not None
    # 3 held + 2 wanted > 3: the first unit leaving (day -20) is not enough, the next is.
    assert refusal.next_allowed_at == prior[1].at + timedelta(days=30)


def test_a_quota_without_renewal_is_for_ever() -> None:
    item = policy(max_per_agent=2)
    prior = [PriorHandOver(NOW - timedelta(days=3000), 2)]
    refusal = check_allocation(item, AGENT, 1, prior, NOW)
    assert refusal is not None
    assert refusal.code is RefusalCode.QUOTA_REACHED
    assert refusal.next_allowed_at is None


def test_more_than_the_maximum_at_once_never_becomes_allowed() -> None:
    refusal = check_allocation(policy(max_per_agent=1, renewal_days=10), AGENT, 2, [], NOW)
    assert refusal is not None
    assert refusal.next_allowed_at is None


# --- signatures ------------------------------------------------------------------------------

points = st.tuples(st.integers(0, 799), st.integers(0, 299))
strokes = st.lists(st.lists(points, min_size=1, max_size=60), max_size=12)


@given(strokes)
def test_signature_round_trips_exactly(drawn: list[list[tuple[int, int]]]) -> None:
    sig = signature.from_strokes(800, 300, drawn)
    assert signature.decode(sig.encode()) == sig


def test_a_real_signature_is_small() -> None:
    # a 3-stroke scribble of ~600 points, like a finger signature
    drawn = [
        [(100 + i, 150 + int(40 * ((i % 40) / 40 - 0.5))) for i in range(0, 400, 2)],
        [(300 + i // 2, 100 + i // 3) for i in range(200)],
        [(500 + i, 200 - i // 4) for i in range(200)],
    ]
    data = signature.from_strokes(800, 300, drawn).encode()
    assert len(data) < 1024


def test_points_outside_the_pad_are_clamped() -> None:
    sig = signature.decode(signature.from_strokes(100, 50, [[(-5, 10), (150, 70)]]).encode())
    assert sig.strokes == (((0, 10), (99, 49)),)


@pytest.mark.parametrize(
    "data",
    [b"", b"not zlib at all", b"x\x9c\x03\x00\x00\x00\x00\x01", bytes(70_000)],
)
def test_garbage_is_not_a_signature(data: bytes) -> None:
    with pytest.raises(signature.SignatureError):
        signature.decode(data)


def test_a_truncated_signature_is_refused() -> None:
    import zlib

    raw = zlib.decompress(signature.from_strokes(100, 50, [[(1, 2), (3, 4)]]).encode())
    with pytest.raises(signature.SignatureError):
        signature.decode(zlib.compress(raw[:-1]))


def test_blank_signatures_are_recognised() -> None:
    assert signature.from_strokes(100, 50, [[(1, 1)], [(5, 5), (6, 6)]]).is_blank
    assert not signature.from_strokes(100, 50, [[(1, 1), (2, 2), (3, 3)]]).is_blank


# --- order codes -----------------------------------------------------------------------------


@pytest.fixture
def keys() -> tuple[OrderCodeIssuer, OrderCodeVerifier]:
    key = generate_private_key()
    return OrderCodeIssuer(key), OrderCodeVerifier([key.public_key()])


def test_an_order_code_round_trips(keys: tuple[OrderCodeIssuer, OrderCodeVerifier]) -> None:
    issuer, verifier = keys
    code = issuer.issue(order_id=42, person_id=7, expires_at=NOW + timedelta(days=10))
    assert code.startswith("SOA.")
    assert set(code) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567.")
    claims = verifier.verify(code.lower(), NOW)  # scanners may change case
    assert (claims.order_id, claims.person_id) == (42, 7)


def test_a_tampered_order_code_is_forged(keys: tuple[OrderCodeIssuer, OrderCodeVerifier]) -> None:
    issuer, verifier = keys
    code = issuer.issue(order_id=42, person_id=7, expires_at=NOW + timedelta(days=10))
    other = issuer.issue(order_id=43, person_id=7, expires_at=NOW + timedelta(days=10))
    spliced = ".".join([*code.split(".")[:2], other.split(".")[2]])
    with pytest.raises(OrderCodeRejected) as caught:
        verifier.verify(spliced, NOW)
    assert caught.value.problem is CodeProblem.FORGED


def test_another_issuers_code_is_forged(keys: tuple[OrderCodeIssuer, OrderCodeVerifier]) -> None:
    _, verifier = keys
    stranger = OrderCodeIssuer(generate_private_key())
    code = stranger.issue(order_id=1, person_id=1, expires_at=NOW + timedelta(days=1))
    with pytest.raises(OrderCodeRejected) as caught:
        verifier.verify(code, NOW)
    assert caught.value.problem is CodeProblem.FORGED


def test_an_expired_order_code_is_refused(keys: tuple[OrderCodeIssuer, OrderCodeVerifier]) -> None:
    issuer, verifier = keys
    code = issuer.issue(order_id=1, person_id=1, expires_at=NOW)
    with pytest.raises(OrderCodeRejected) as caught:
        verifier.verify(code, NOW)
    assert caught.value.problem is CodeProblem.EXPIRED


@pytest.mark.parametrize("payload", ["", "SOA", "SOA..", "SOA.AAAA.BBBB", "hello", "SCA.AA.BB"])
def test_malformed_order_codes_are_invalid(
    keys: tuple[OrderCodeIssuer, OrderCodeVerifier], payload: str
) -> None:
    with pytest.raises(OrderCodeRejected) as caught:
        keys[1].verify(payload, NOW)
    assert caught.value.problem is CodeProblem.INVALID


def test_order_codes_and_event_tickets_never_pass_for_each_other() -> None:
    key = generate_private_key()
    ticket = TicketIssuer(key).issue(event_id=1, person_id=2, expires_at=NOW + timedelta(days=1))
    order = OrderCodeIssuer(key).issue(order_id=1, person_id=2, expires_at=NOW + timedelta(days=1))
    with pytest.raises(OrderCodeRejected):
        OrderCodeVerifier([key.public_key()]).verify(ticket, NOW)
    with pytest.raises(TicketRejected):
        TicketVerifier([key.public_key()]).verify(order, NOW)


@pytest.mark.parametrize("layout", list(WedgeLayout))
def test_order_and_receipt_codes_survive_a_mismatched_wedge_scanner(
    keys: tuple[OrderCodeIssuer, OrderCodeVerifier], layout: WedgeLayout
) -> None:
    """A US scanner on an AZERTY kiosk (and the reverse) types them mangled: they come back."""
    issuer, verifier = keys
    code = issuer.issue(order_id=4242, person_id=77, expires_at=NOW + timedelta(days=3))
    assert verifier.verify(repair_layout(typed_as(code, layout)), NOW).order_id == 4242
    receipt = receipt_code(uuid.uuid4().hex)
    assert repair_layout(typed_as(receipt, layout)) == receipt
