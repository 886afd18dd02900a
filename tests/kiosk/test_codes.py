"""Ticket codes: format, alphabet, and that garbage or tampering is never accepted."""

from __future__ import annotations

import string
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.codes import (
    CODE_LENGTH,
    TicketIssuer,
    TicketRejected,
    TicketVerifier,
    generate_private_key,
    load_private_key,
    load_public_keys,
    write_key_pair,
    write_qr_png,
)
from kiosk.domain import CheckinOutcome

NOW = datetime(2026, 5, 20, 8, 30, tzinfo=UTC)
KEY = generate_private_key()
ISSUER = TicketIssuer(KEY)
VERIFIER = TicketVerifier([KEY.public_key()])
CODE = ISSUER.issue(event_id=42, person_id=1234, expires_at=NOW + timedelta(days=3))
ALPHABET = set(string.ascii_uppercase + "234567.")


def test_code_is_compact_and_uses_only_the_scanner_safe_alphabet() -> None:
    assert len(CODE) == CODE_LENGTH == 140
    assert set(CODE) <= ALPHABET
    assert CODE.startswith("SCA.")


def test_round_trip_gives_the_claims() -> None:
    claims = VERIFIER.verify(CODE, NOW)
    assert (claims.event_id, claims.person_id) == (42, 1234)
    assert claims.expires_at == NOW + timedelta(days=3)
    assert len(claims.serial) == 10
    assert VERIFIER.verify(CODE.lower(), NOW) == claims  # a scanner that lowers case


def test_codes_have_distinct_serials() -> None:
    other = ISSUER.issue(event_id=42, person_id=1234, expires_at=NOW + timedelta(days=3))
    assert VERIFIER.verify(other, NOW).serial != VERIFIER.verify(CODE, NOW).serial


def test_expiry_is_exclusive() -> None:
    with pytest.raises(TicketRejected) as err:
        VERIFIER.verify(CODE, NOW + timedelta(days=3))
    assert err.value.outcome is CheckinOutcome.EXPIRED_CODE
    assert err.value.claims is not None


def test_rotated_keys_both_verify(tmp_path: object) -> None:
    new = generate_private_key()
    both = TicketVerifier([KEY.public_key(), new.public_key()])
    fresh = TicketIssuer(new).issue(event_id=1, person_id=2, expires_at=NOW + timedelta(days=1))
    assert both.verify(CODE, NOW).event_id == 42
    assert both.verify(fresh, NOW).event_id == 1
    with pytest.raises(TicketRejected) as err:
        VERIFIER.verify(fresh, NOW)
    assert err.value.outcome is CheckinOutcome.FORGED_CODE


def test_key_files_round_trip_and_private_key_is_owner_only(
    tmp_path: pytest.TempPathFactory,
) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    key = write_key_pair(folder / "k" / "sign.pem", folder / "k" / "verify.pem")
    assert (folder / "k" / "sign.pem").stat().st_mode & 0o777 == 0o600
    assert load_private_key(folder / "k" / "sign.pem").public_key() == key.public_key()
    code = TicketIssuer(key).issue(event_id=5, person_id=6, expires_at=NOW + timedelta(days=1))
    assert TicketVerifier(load_public_keys(folder / "k" / "verify.pem")).verify(code, NOW)
    with pytest.raises(FileExistsError):
        write_key_pair(folder / "k" / "sign.pem", folder / "k" / "verify.pem")


def test_qr_png_decodes_back_to_the_code(tmp_path: pytest.TempPathFactory) -> None:
    from pathlib import Path

    import zxingcpp
    from PIL import Image

    png = Path(str(tmp_path)) / "t.png"
    write_qr_png(CODE, png)
    found = zxingcpp.read_barcodes(Image.open(png))
    assert [b.text for b in found] == [CODE]


def _verdict(payload: str) -> CheckinOutcome | None:
    """None when accepted; the refusal outcome otherwise. Any other exception fails the test."""
    try:
        VERIFIER.verify(payload, NOW)
    except TicketRejected as exc:
        return exc.outcome
    return None


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_garbage_text_never_crashes_and_is_never_accepted(payload: str) -> None:
    assert _verdict(payload) in {CheckinOutcome.INVALID_CODE, CheckinOutcome.FORGED_CODE}


@settings(max_examples=300)
@given(st.text(alphabet=sorted(ALPHABET), max_size=160))
def test_garbage_in_the_code_alphabet_is_never_accepted(payload: str) -> None:
    assert _verdict("SCA." + payload) is not None


@settings(max_examples=500)
@given(
    position=st.integers(min_value=0, max_value=CODE_LENGTH - 1),
    replacement=st.sampled_from(sorted(ALPHABET | {"0", "1", "8", "=", "a", " "})),
    action=st.sampled_from(["replace", "insert", "delete"]),
)
def test_any_one_character_mutation_is_refused(
    position: int, replacement: str, action: str
) -> None:
    if action == "replace":
        mutated = CODE[:position] + replacement + CODE[position + 1 :]
    elif action == "insert":
        mutated = CODE[:position] + replacement + CODE[position:]
    else:
        mutated = CODE[:position] + CODE[position + 1 :]
    if mutated.strip().upper() == CODE:
        return  # the same code (case or surrounding space): not a mutation
    assert _verdict(mutated) is not None


@settings(max_examples=200)
@given(st.binary(min_size=64, max_size=64))
def test_random_signatures_on_a_genuine_body_are_forged(signature: bytes) -> None:
    from kiosk.codes import b32encode

    version, body, _ = CODE.split(".")
    assert _verdict(f"{version}.{body}.{b32encode(signature)}") is CheckinOutcome.FORGED_CODE


@settings(max_examples=100)
@given(st.integers(min_value=1, max_value=CODE_LENGTH - 1))
def test_truncated_codes_are_invalid(length: int) -> None:
    assert _verdict(CODE[:length]) is CheckinOutcome.INVALID_CODE
