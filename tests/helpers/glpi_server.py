"""A small GLPI on loopback: the few legacy REST endpoints the kiosk calls, with every request
recorded, so the forwarding is tested over real HTTP (and with the server down, then up).

Tickets (``POST Ticket``, ``GET Ticket?searchText[content]=``), their follow-ups
(``POST``/``GET Ticket/<id>/ITILFollowup``) and their status (``PUT Ticket/<id>``), as GLPI 10's
``apirest.php`` answers them."""

from __future__ import annotations

import json
import threading
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

APP_TOKEN = "app-token-0123456789"
USER_TOKEN = "user-token-9876543210"


@dataclass
class Recorded:
    method: str
    path: str  # after /apirest.php/
    query: dict[str, str]
    headers: dict[str, str]
    body: Any


@dataclass
class FakeGlpi:
    """State of the fake server: users by matricule, tickets filed, requests seen."""

    users: dict[str, int] = field(default_factory=dict)  # registration_number -> id
    tickets: dict[int, dict[str, Any]] = field(default_factory=dict)
    followups: dict[int, list[dict[str, Any]]] = field(default_factory=dict)  # by ticket id
    requests: list[Recorded] = field(default_factory=list)
    reject_posts: bool = False  # answer POST Ticket with 400 ERROR_BAD_ARRAY
    fail_posts: int = 0  # answer the next N POST Ticket with HTTP 500 (after filing it!)
    sessions: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def paths(self) -> list[str]:
        return [f"{r.method} {r.path}" for r in self.requests]


class _Handler(BaseHTTPRequestHandler):
    glpi: FakeGlpi

    def log_message(self, format: str, *args: Any) -> None:  # quiet test output
        pass

    def _answer(self, status: int, payload: Any) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _record(self) -> Recorded:
        parsed = urllib.parse.urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        recorded = Recorded(
            self.command,
            parsed.path.removeprefix("/apirest.php/"),
            dict(urllib.parse.parse_qsl(parsed.query)),
            {k: v for k, v in self.headers.items()},
            json.loads(raw) if raw else None,
        )
        with self.glpi.lock:
            self.glpi.requests.append(recorded)
        return recorded

    def do_GET(self) -> None:
        r = self._record()
        if r.headers.get("App-Token") != APP_TOKEN:
            return self._answer(400, ["ERROR_WRONG_APP_TOKEN_PARAMETER", "wrong app token"])
        if r.path == "initSession":
            if r.headers.get("Authorization") != f"user_token {USER_TOKEN}":
                return self._answer(401, ["ERROR_GLPI_LOGIN_USER_TOKEN", "bad user token"])
            token = f"session-{len(self.glpi.sessions) + 1}"
            self.glpi.sessions.add(token)
            return self._answer(200, {"session_token": token})
        if r.headers.get("Session-Token") not in self.glpi.sessions:
            return self._answer(401, ["ERROR_SESSION_TOKEN_INVALID", "no session"])
        if r.path == "killSession":
            self.glpi.sessions.discard(r.headers["Session-Token"])
            return self._answer(200, "")
        if r.path == "User":
            wanted = r.query.get("searchText[registration_number]", "")
            found = [
                {"id": i, "registration_number": m}
                for m, i in self.glpi.users.items()
                if wanted in m
            ]
            return self._answer(200, found)
        if (ticket := _followups_of(r.path)) is not None:
            if ticket not in self.glpi.tickets:
                return self._answer(404, ["ERROR_ITEM_NOT_FOUND", r.path])
            items = self.glpi.followups.get(ticket, [])
            return self._answer(200, [{"id": n + 1, **f} for n, f in enumerate(items)])
        if r.path == "Ticket":
            wanted = r.query.get("searchText[content]", "")
            found = [{"id": i, **t} for i, t in self.glpi.tickets.items() if wanted in t["content"]]
            return self._answer(200, found)
        return self._answer(400, ["ERROR_ITEM_NOT_FOUND", r.path])

    def do_POST(self) -> None:
        r = self._record()
        if r.headers.get("Session-Token") not in self.glpi.sessions:
            return self._answer(401, ["ERROR_SESSION_TOKEN_INVALID", "no session"])
        if (ticket := _followups_of(r.path)) is not None:
            followup = (r.body or {}).get("input")
            if ticket not in self.glpi.tickets:
                return self._answer(404, ["ERROR_ITEM_NOT_FOUND", r.path])
            if not isinstance(followup, dict) or not followup.get("content"):
                return self._answer(400, ["ERROR_BAD_ARRAY", "input.content is required"])
            with self.glpi.lock:
                items = self.glpi.followups.setdefault(ticket, [])
                items.append(followup)
                followup_id = 1000 * ticket + len(items)
            return self._answer(201, {"id": followup_id, "message": ""})
        if r.path != "Ticket":
            return self._answer(400, ["ERROR_ITEM_NOT_FOUND", r.path])
        fields = (r.body or {}).get("input")
        if self.glpi.reject_posts or not isinstance(fields, dict) or not fields.get("name"):
            return self._answer(400, ["ERROR_BAD_ARRAY", "input.name is required"])
        with self.glpi.lock:
            ticket_id = 100 + len(self.glpi.tickets) + 1
            self.glpi.tickets[ticket_id] = fields
            failing = self.glpi.fail_posts > 0
            self.glpi.fail_posts -= 1 if failing else 0
        if failing:  # filed, but the answer is lost: the kiosk must not file it again
            return self._answer(500, ["ERROR", "proxy timeout"])
        return self._answer(201, {"id": ticket_id, "message": ""})

    def do_PUT(self) -> None:
        r = self._record()
        if r.headers.get("Session-Token") not in self.glpi.sessions:
            return self._answer(401, ["ERROR_SESSION_TOKEN_INVALID", "no session"])
        head, _, number = r.path.partition("/")
        changes = (r.body or {}).get("input")
        if head != "Ticket" or not number.isdigit() or int(number) not in self.glpi.tickets:
            return self._answer(404, ["ERROR_ITEM_NOT_FOUND", r.path])
        if not isinstance(changes, dict):
            return self._answer(400, ["ERROR_BAD_ARRAY", "input is required"])
        with self.glpi.lock:
            self.glpi.tickets[int(number)].update({k: v for k, v in changes.items() if k != "id"})
        return self._answer(200, [{number: True, "message": ""}])


def _followups_of(path: str) -> int | None:
    """The ticket id of ``Ticket/<id>/ITILFollowup``, else None."""
    parts = path.split("/")
    if len(parts) == 3 and parts[0] == "Ticket" and parts[2] == "ITILFollowup":
        return int(parts[1]) if parts[1].isdigit() else None
    return None


class GlpiServer:
    """``with GlpiServer(port) as server:`` serves ``server.url`` until the block ends."""

    def __init__(self, port: int = 0, glpi: FakeGlpi | None = None) -> None:
        self.glpi = glpi or FakeGlpi()
        handler = type("Handler", (_Handler,), {"glpi": self.glpi})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.port = int(self._httpd.server_address[1])
        self.url = f"http://127.0.0.1:{self.port}/apirest.php"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def __enter__(self) -> GlpiServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(5)
