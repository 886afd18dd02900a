"""One typed settings object: a TOML file overridden by ``SMARTCORNER_*`` environment variables.

Every invalid value raises :class:`SettingsError` naming where it came from (file key or
environment variable), the bad value and what is accepted, so an operator can fix it at once.
"""

from __future__ import annotations

import enum
import logging
import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Final

from kiosk.display_schedule import (
    ALL_DAYS,
    DisplayHours,
    DisplaySchedule,
    parse_days,
    parse_hours,
)
from kiosk.domain import EventKind
from kiosk.paths import Paths, resolve_paths, write_private_atomically

log = logging.getLogger(__name__)


class Profile(enum.StrEnum):
    STORE = "store"  # Smart Store & Collect desk
    ROOM = "room"  # Smart Room: document kiosk, events
    TOUR = "tour"  # mobile Smart Tour kiosk, often offline


class Language(enum.StrEnum):
    FR = "fr"
    EN = "en"


class SettingsError(ValueError):
    """A setting has a value the kiosk cannot use."""


_PRINTER_SCHEMES = ("tcp://", "usb://", "serial://", "file://", "cups://")


@dataclass(frozen=True)
class Settings:
    profile: Profile = Profile.ROOM
    db_url: str | None = None  # None: SQLite file in the data dir
    printer: str = "none"
    reader: str = "none"
    camera: bool = False
    lang: Language = Language.FR
    idle_timeout: int = 90  # seconds without activity before the countdown
    idle_countdown: int = 15  # seconds of countdown before the reset
    admin_pin: str = "2468"
    kiosk_name: str = "Smart Corner"
    # This kiosk's row in the shared database ("" = DEMO-<PROFILE> when the demo is there,
    # else the host name) and the site it stands on ("" = the Smart Corner site).
    kiosk_code: str = ""
    # Days to keep each kind of personal data, overriding kiosk.rgpd.retention's defaults.
    retention: Mapping[str, int] = field(default_factory=dict)
    site: str = ""
    attract_events: int = 4
    # Check-in (kiosk/identity.py, kiosk/codes.py). None: a file in the data dir.
    site_key_file: Path | None = None  # HMAC key for badge UIDs; shared by a site's kiosks
    ticket_public_key: Path | None = None  # verifies ticket codes (every kiosk)
    ticket_private_key: Path | None = None  # signs ticket codes (the issuer only)
    # Mode accueil: where the attendance export goes; None: the USB stick mounted under /media.
    export_dir: Path | None = None
    # Besoin d'aide ?: staff screen PIN; forwarding to GLPI is off while glpi_url is empty.
    staff_pin: str = "1357"
    glpi_url: str = ""  # https://glpi.example/apirest.php
    glpi_app_token: str = ""
    glpi_user_token: str = ""
    glpi_request_type: int | None = None  # id of the "Borne" request source in GLPI
    glpi_entity: int | None = None
    display_hours: DisplayHours | None = None  # None: the screen stays lit all day
    display_days: frozenset[int] = ALL_DAYS
    # Smart Tour: the central database this kiosk pushes to and pulls from ("" = no sync),
    # and how often the running kiosk tries (seconds).
    central_db: str = ""
    sync_interval: int = 300
    # Kiosque numérique: where a document's public page lives (its QR code), without the slug.
    documents_url: str = "https://smartcorner.departement06.fr/kiosque"
    # Projets numériques: where a project's public page lives (its QR code), without the slug.
    projects_url: str = "https://smartcorner.departement06.fr/projets"
    # Programme imports: words of a category or title (« Webinaire ») -> event type, on top of
    # the built-in names; an event naming no type is refused unless `import events --type`.
    event_types: Mapping[str, EventKind] = field(
        default_factory=lambda: dict(EVENT_TYPE_WORDS_DEFAULTS)
    )
    # Keyboard-wedge scanner as programmed: what it sends before and after each code, and the
    # longest gap between two of its keys (hardware.wedge.WedgeConfig; people type slower).
    scanner_prefix: str = ""
    scanner_suffix: str = "return_or_tab"
    scanner_max_gap_ms: int = 50
    # Speech output (accessible mode): where it goes (a headset also hears personal data) and
    # the Qt text-to-speech engine ("none": no speech; "mock": tests).
    speech_output: str = "auto"
    speech_engine: str = "speechd"
    # RGPD: whom a person may ask about their data (shown where data is collected);
    # "" = the council's data protection officer, without an address.
    privacy_contact: str = ""
    # Fleet health (kiosk/fleet): how often this kiosk writes its heartbeat, and after how long
    # each problem becomes an incident (seconds); days of heartbeat history kept.
    heartbeat_interval: int = 60
    printer_status_every: int = 30  # seconds between an idle printer's paper and state checks
    fleet_silent_after: int = 600
    fleet_printer_after: int = 300
    fleet_spool_after: int = 300
    fleet_sync_max_age: int = 86400
    fleet_history_days: int = 30
    # Notifications (waiting list -> place, order ready, request declined): the mail server,
    # smtp://user:password@host:587 (STARTTLS when offered) or smtps://host:465; "" = no mail,
    # « Mon espace » then tells agents to come back and look.
    smtp_url: str = ""
    mail_from: str = "smartcorner@localhost"
    paths: Paths = field(default_factory=resolve_paths)

    @property
    def forwards_to_glpi(self) -> bool:
        """Help requests and fleet incidents go to GLPI: its URL and a user token are set."""
        return bool(self.glpi_url and self.glpi_user_token)

    @property
    def database_url(self) -> str:
        return self.db_url or self.paths.default_db_url()

    @property
    def site_key_path(self) -> Path:
        return self.site_key_file or self.paths.data_dir / "site.key"

    @property
    def ticket_public_key_path(self) -> Path:
        return self.ticket_public_key or self.paths.data_dir / "keys" / "ticket-verify.pem"

    @property
    def ticket_private_key_path(self) -> Path:
        return self.ticket_private_key or self.paths.data_dir / "keys" / "ticket-signing.pem"

    @property
    def display_schedule(self) -> DisplaySchedule:
        return DisplaySchedule(self.display_hours, self.display_days)


def _parse_profile(v: Any) -> Profile:
    return Profile(str(v).strip().lower())


def _parse_lang(v: Any) -> Language:
    return Language(str(v).strip().lower())


def _parse_bool(v: Any) -> bool:
    if isinstance(v, bool):
        return v
    s = str(v).strip().lower()
    if s in {"1", "true", "yes", "on", "oui"}:
        return True
    if s in {"0", "false", "no", "off", "non", ""}:
        return False
    raise ValueError(v)


def _parse_int(lo: int, hi: int) -> Callable[[Any], int]:
    def parse(v: Any) -> int:
        if isinstance(v, bool):
            raise ValueError(v)
        n = int(str(v).strip())
        if not lo <= n <= hi:
            raise ValueError(v)
        return n

    return parse


def _parse_printer(v: Any) -> str:
    s = str(v).strip()
    if s == "none" or s.startswith(_PRINTER_SCHEMES):
        return s
    raise ValueError(v)


def _parse_reader(v: Any) -> str:
    s = str(v).strip()
    if s in {"none", "pcsc"} or (s.startswith("pcsc:") and len(s) > 5):
        return s
    raise ValueError(v)


def _parse_pin(v: Any) -> str:
    s = str(v).strip()
    if re.fullmatch(r"\d{4,8}", s):
        return s
    raise ValueError(v)


def _parse_db(v: Any) -> str:
    s = str(v).strip()
    if re.match(r"^[a-z][a-z0-9+_]*://", s):
        return s
    raise ValueError(v)


def _parse_optional_db(v: Any) -> str:
    s = str(v).strip()
    return s and _parse_db(s)


def _parse_path(v: Any) -> Path:
    s = str(v).strip()
    if s:
        return Path(s).expanduser()
    raise ValueError(v)


def _parse_http_url(v: Any) -> str:
    s = str(v).strip()
    if s == "" or re.match(r"^https?://[^/\s]+", s):
        return s
    raise ValueError(v)


def _parse_secret(v: Any) -> str:
    s = str(v).strip()
    if s == "" or re.fullmatch(r"[A-Za-z0-9._~+/=-]{8,256}", s):
        return s
    raise ValueError(v)


def _parse_web_url(v: Any) -> str:
    s = str(v).strip()
    if re.match(r"^https?://[^\s/]+", s):
        return s.rstrip("/")
    raise ValueError(v)


def _parse_smtp_url(v: Any) -> str:
    s = str(v).strip()
    if s == "" or re.match(r"^smtps?://[^/\s]+$", s.rstrip("/")):
        return s.rstrip("/")
    raise ValueError(v)


def _parse_mail_address(v: Any) -> str:
    s = str(v).strip()
    if re.fullmatch(r"[^@\s<>]+@[^@\s<>]+", s):
        return s
    raise ValueError(v)


def _parse_text(v: Any) -> str:
    s = str(v).strip()
    if s:
        return s
    raise ValueError(v)


_SCANNER_SUFFIXES: Final = ("return_or_tab", "return", "tab", "none")


def _parse_scanner_suffix(v: Any) -> str:
    s = str(v).strip().lower()
    if s in _SCANNER_SUFFIXES:
        return s
    raise ValueError(v)


SPEECH_OUTPUTS: Final = ("speaker", "headset", "auto")


def _parse_choice(choices: tuple[str, ...]) -> Callable[[Any], str]:
    def parse(v: Any) -> str:
        s = str(v).strip().lower()
        if s in choices:
            return s
        raise ValueError(v)

    return parse


def _parse_scanner_prefix(v: Any) -> str:
    s = str(v)
    if len(s) <= 8 and s.isprintable() and s == s.strip():
        return s
    raise ValueError(v)


def _parse_code(length: int) -> Callable[[Any], str]:
    def parse(v: Any) -> str:
        s = str(v).strip().upper()
        if re.fullmatch(rf"[A-Z0-9_-]{{0,{length}}}", s):
            return s
        raise ValueError(v)

    return parse


# Days each kind of personal data is kept unless the ``retention`` setting says otherwise
# (RGPD: kiosk.rgpd.retention purges past them; the screens that collect data say them).
RETENTION_DEFAULTS: Final[Mapping[str, int]] = {
    "refused_scans": 90,
    "checkins": 3 * 365,
    "space_visits": 3 * 365,
    "help_requests": 365,
    "print_jobs": 30,
    "handovers": 5 * 365,
    "document_searches": 365,
    "visitors": 365,
    "sync_conflicts": 90,
    "event_feedback": 3 * 365,
    "notices": 365,
    "requests": 5 * 365,
    "project_views": 3 * 365,
    "document_views": 3 * 365,
}


def _key_values(v: Any) -> Mapping[Any, Any]:
    """A TOML table as it is, or ``a=1,b=2`` from an environment variable as a table."""
    if isinstance(v, str):
        pairs = [item.split("=", 1) for item in v.split(",") if item.strip()]
        if any(len(pair) != 2 for pair in pairs):
            raise ValueError(v)
        return {k.strip(): val.strip() for k, val in pairs}
    if not isinstance(v, Mapping):
        raise ValueError(v)
    return v


def _parse_retention(v: Any) -> dict[str, int]:
    """A TOML table ``{checkins = 1095}``, or ``checkins=1095,visitors=365`` from the env."""
    v = _key_values(v)
    out: dict[str, int] = {}
    for kind, days in v.items():
        if kind not in RETENTION_DEFAULTS or isinstance(days, bool) or not 1 <= int(days) <= 36500:
            raise ValueError(v)
        out[str(kind)] = int(days)
    return out


# What agendas call events, beyond the type names themselves (``event_types`` replaces these).
EVENT_TYPE_WORDS_DEFAULTS: Final[Mapping[str, EventKind]] = {
    "Conférence": EventKind.MASTERCLASS,
    "Webinaire": EventKind.FORMATION,
    "Séminaire": EventKind.FORMATION,
    "Débat": EventKind.TABLE_RONDE,
    "Permanence numérique": EventKind.CAFE_NUMERIQUE,
}


def _parse_event_types(v: Any) -> dict[str, EventKind]:
    """A TOML table ``{Webinaire = "formation"}``, or ``Webinaire=formation,Débat=table_ronde``
    from the env; the types are the codes (masterclass, table_ronde, atelier_technologique,
    cafe_numerique, formation)."""
    v = _key_values(v)
    out: dict[str, EventKind] = {}
    for word, kind in v.items():
        if not str(word).strip():
            raise ValueError(v)
        out[str(word).strip()] = EventKind(str(kind).strip().lower())
    return out


# name in the TOML file -> (dataclass field, parser, what is accepted)
_KEYS: dict[str, tuple[str, Callable[[Any], Any], str]] = {
    "profile": ("profile", _parse_profile, "store, room or tour"),
    "db": ("db_url", _parse_db, "a SQLAlchemy URL such as postgresql+psycopg://user:pw@host/db"),
    "printer": (
        "printer",
        _parse_printer,
        "none, tcp://host:port, usb://VID:PID, serial:///dev/ttyUSB0, file:///dev/usb/lp0 "
        "or cups://QUEUE",
    ),
    "reader": ("reader", _parse_reader, "none, pcsc or pcsc:<part of the reader name>"),
    "camera": ("camera", _parse_bool, "0 or 1"),
    "lang": ("lang", _parse_lang, "fr or en"),
    "idle_timeout": ("idle_timeout", _parse_int(5, 3600), "a number of seconds from 5 to 3600"),
    "idle_countdown": ("idle_countdown", _parse_int(1, 120), "a number of seconds from 1 to 120"),
    "admin_pin": ("admin_pin", _parse_pin, "4 to 8 digits"),
    "kiosk_name": ("kiosk_name", _parse_text, "a non-empty name"),
    "privacy_contact": (
        "privacy_contact",
        lambda v: str(v).strip(),
        "whom to ask about personal data, e.g. dpd@departement06.fr",
    ),
    "retention": (
        "retention",
        _parse_retention,
        "days per kind, e.g. checkins=1095,visitors=365 (kinds: refused_scans, checkins, "
        "space_visits, help_requests, print_jobs, handovers, document_searches, visitors, "
        "sync_conflicts)",
    ),
    "kiosk_code": ("kiosk_code", _parse_code(32), "up to 32 letters, digits, '-' or '_'"),
    "site": ("site", _parse_code(16), "a site code of up to 16 letters, digits, '-' or '_'"),
    "attract_events": ("attract_events", _parse_int(0, 8), "a number from 0 to 8"),
    "site_key_file": ("site_key_file", _parse_path, "the path of the site's badge key file"),
    "ticket_public_key": ("ticket_public_key", _parse_path, "the path of a PEM public key"),
    "ticket_private_key": ("ticket_private_key", _parse_path, "the path of a PEM private key"),
    "export_dir": ("export_dir", _parse_path, "the folder where attendance exports are written"),
    "staff_pin": ("staff_pin", _parse_pin, "4 to 8 digits"),
    "glpi_url": ("glpi_url", _parse_http_url, "empty (off) or the http(s) URL of apirest.php"),
    "glpi_app_token": ("glpi_app_token", _parse_secret, "empty or GLPI's API client token"),
    "glpi_user_token": ("glpi_user_token", _parse_secret, "empty or a GLPI user's API token"),
    "glpi_request_type": (
        "glpi_request_type",
        _parse_int(1, 2**31 - 1),
        "the id of the 'Borne' request source in GLPI",
    ),
    "glpi_entity": ("glpi_entity", _parse_int(0, 2**31 - 1), "a GLPI entity id"),
    "display_hours": (
        "display_hours",
        lambda v: parse_hours(str(v)),
        'opening hours such as "07:30-19:00", or "" for a screen lit all day',
    ),
    "display_days": (
        "display_days",
        lambda v: parse_days(str(v)),
        'days such as "mon-fri", "lun-ven" or "mon,wed,fri", or "all"',
    ),
    "central_db": (
        "central_db",
        _parse_optional_db,
        "empty (no sync) or the SQLAlchemy URL of the central database",
    ),
    "sync_interval": ("sync_interval", _parse_int(30, 86400), "seconds from 30 to 86400"),
    "documents_url": (
        "documents_url",
        _parse_web_url,
        "an http(s) address such as https://intranet.example.fr/kiosque",
    ),
    "projects_url": (
        "projects_url",
        _parse_web_url,
        "an http(s) address such as https://intranet.example.fr/projets",
    ),
    "event_types": (
        "event_types",
        _parse_event_types,
        "words and event types, e.g. Webinaire=formation,Débat=table_ronde (types: "
        + ", ".join(kind.value for kind in EventKind)
        + ")",
    ),
    "scanner_prefix": (
        "scanner_prefix",
        _parse_scanner_prefix,
        "empty or up to 8 printable characters the scanner sends before each code",
    ),
    "scanner_suffix": (
        "scanner_suffix",
        _parse_scanner_suffix,
        "return_or_tab, return, tab or none (what the scanner sends after each code)",
    ),
    "speech_output": (
        "speech_output",
        _parse_choice(SPEECH_OUTPUTS),
        "speaker, headset or auto (headset when the audio server reports one plugged in)",
    ),
    "speech_engine": (
        "speech_engine",
        _parse_choice(("speechd", "mock", "none")),
        "speechd, mock (tests) or none",
    ),
    "scanner_max_gap_ms": (
        "scanner_max_gap_ms",
        _parse_int(10, 70),
        "milliseconds from 10 to 70 (people type slower than that)",
    ),
    "heartbeat_interval": ("heartbeat_interval", _parse_int(1, 3600), "seconds from 1 to 3600"),
    "printer_status_every": (
        "printer_status_every",
        _parse_int(1, 600),
        "seconds from 1 to 600",
    ),
    "fleet_silent_after": ("fleet_silent_after", _parse_int(1, 86400), "seconds from 1 to 86400"),
    "fleet_printer_after": (
        "fleet_printer_after",
        _parse_int(0, 86400),
        "seconds from 0 to 86400",
    ),
    "fleet_spool_after": ("fleet_spool_after", _parse_int(0, 86400), "seconds from 0 to 86400"),
    "fleet_sync_max_age": (
        "fleet_sync_max_age",
        _parse_int(60, 30 * 86400),
        "seconds from 60 to 2592000",
    ),
    "fleet_history_days": ("fleet_history_days", _parse_int(1, 3650), "days from 1 to 3650"),
    "smtp_url": (
        "smtp_url",
        _parse_smtp_url,
        "empty (no mail) or smtp://user:password@host:port or smtps://host:465",
    ),
    "mail_from": ("mail_from", _parse_mail_address, "a mail address such as kiosque@example.fr"),
}

ENV_PREFIX = "SMARTCORNER_"


def env_var(key: str) -> str:
    return ENV_PREFIX + key.upper()


def _convert(key: str, raw: Any, origin: str) -> Any:
    _, parse, accepted = _KEYS[key]
    try:
        return parse(raw)
    except (ValueError, TypeError):
        raise SettingsError(f"{origin}: invalid value {raw!r} (expected {accepted})") from None


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Read the TOML file (``SMARTCORNER_CONFIG`` or /etc/smartcorner/kiosk.toml), then the env."""
    env = os.environ if environ is None else environ
    paths = resolve_paths(env)
    values: dict[str, Any] = {}
    if paths.config_file is not None:
        values.update(_read_toml(paths.config_file))
    for key in _KEYS:
        name = env_var(key)
        if name in env:
            values[_KEYS[key][0]] = _convert(key, env[name], f"environment variable {name}")
    return Settings(paths=paths, **values)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise SettingsError(f"{path}: configuration file not found (SMARTCORNER_CONFIG)") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: not valid TOML ({exc})") from None
    out: dict[str, Any] = {}
    for key, raw in data.items():
        if key not in _KEYS:
            known = ", ".join(sorted(_KEYS))
            raise SettingsError(f"{path}: unknown key {key!r} (known keys: {known})")
        out[_KEYS[key][0]] = _convert(key, raw, f"{path}: key {key!r}")
    return out


def with_overrides(settings: Settings, **changes: Any) -> Settings:
    """A copy with some fields changed (tests and the command line use it)."""
    known = {f.name for f in fields(Settings)}
    unknown = set(changes) - known
    if unknown:
        raise TypeError(f"unknown settings fields: {sorted(unknown)}")
    return replace(settings, **changes)


def masked_url(url: str) -> str:
    """The database URL with its password replaced by ***, for screens and logs."""
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url)


# -- the voice staff set on the admin screen ---------------------------------------------
# Not read from the configuration file: staff change it at the kiosk, with no access to
# ``kiosk.toml``, and it must outlast the nightly restart. It is this kiosk's state, kept beside
# the PIN lockout counters in the data folder (``Paths.voice_file``), all or nothing (a torn
# file is never read half). An unreadable file gives the defaults: a voice that speaks is
# better than none.

VOLUME_STEPS: Final = (0.2, 0.4, 0.6, 0.8, 1.0)
RATE_STEPS: Final = (-0.5, 0.0, 0.5)  # slow, normal, fast (Qt's -1..1 scale)


@dataclass(frozen=True)
class Voice:
    volume: float = 0.8
    rate: float = 0.0
    muted: bool = False

    def next_volume(self) -> Voice:
        """One step louder, the quietest after the loudest (one button cycles)."""
        return Voice(_next_step(VOLUME_STEPS, self.volume), self.rate, self.muted)

    def next_rate(self) -> Voice:
        return Voice(self.volume, _next_step(RATE_STEPS, self.rate), self.muted)

    def toggled_mute(self) -> Voice:
        return Voice(self.volume, self.rate, not self.muted)


def _next_step(steps: tuple[float, ...], value: float) -> float:
    """The step after ``value`` (after the nearest one, for a value set by hand)."""
    nearest = min(range(len(steps)), key=lambda n: abs(steps[n] - value))
    return steps[(nearest + 1) % len(steps)]


def load_voice(path: Path) -> Voice:
    """The voice staff last set, else the default one (most kiosks: no file)."""
    try:
        text = path.read_text(encoding="utf-8")
        import json  # only with a file: the start reads this before the first paint

        raw = json.loads(text)
        voice = Voice(
            volume=min(1.0, max(0.0, float(raw["volume"]))),
            rate=min(1.0, max(-1.0, float(raw["rate"]))),
            muted=bool(raw["muted"]),
        )
    except FileNotFoundError:
        return Voice()
    except (OSError, ValueError, TypeError, KeyError) as exc:
        log.error("voice settings file unreadable (%s): the default voice", exc)
        return Voice()
    return voice


def save_voice(path: Path, voice: Voice) -> None:
    """Durably, 0600 (the data folder is private); an error is logged, the voice kept in use."""
    import json  # with load_voice's

    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_private_atomically(path, json.dumps(asdict(voice)).encode())
    except OSError as exc:
        log.error("voice settings not saved (%s): they last until the restart", exc)
