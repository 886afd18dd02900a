"""A sync failure is stored as a stable code plus its technical detail; ui/ words the code."""

from __future__ import annotations

import pytest

from kiosk.sync.failures import SyncFailure, parse_error, stored_error


@pytest.mark.parametrize("failure", list(SyncFailure))
def test_the_code_and_the_detail_come_back_as_stored(failure: SyncFailure) -> None:
    detail = "connection to server at 10.0.0.9 failed: timeout: expired"  # colons inside
    assert parse_error(stored_error(failure, detail)) == (failure, detail)


def test_an_error_without_a_known_code_keeps_its_text_and_no_code() -> None:
    older = "base centrale injoignable (pas de réseau ?)"  # as kiosks wrote it before codes
    assert parse_error(older) == (None, older)
    assert parse_error("no_such_code: something") == (None, "no_such_code: something")
    assert parse_error(None) == (None, None)
