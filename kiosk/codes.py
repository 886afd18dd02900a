"""Signed ticket codes: verifiable offline, unforgeable by a stolen kiosk.

A code is ``SCA.<body>.<signature>`` in RFC 4648 Base32 (upper case, digits 2-7, no padding)
joined by dots: every character is in QR alphanumeric mode (a small QR) and survives a
keyboard-wedge scanner on an AZERTY machine (DESIGN.md). ``SCA`` is format version A (the
version is a letter: digits 0, 1, 8 and 9 are outside the alphabet).

The 20-byte body is ``key id (2) | event id (4) | person id (4) | serial (6) | expiry (4,
unix seconds)``, big-endian. The signature is Ed25519 over ``b"SCA" + body``. The issuer holds
the private key; kiosks hold only public keys (several, for key rotation), picked by key id.

Verification is strict so that a damaged or tampered code is never mistaken for a good one:
non-canonical Base32 (a changed last character that decodes to the same bytes) is refused,
as is any length other than the exact one. Each failure has its own outcome code:

- ``invalid_code``: not a Smart Corner code, unknown version, truncated, damaged encoding;
- ``forged_code``: well formed, but no held key made this signature (modified, or signed with
  another key);
- ``expired_code``: genuine, but past its expiry;
- ``revoked_code`` is decided by the check-in service (revocation list in the database).

**Making a valid code in tests**::

    from kiosk.codes import TicketIssuer, TicketVerifier, generate_private_key
    key = generate_private_key()
    issuer, verifier = TicketIssuer(key), TicketVerifier([key.public_key()])
    code = issuer.issue(event_id=1, person_id=2, expires_at=now + timedelta(days=1))
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import os
import secrets
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kiosk.domain import CheckinOutcome

VERSION: Final = "SCA"
_BODY: Final = struct.Struct(">2sII6sI")
BODY_LENGTH: Final = _BODY.size  # 20
SIGNATURE_LENGTH: Final = 64
SERIAL_LENGTH: Final = 6
MAX_ID: Final = 2**32 - 1
_BODY_CHARS: Final = 32  # Base32 of 20 bytes, no padding
_SIG_CHARS: Final = 103  # Base32 of 64 bytes, no padding
CODE_LENGTH: Final = len(VERSION) + 1 + _BODY_CHARS + 1 + _SIG_CHARS


class TicketRejected(Exception):
    """A code that does not admit anyone; ``outcome`` is its stable check-in outcome."""

    def __init__(self, outcome: CheckinOutcome, detail: str, claims: TicketClaims | None = None):
        super().__init__(f"{outcome}: {detail}")
        self.outcome = outcome
        self.detail = detail
        self.claims = claims  # the genuine content of an expired code (None otherwise)


@dataclass(frozen=True)
class TicketClaims:
    """What a genuine code says."""

    event_id: int
    person_id: int
    serial: str  # Base32, 10 characters: what the revocation list holds
    expires_at: datetime  # aware, UTC
    key_id: str  # hex, 4 characters


def b32encode(data: bytes) -> str:
    return base64.b32encode(data).decode("ascii").rstrip("=")


def b32decode_strict(text: str, length: int) -> bytes:
    """Decode unpadded Base32 of exactly ``length`` bytes; refuse any non-canonical form."""
    padded = text + "=" * (-len(text) % 8)
    try:
        data = base64.b32decode(padded, casefold=False)
    except (binascii.Error, ValueError):
        raise ValueError("not Base32") from None
    if len(data) != length or b32encode(data) != text:
        raise ValueError("wrong length or non-canonical Base32")
    return data


# A registration reference printed as a QR on a sign-up slip (a visitor has no badge): not
# signed, so it proves no more than the reference read aloud at the desk, and it admits only to
# the event of that registration. Base32 of the reference's letters, like the ticket codes, so
# that a keyboard-wedge scanner on an AZERTY machine reads it back (the reference has 8 and 9).
REFERENCE_PREFIX: Final = "SCR."


def reference_code(reference: str) -> str:
    """What the slip's QR carries for ``reference``."""
    return REFERENCE_PREFIX + b32encode(reference.encode("ascii"))


def reference_in(payload: str) -> str | None:
    """The reference a slip's QR carries; None when ``payload`` is not one."""
    text = payload.strip().upper()
    if not text.startswith(REFERENCE_PREFIX):
        return None
    body = text.removeprefix(REFERENCE_PREFIX)
    try:
        decoded = b32decode_strict(body, len(body) * 5 // 8)
    except ValueError:
        return None
    return decoded.decode("ascii") if decoded.isascii() and decoded.isalnum() else None


def key_id(public_key: Ed25519PublicKey) -> bytes:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).digest()[:2]


class TicketIssuer:
    """Signs codes. Runs where the private key is (the organiser's machine), not on kiosks."""

    def __init__(self, private_key: Ed25519PrivateKey) -> None:
        self._key = private_key
        self._key_id = key_id(private_key.public_key())

    def issue(
        self, *, event_id: int, person_id: int, expires_at: datetime, serial: bytes | None = None
    ) -> str:
        if not (0 < event_id <= MAX_ID and 0 < person_id <= MAX_ID):
            raise ValueError("event and person ids must be between 1 and 2**32-1")
        if expires_at.tzinfo is None:
            raise ValueError("expires_at must be timezone-aware")
        serial = secrets.token_bytes(SERIAL_LENGTH) if serial is None else serial
        if len(serial) != SERIAL_LENGTH:
            raise ValueError(f"serial must be {SERIAL_LENGTH} bytes")
        expiry = int(expires_at.timestamp())
        if not 0 < expiry <= MAX_ID:
            raise ValueError("expiry out of range")
        body = _BODY.pack(self._key_id, event_id, person_id, serial, expiry)
        signature = self._key.sign(VERSION.encode("ascii") + body)
        return f"{VERSION}.{b32encode(body)}.{b32encode(signature)}"


class TicketVerifier:
    """Checks codes against the public keys a kiosk holds (several during a key rotation)."""

    def __init__(self, public_keys: Iterable[Ed25519PublicKey]) -> None:
        self._keys = {key_id(k): k for k in public_keys}

    def warm_up(self) -> int:
        """One signature check per key, of an all-zero signature (it fails): the first real
        ticket then does not pay for the crypto library's first use. How many keys."""
        for key in self._keys.values():
            with contextlib.suppress(InvalidSignature):
                key.verify(bytes(SIGNATURE_LENGTH), VERSION.encode("ascii"))
        return len(self._keys)

    def verify(self, payload: str, now: datetime) -> TicketClaims:
        """The claims of a genuine, unexpired code; else raises :class:`TicketRejected`.

        Never raises anything else, whatever ``payload`` holds.
        """
        claims = self.decode(payload)
        if now >= claims.expires_at:
            raise TicketRejected(CheckinOutcome.EXPIRED_CODE, "code expired", claims)
        return claims

    def decode(self, payload: str) -> TicketClaims:
        """Check format and signature, not expiry."""
        text = payload.strip().upper()
        if len(text) > 4 * CODE_LENGTH:
            raise TicketRejected(CheckinOutcome.INVALID_CODE, "far too long")
        parts = text.split(".")
        if len(parts) != 3 or not parts[0].startswith("SC"):
            raise TicketRejected(CheckinOutcome.INVALID_CODE, "not a Smart Corner code")
        if parts[0] != VERSION:
            raise TicketRejected(CheckinOutcome.INVALID_CODE, f"unsupported version {parts[0]!r}")
        try:
            body = b32decode_strict(parts[1], BODY_LENGTH)
            signature = b32decode_strict(parts[2], SIGNATURE_LENGTH)
        except ValueError as exc:
            raise TicketRejected(CheckinOutcome.INVALID_CODE, f"damaged code: {exc}") from None
        kid, event_id, person_id, serial, expiry = _BODY.unpack(body)
        key = self._keys.get(kid)
        if key is None:
            raise TicketRejected(CheckinOutcome.FORGED_CODE, "signed by a key this kiosk lacks")
        try:
            key.verify(signature, VERSION.encode("ascii") + body)
        except InvalidSignature:
            raise TicketRejected(CheckinOutcome.FORGED_CODE, "signature does not verify") from None
        return TicketClaims(
            event_id=event_id,
            person_id=person_id,
            serial=b32encode(serial),
            expires_at=datetime.fromtimestamp(expiry, UTC),
            key_id=kid.hex(),
        )


# --- keys on disk ------------------------------------------------------------------------


def generate_private_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def write_key_pair(private_path: Path, public_path: Path) -> Ed25519PrivateKey:
    """A new key pair in PEM; the private file is created 0600 and never overwritten."""
    key = generate_private_key()
    private_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    public_pem = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    private_path.parent.mkdir(parents=True, exist_ok=True)
    public_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(private_pem)
        os.fsync(fh.fileno())
    public_path.write_bytes(public_pem)
    return key


def load_private_key(path: Path) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{path}: not an Ed25519 private key")
    return key


def load_public_keys(path: Path) -> list[Ed25519PublicKey]:
    """Every public key in a PEM file (append the new key to rotate, remove the old later)."""
    text = path.read_bytes()
    keys: list[Ed25519PublicKey] = []
    marker = b"-----END PUBLIC KEY-----"
    for chunk in text.split(marker):
        if b"-----BEGIN PUBLIC KEY-----" not in chunk:
            continue
        key = serialization.load_pem_public_key(chunk + marker)
        if not isinstance(key, Ed25519PublicKey):
            raise ValueError(f"{path}: not an Ed25519 public key")
        keys.append(key)
    if not keys:
        raise ValueError(f"{path}: no public key found")
    return keys


def write_qr_png(payload: str, path: Path, *, box_size: int = 8) -> None:
    """A PNG QR code of ``payload`` (alphanumeric mode, error correction M)."""
    import qrcode  # lazily: only the issuer writes PNGs
    from qrcode.constants import ERROR_CORRECT_M

    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=box_size, border=4)
    qr.add_data(payload)
    qr.make(fit=True)
    qr.make_image().save(str(path))
