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

from sqlalchemy.orm import Session, sessionmaker

from kiosk.domain import PARIS
from kiosk.fleet.incidents import IncidentOutbox, TicketJob, TicketState
from kiosk.help.domain import ForwardState, HelpReason
from kiosk.help.forwarding import ForwardJob, HelpOutbox
from kiosk.ports import Clock
from kiosk.settings import Settings

log = logging.getLogger(__name__)

BACKOFF_FIRST: Final = timedelta(seconds=5)
BACKOFF_CAP: Final = timedelta(minutes=15)
TIMEOUT_S: Final = 10.0
INCIDENT, REQUEST = 1, 2  # GLPI ticket types
SOLVED = 5  # GLPI ticket status: the requester (here the kiosk) may still reopen it
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
    if not settings.forwards_to_glpi:
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

    def add_followup(self, ticket_id: int, content: str) -> int:
        """A follow-up on the ticket (GLPI 10: ``POST Ticket/<id>/ITILFollowup``)."""
        body = {"input": {"itemtype": "Ticket", "items_id": ticket_id, "content": content}}
        answer = self._call("POST", f"Ticket/{ticket_id}/ITILFollowup", body=body)
        if isinstance(answer, dict) and "id" in answer:
            return int(answer["id"])
        raise GlpiError(f"POST ITILFollowup answered without an id: {answer!r}")

    def find_followup(self, ticket_id: int, reference: str) -> int | None:
        """A follow-up of the ticket carrying ``reference``: a retry never adds it twice."""
        found = self._call("GET", f"Ticket/{ticket_id}/ITILFollowup")
        for item in found if isinstance(found, list) else []:
            if isinstance(item, dict) and reference in str(item.get("content", "")):
                return int(item["id"])
        return None

    def set_status(self, ticket_id: int, status: int) -> None:
        self._call(
            "PUT", f"Ticket/{ticket_id}", body={"input": {"id": ticket_id, "status": status}}
        )

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


def ticket_fields(job: ForwardJob, config: GlpiConfig) -> dict[str, Any]:
    """What GLPI records: title, text with the reference, type, source "Borne", entity."""
    local = job.created_at.astimezone(PARIS)
    if job.requester is not None:
        who = job.requester + (f" (matricule {job.matricule})" if job.matricule else "")
    else:
        who = "Visiteur non identifié"
    lines = [
        job.description or "(pas de description)",
        "",
        f"Ticket de file d'attente {job.ticket} pris le {local:%d/%m/%Y à %H:%M} "
        f"sur la borne {job.kiosk_name}.",
        f"Demandeur : {who}",
        f"Référence borne : {job.nonce}",
    ]
    fields: dict[str, Any] = {
        "name": f"[Borne] {job.ticket} — {job.reason.label_fr}",
        "content": "\n".join(lines),
        "type": TICKET_TYPE[job.reason],
        "urgency": 3,
    }
    if config.request_type_id is not None:
        fields["requesttypes_id"] = config.request_type_id
    if config.entity_id is not None:
        fields["entities_id"] = config.entity_id
    return fields


class GlpiForwarder:
    """Sends the outbox's due requests to GLPI; each is claimed, sent, then settled."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        clock: Clock,
        config: GlpiConfig,
        client: Callable[[GlpiConfig], GlpiClient] = GlpiClient,
    ) -> None:
        self._outbox = HelpOutbox(sessions, clock)
        self._config = config
        self._client = client

    def next_due(self) -> datetime | None:
        return self._outbox.next_due()

    def run_once(self, limit: int = 20) -> list[ForwardResult]:
        """Send what is due now (oldest first); stop at the first failure of GLPI itself."""
        results = []
        for _ in range(limit):
            job = self._outbox.claim()
            if job is None:
                break
            result = self._send(job)
            results.append(result)
            if result.state is ForwardState.PENDING:  # GLPI is down: the rest waits too
                break
        return results

    def _send(self, job: ForwardJob) -> ForwardResult:
        fields = ticket_fields(job, self._config)
        try:
            with self._client(self._config) as glpi:
                # an earlier attempt may have filed it before failing: never file it twice
                ticket_id = glpi.find_ticket(job.nonce) if job.attempt > 1 else None
                if ticket_id is None:
                    if job.matricule and (user_id := glpi.find_user(job.matricule)) is not None:
                        fields["_users_id_requester"] = user_id
                    ticket_id = glpi.create_ticket(fields)
        except GlpiError as error:
            state = ForwardState.REJECTED if error.permanent else ForwardState.PENDING
            self._outbox.settle(
                job.forward_id, state, error=str(error), retry_in=backoff(job.attempt)
            )
            log.warning(
                "help request %s not forwarded to GLPI (%s): %s", job.request_id, state, error
            )
            return ForwardResult(job.request_id, state, error=str(error))
        self._outbox.settle(job.forward_id, ForwardState.SENT, helpdesk_ticket_id=ticket_id)
        log.info("help request %s forwarded to GLPI as ticket %s", job.request_id, ticket_id)
        return ForwardResult(job.request_id, ForwardState.SENT, glpi_ticket_id=ticket_id)


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


# --- fleet incidents -----------------------------------------------------------------------


def incident_fields(job: TicketJob, config: GlpiConfig) -> dict[str, Any]:
    """The incident's ticket: a hardware incident of the kiosk, with its reference."""
    local = job.since.astimezone(PARIS)
    lines = [
        job.detail,
        "",
        f"Borne {job.kiosk_name} ({job.kiosk_code}) : problème constaté depuis le "
        f"{local:%d/%m/%Y à %H:%M}, signalé automatiquement par le parc des bornes.",
        "Le ticket recevra un suivi et sera résolu dès que la borne ira mieux.",
        f"Référence borne : {job.nonce}",
    ]
    fields: dict[str, Any] = {
        "name": f"[Parc des bornes] {job.detail}"[:250],
        "content": "\n".join(lines),
        "type": INCIDENT,
        "urgency": 4 if job.kind == "silent" else 3,
    }
    if config.request_type_id is not None:
        fields["requesttypes_id"] = config.request_type_id
    if config.entity_id is not None:
        fields["entities_id"] = config.entity_id
    return fields


def cleared_text(job: TicketJob) -> str:
    assert job.closed_at is not None
    local = job.closed_at.astimezone(PARIS)
    return (
        f"Rétabli le {local:%d/%m/%Y à %H:%M} : la borne {job.kiosk_name} ne signale plus ce "
        f"problème. Référence borne : {job.nonce}-fin"
    )


class GlpiIncidentTickets:
    """Files each fleet incident's one ticket, then its one follow-up and solves it.

    Like the help forwarding, a retry after a lost answer first looks for what an earlier
    attempt may have filed (the reference is in the text), so a ticket or a follow-up is never
    made twice.
    """

    def __init__(
        self,
        outbox: IncidentOutbox,
        config: GlpiConfig,
        client: Callable[[GlpiConfig], GlpiClient] = GlpiClient,
    ) -> None:
        self._outbox = outbox
        self._config = config
        self._client = client

    def run_once(self, limit: int = 20) -> int:
        """Do what is due; stop at the first failure (GLPI is down: the rest waits too)."""
        done = 0
        while done < limit and (job := self._outbox.claim()) is not None:
            try:
                with self._client(self._config) as glpi:
                    ticket_id = self._act(glpi, job)
            except GlpiError as error:
                self._outbox.failed(job, str(error))
                log.warning("fleet incident %s: GLPI did not take it: %s", job.nonce, error)
                break
            self._outbox.done(job, ticket_id)
            done += 1
        return done

    def _act(self, glpi: GlpiClient, job: TicketJob) -> int | None:
        if job.action is TicketState.TO_OPEN:
            found = glpi.find_ticket(job.nonce) if job.attempt > 1 else None
            ticket_id = (
                found
                if found is not None
                else glpi.create_ticket(incident_fields(job, self._config))
            )
            log.info("fleet incident %s filed as GLPI ticket %s", job.nonce, ticket_id)
            return ticket_id
        if job.ticket_id is None:  # filed in the journal while GLPI was not configured
            return None
        reference = f"{job.nonce}-fin"
        if glpi.find_followup(job.ticket_id, reference) is None:  # not added by an earlier try
            glpi.add_followup(job.ticket_id, cleared_text(job))
        glpi.set_status(job.ticket_id, SOLVED)
        log.info("fleet incident %s cleared: GLPI ticket %s solved", job.nonce, job.ticket_id)
        return job.ticket_id
