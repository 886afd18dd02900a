"""Forward help requests to the helpdesk through GLPI's legacy REST API (``apirest.php``).

Off unless ``glpi_url`` and ``glpi_user_token`` are set. A request is queued in the
``help_forward`` outbox in the same transaction as its ticket; :class:`GlpiForwarder` sends
the due ones from a worker thread (:class:`ForwardWorker`), never from the screen:

1. ``GET initSession`` with ``App-Token`` and ``Authorization: user_token ...``;
2. if an earlier attempt may have reached GLPI, look for a ticket carrying the request's
   reference first (``GET Ticket?searchText[content]=<nonce>``), so a retry never files it
   twice;
3. the agent's GLPI account by matricule (``GET User?searchText[registration_number]=``) to
   set ``_users_id_requester``; otherwise the ticket says who asked in its text;
4. ``POST Ticket`` with ``requesttypes_id`` = the "Borne" request source;
5. ``GET killSession``.

A failure (network, GLPI down, 5xx, expired token) puts the row back with an exponential
backoff capped at 15 minutes; only a 400 with a GLPI error for bad input rejects it for good.
Claims are a compare-and-set on ``attempts``, so kiosks sharing PostgreSQL never both send
one request.
"""

from __future__ import annotations

import json
import logging
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from kiosk.db.models import Kiosk, Person
from kiosk.db.models_help import HelpForward, HelpRequest
from kiosk.help_domain import PARIS, ForwardState, HelpReason
from kiosk.ports import Clock
from kiosk.settings import Settings

log = logging.getLogger(__name__)

BACKOFF_FIRST: Final = timedelta(seconds=5)
BACKOFF_CAP: Final = timedelta(minutes=15)
LEASE: Final = timedelta(minutes=2)  # a claimed row is not taken by another kiosk before this
TIMEOUT_S: Final = 10.0
INCIDENT, REQUEST = 1, 2  # GLPI ticket types
# Faults are incidents; an account or "other" question is a request (ITIL).
TICKET_TYPE: Final = {
    HelpReason.HARDWARE: INCIDENT,
    HelpReason.MAIL: INCIDENT,
    HelpReason.SOFTWARE: INCIDENT,
    HelpReason.ACCOUNT: REQUEST,
    HelpReason.OTHER: REQUEST,
}


@dataclass(frozen=True)
class GlpiConfig:
    url: str  # .../apirest.php (or .../api.php/v1 on GLPI 11)
    user_token: str
    app_token: str = ""
    request_type_id: int | None = None  # the "Borne" request source (Setup > Dropdowns)
    entity_id: int | None = None
    timeout_s: float = TIMEOUT_S


def glpi_config(settings: Settings) -> GlpiConfig | None:
    """The forwarding set-up from the settings, or None when it is off (no URL or token)."""
    if not settings.glpi_url or not settings.glpi_user_token:
        return None
    return GlpiConfig(
        url=settings.glpi_url,
        user_token=settings.glpi_user_token,
        app_token=settings.glpi_app_token,
        request_type_id=settings.glpi_request_type,
        entity_id=settings.glpi_entity,
    )


class GlpiError(Exception):
    """GLPI did not do it; ``permanent`` when sending the same thing again cannot help."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class GlpiClient:
    """One API session: ``with GlpiClient(config) as glpi: glpi.create_ticket(...)``."""

    def __init__(self, config: GlpiConfig) -> None:
        self._config = config
        self._base = config.url.rstrip("/") + "/"
        self._session_token: str | None = None

    def __enter__(self) -> GlpiClient:
        headers = {"Authorization": f"user_token {self._config.user_token}"}
        answer = self._call("GET", "initSession", headers=headers)
        token = answer.get("session_token") if isinstance(answer, dict) else None
        if not isinstance(token, str) or not token:
            raise GlpiError(f"initSession answered without a session_token: {answer!r}")
        self._session_token = token
        return self

    def __exit__(self, *exc: object) -> None:
        if self._session_token is None:
            return
        try:
            self._call("GET", "killSession")
        except GlpiError as error:  # the ticket is filed: a session left to expire is harmless
            log.warning("GLPI killSession failed: %s", error)
        finally:
            self._session_token = None

    def find_ticket(self, reference: str) -> int | None:
        """The id of a ticket whose text carries ``reference`` (a request's nonce), if any."""
        found = self._call("GET", "Ticket", query={"searchText[content]": reference})
        for item in found if isinstance(found, list) else []:
            if isinstance(item, dict) and reference in str(item.get("content", "")):
                return int(item["id"])
        return None

    def find_user(self, matricule: str) -> int | None:
        found = self._call("GET", "User", query={"searchText[registration_number]": matricule})
        for item in found if isinstance(found, list) else []:
            if isinstance(item, dict) and item.get("registration_number") == matricule:
                return int(item["id"])
        return None

    def create_ticket(self, fields: Mapping[str, Any]) -> int:
        answer = self._call("POST", "Ticket", body={"input": dict(fields)})
        if isinstance(answer, dict) and "id" in answer:
            return int(answer["id"])
        raise GlpiError(f"POST Ticket answered without an id: {answer!r}")

    def _call(
        self,
        method: str,
        path: str,
        *,
        query: Mapping[str, str] | None = None,
        body: object = None,
        headers: Mapping[str, str] | None = None,
    ) -> Any:
        url = self._base + path
        if query:
            url += "?" + urllib.parse.urlencode(query)
        all_headers = {"Content-Type": "application/json", **(headers or {})}
        if self._config.app_token:
            all_headers["App-Token"] = self._config.app_token
        if self._session_token:
            all_headers["Session-Token"] = self._session_token
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(url, data=data, method=method, headers=all_headers)
        try:
            with urllib.request.urlopen(request, timeout=self._config.timeout_s) as response:
                raw = response.read()
        except urllib.error.HTTPError as error:
            detail = error.read().decode(errors="replace")[:300]
            # A 400 on POST: GLPI refused the ticket's content (ERROR_BAD_ARRAY...): for good.
            # Tokens (400/401 on initSession), a wrong URL (404) or 5xx get fixed: retry.
            refused = error.code == 400 and method == "POST"
            raise GlpiError(
                f"{method} {path}: HTTP {error.code} {detail}", permanent=refused
            ) from None
        except (OSError, urllib.error.URLError) as error:
            raise GlpiError(f"{method} {path}: {error}") from None
        try:
            return json.loads(raw) if raw.strip() else None
        except ValueError:
            raise GlpiError(f"{method} {path}: not JSON: {raw[:200]!r}") from None


def backoff(attempts: int) -> timedelta:
    """5 s, 10 s, 20 s... up to 15 minutes between attempts."""
    return min(BACKOFF_FIRST * (1 << min(max(attempts - 1, 0), 20)), BACKOFF_CAP)


@dataclass(frozen=True)
class ForwardResult:
    request_id: int
    state: ForwardState
    glpi_ticket_id: int | None = None
    error: str | None = None


def ticket_fields(
    request: HelpRequest, kiosk_name: str, person: Person | None, config: GlpiConfig
) -> dict[str, Any]:
    """What GLPI records: title, text with the reference, type, source "Borne", entity."""
    local = request.created_at.astimezone(PARIS)
    if person is not None:
        who = f"{person.first_name} {person.last_name}"
        who += f" (matricule {person.matricule})" if person.matricule else ""
    else:
        who = "Visiteur non identifié"
    lines = [
        request.description or "(pas de description)",
        "",
        f"Ticket de file d'attente {request.ticket} pris le {local:%d/%m/%Y à %H:%M} "
        f"sur la borne {kiosk_name}.",
        f"Demandeur : {who}",
        f"Référence borne : {request.nonce}",
    ]
    fields: dict[str, Any] = {
        "name": f"[Borne] {request.ticket} — {request.reason.label_fr}",
        "content": "\n".join(lines),
        "type": TICKET_TYPE[request.reason],
        "urgency": 3,
    }
    if config.request_type_id is not None:
        fields["requesttypes_id"] = config.request_type_id
    if config.entity_id is not None:
        fields["entities_id"] = config.entity_id
    return fields


class GlpiForwarder:
    """Sends the outbox's due rows; each row is claimed, sent, then settled."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        clock: Clock,
        config: GlpiConfig,
        client: Callable[[GlpiConfig], GlpiClient] = GlpiClient,
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self._config = config
        self._client = client

    def next_due(self) -> datetime | None:
        with self._sessions() as session:
            return session.scalar(
                select(HelpForward.next_attempt_at)
                .where(HelpForward.state == ForwardState.PENDING)
                .order_by(HelpForward.next_attempt_at)
                .limit(1)
            )

    def run_once(self, limit: int = 20) -> list[ForwardResult]:
        """Send what is due now (oldest first); stop at the first failure of GLPI itself."""
        results = []
        for _ in range(limit):
            claimed = self._claim()
            if claimed is None:
                break
            result = self._send(*claimed)
            results.append(result)
            if result.state is ForwardState.PENDING:  # GLPI is down: the rest waits too
                break
        return results

    def _claim(self) -> tuple[int, int] | None:
        now = self._clock.now()
        with self._sessions() as session:
            row = session.execute(
                select(HelpForward.id, HelpForward.attempts)
                .where(
                    HelpForward.state == ForwardState.PENDING,
                    HelpForward.next_attempt_at <= now,
                )
                .order_by(HelpForward.next_attempt_at, HelpForward.id)
                .limit(1)
            ).first()
            if row is None:
                return None
            forward_id, attempts = row
            won = session.execute(
                update(HelpForward)
                .where(
                    HelpForward.id == forward_id,
                    HelpForward.state == ForwardState.PENDING,
                    HelpForward.attempts == attempts,
                )
                .values(attempts=attempts + 1, next_attempt_at=now + LEASE)
            )
            session.commit()
        if won.rowcount != 1:  # type: ignore[attr-defined]
            return self._claim()  # another kiosk took it: look again
        return forward_id, attempts + 1

    def _send(self, forward_id: int, attempt: int) -> ForwardResult:
        with self._sessions() as session:
            forward = session.get_one(HelpForward, forward_id)
            request = forward.request
            kiosk_name = session.get_one(Kiosk, request.kiosk_id).name
            person = session.get(Person, request.person_id) if request.person_id else None
            fields = ticket_fields(request, kiosk_name, person, self._config)
            matricule = person.matricule if person is not None else None
            request_id, nonce = request.id, request.nonce
        try:
            with self._client(self._config) as glpi:
                # an earlier attempt may have filed it before failing: never file it twice
                ticket_id = glpi.find_ticket(nonce) if attempt > 1 else None
                if ticket_id is None:
                    if matricule and (user_id := glpi.find_user(matricule)) is not None:
                        fields["_users_id_requester"] = user_id
                    ticket_id = glpi.create_ticket(fields)
        except GlpiError as error:
            state = ForwardState.REJECTED if error.permanent else ForwardState.PENDING
            self._settle(forward_id, state, error=str(error), retry_in=backoff(attempt))
            log.warning("help request %s not forwarded to GLPI (%s): %s", request_id, state, error)
            return ForwardResult(request_id, state, error=str(error))
        self._settle(forward_id, ForwardState.SENT, glpi_ticket_id=ticket_id)
        log.info("help request %s forwarded to GLPI as ticket %s", request_id, ticket_id)
        return ForwardResult(request_id, ForwardState.SENT, glpi_ticket_id=ticket_id)

    def _settle(
        self,
        forward_id: int,
        state: ForwardState,
        *,
        glpi_ticket_id: int | None = None,
        error: str | None = None,
        retry_in: timedelta = timedelta(0),
    ) -> None:
        now = self._clock.now()
        values: dict[str, Any] = {"state": state, "last_error": error}
        if state is ForwardState.SENT:
            values.update(glpi_ticket_id=glpi_ticket_id, sent_at=now)
        else:
            values["next_attempt_at"] = now + retry_in
        with self._sessions() as session:
            session.execute(update(HelpForward).where(HelpForward.id == forward_id).values(values))
            session.commit()


class ForwardWorker:
    """A thread that runs the forwarder when woken (a new request) or when a retry is due."""

    def __init__(self, forwarder: GlpiForwarder, clock: Clock, idle_s: float = 60.0) -> None:
        self._forwarder = forwarder
        self._clock = clock
        self._idle_s = idle_s
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="glpi-forward", daemon=True)
        self.rounds = 0  # completed passes (tests wait on it)

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stopping.set()
        self._wake.set()
        self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stopping.is_set():
            try:
                self._forwarder.run_once()
                due = self._forwarder.next_due()
            except Exception:  # logged; the loop must survive a database hiccup
                log.exception("GLPI forwarding pass failed")
                due = None
            self.rounds += 1
            wait = self._idle_s
            if due is not None:
                wait = min(wait, max((due - self._clock.now()).total_seconds(), 0.05))
            self._wake.wait(wait)
            self._wake.clear()
