"""The mail transport of the notifications outbox: the standard library's SMTP client.

``smtp://user:password@host:587`` speaks plain SMTP and upgrades with STARTTLS when the server
offers it; ``smtps://host:465`` is TLS from the start. Credentials are optional (a relay on the
council's network usually takes mail from its kiosks without them). Every failure to hand the
message over is a :class:`~kiosk.ports.MailUnavailable`: the outbox retries later.
"""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate
from typing import Final
from urllib.parse import unquote, urlsplit

from kiosk.ports import MailUnavailable, OutgoingMail

TIMEOUT_S: Final = 15.0


class SmtpTransport:
    def __init__(self, url: str, sender: str, *, timeout: float = TIMEOUT_S) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise ValueError(f"not an smtp:// or smtps:// URL: {url!r}")
        self._tls = parts.scheme == "smtps"
        self._host = parts.hostname
        self._port = parts.port or (465 if self._tls else 25)
        self._user = unquote(parts.username) if parts.username else None
        self._password = unquote(parts.password) if parts.password else ""
        self._sender = sender
        self._timeout = timeout

    def _message(self, mail: OutgoingMail) -> EmailMessage:
        message = EmailMessage()
        message["From"] = self._sender
        message["To"] = mail.to
        message["Subject"] = mail.subject
        message["Date"] = formatdate(localtime=True)
        message["Message-ID"] = mail.message_id
        message["Auto-Submitted"] = "auto-generated"  # no out-of-office replies, please
        message.set_content(mail.body)
        return message

    def send(self, mail: OutgoingMail) -> None:
        try:
            client: smtplib.SMTP
            if self._tls:
                client = smtplib.SMTP_SSL(
                    self._host, self._port, timeout=self._timeout,
                    context=ssl.create_default_context(),
                )  # fmt: skip
            else:
                client = smtplib.SMTP(self._host, self._port, timeout=self._timeout)
            with client:
                client.ehlo()
                if not self._tls and client.has_extn("starttls"):
                    client.starttls(context=ssl.create_default_context())
                    client.ehlo()
                if self._user is not None:
                    client.login(self._user, self._password)
                client.send_message(self._message(mail))
        except (OSError, smtplib.SMTPException) as exc:
            raise MailUnavailable(f"{type(exc).__name__}: {exc}") from exc
