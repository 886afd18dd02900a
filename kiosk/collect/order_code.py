"""Signed order codes: the QR the "your order is ready" message carries.

Signed like event tickets (:mod:`kiosk.codes`: Ed25519, the issuer signs, kiosks hold only
public keys, the same key files) but a distinct code type, ``SOA``, whose signature covers
that prefix: an order code can never pass for an event ticket or the other way round.

``SOA.<body>.<signature>`` in unpadded Base32 (the wedge-safe alphabet); the 14-byte body is
``key id (2) | order id (4) | person id (4) | expiry (4, unix seconds)``, big-endian.
"""

from __future__ import annotations

import enum
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kiosk.codes import MAX_ID, SIGNATURE_LENGTH, b32decode_strict, b32encode, key_id

VERSION: Final = "SOA"  # a letter, not a digit: "1" is outside the scanner-safe alphabet
_BODY: Final = struct.Struct(">2sIII")
BODY_LENGTH: Final = _BODY.size  # 14
MAX_CODE_LENGTH: Final = 200


class CodeProblem(enum.StrEnum):
    INVALID = "invalid_code"  # not an order code, damaged
    FORGED = "forged_code"  # well formed, but no key this kiosk holds signed it
    EXPIRED = "expired_code"


class OrderCodeRejected(Exception):
    def __init__(self, problem: CodeProblem, detail: str) -> None:
        super().__init__(f"{problem}: {detail}")
        self.problem = problem


@dataclass(frozen=True)
class OrderClaims:
    order_id: int
    person_id: int
    expires_at: datetime


def looks_like_order_code(payload: str) -> bool:
    return payload.strip().upper().startswith(VERSION + ".")


class OrderCodeIssuer:
    def __init__(self, private_key: Ed25519PrivateKey) -> None:
        self._key = private_key
        self._key_id = key_id(private_key.public_key())

    def issue(self, *, order_id: int, person_id: int, expires_at: datetime) -> str:
        if not (0 < order_id <= MAX_ID and 0 < person_id <= MAX_ID):
            raise ValueError("order and person ids must be between 1 and 2**32-1")
        if expires_at.tzinfo is None:
            raise ValueError("expires_at must be timezone-aware")
        expiry = int(expires_at.timestamp())
        if not 0 < expiry <= MAX_ID:
            raise ValueError("expiry out of range")
        body = _BODY.pack(self._key_id, order_id, person_id, expiry)
        signature = self._key.sign(VERSION.encode("ascii") + body)
        return f"{VERSION}.{b32encode(body)}.{b32encode(signature)}"


class OrderCodeVerifier:
    def __init__(self, public_keys: Iterable[Ed25519PublicKey]) -> None:
        self._keys = {key_id(k): k for k in public_keys}

    def verify(self, payload: str, now: datetime) -> OrderClaims:
        """The claims of a genuine, unexpired code; raises only :class:`OrderCodeRejected`."""
        text = payload.strip().upper()
        if len(text) > MAX_CODE_LENGTH:
            raise OrderCodeRejected(CodeProblem.INVALID, "far too long")
        parts = text.split(".")
        if len(parts) != 3 or parts[0] != VERSION:
            raise OrderCodeRejected(CodeProblem.INVALID, "not an order code")
        try:
            body = b32decode_strict(parts[1], BODY_LENGTH)
            signature = b32decode_strict(parts[2], SIGNATURE_LENGTH)
        except ValueError as exc:
            raise OrderCodeRejected(CodeProblem.INVALID, f"damaged code: {exc}") from None
        kid, order_id, person_id, expiry = _BODY.unpack(body)
        key = self._keys.get(kid)
        if key is None:
            raise OrderCodeRejected(CodeProblem.FORGED, "signed by a key this kiosk lacks")
        try:
            key.verify(signature, VERSION.encode("ascii") + body)
        except InvalidSignature:
            raise OrderCodeRejected(CodeProblem.FORGED, "signature does not verify") from None
        expires_at = datetime.fromtimestamp(expiry, UTC)
        if now >= expires_at:
            raise OrderCodeRejected(CodeProblem.EXPIRED, "code expired")
        return OrderClaims(order_id, person_id, expires_at)
