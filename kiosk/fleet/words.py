"""The fleet in words, French first and English second: ``smartcorner fleet`` prints them and
the « Parc des bornes » screen shows them, so both say exactly the same thing.

A table of wordings by code, like the command line's: the kiosk's states are codes from
``kiosk.ports`` and :mod:`kiosk.fleet.rules`, and only here do they become sentences.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Final

from kiosk.domain import PARIS
from kiosk.settings import Language

NNBSP: Final = "\u202f"  # narrow no-break space before « : » in French

# code -> (French, English)
TEXTS: Final[dict[str, tuple[str, str]]] = {
    "seen": ("signe de vie il y a {ago}", "last heard {ago} ago"),
    "silent": ("silencieuse depuis {ago}", "silent for {ago}"),
    "silent_closed": (
        "silencieuse depuis {ago} (fermée à cette heure)",
        "silent for {ago} (closed at this hour)",
    ),
    "never": ("aucun signe de vie reçu", "never heard from"),
    "synced_seen": (
        "entendue à sa dernière synchronisation, il y a {ago}",
        "heard at its last sync, {ago} ago",
    ),
    "attention": ("à voir", "needs attention"),
    "ok": ("tout va bien", "all well"),
    "printer": ("imprimante", "printer"),
    "reader": ("lecteur de badges", "badge reader"),
    "camera": ("caméra", "camera"),
    "scanner": ("lecteur de codes", "code scanner"),
    "spool": ("impressions", "printing"),
    "sync": ("synchronisation", "sync"),
    "database": ("base de données", "database"),
    "disk": ("disque", "disk"),
    "visitor": ("dernier visiteur", "last visitor"),
    "software": ("logiciel", "software"),
    "hours": ("horaires", "opening hours"),
    "since": ("{what} depuis {at}", "{what} since {at}"),
    "printer.ready": ("prête", "ready"),
    "printer.paper_low": ("papier bientôt fini", "paper running low"),
    "printer.paper_out": ("plus de papier", "out of paper"),
    "printer.offline": ("hors ligne (capot ouvert\u202f?)", "offline (cover open?)"),
    "printer.unreachable": ("injoignable", "unreachable"),
    "printer.silent": ("ne répond pas", "not answering"),
    "printer.unknown": ("état inconnu (imprime quand même)", "state unknown (prints anyway)"),
    "printer.not_configured": ("non configurée", "not configured"),
    "reader.ready": ("prêt", "ready"),
    "reader.no_reader": ("absent", "missing"),
    "reader.reader_unplugged": ("débranché", "unplugged"),
    "reader.service_down": ("service pcscd arrêté", "pcscd service down"),
    "reader.failed": ("en erreur", "failing"),
    "reader.stopped": ("arrêté", "stopped"),
    "camera.ready": ("prête", "ready"),
    "camera.missing": ("absente", "missing"),
    "camera.failed": ("en erreur", "failing"),
    "printer.simulated": ("simulée (tickets montrés à l’écran)", "simulated (tickets on screen)"),
    "reader.simulated": ("simulé", "simulated"),
    "camera.simulated": ("non utilisée", "not used"),
    "scanner.last": ("dernier code lu {at}", "last code read {at}"),
    "scanner.none": ("aucun code lu depuis le démarrage", "no code read since start"),
    "spool.empty": ("aucune en attente", "none waiting"),
    "spool.waiting": (
        "{n} en attente, la plus ancienne depuis {at}",
        "{n} waiting, the oldest since {at}",
    ),
    "spool.failed": ("{n} en échec à décider", "{n} failed, to decide on"),
    "sync.last": (
        "dernière réussie il y a {ago}, {n} enregistrement(s) à envoyer",
        "last success {ago} ago, {n} record(s) to push",
    ),
    "sync.never": (
        "jamais réussie, {n} enregistrement(s) à envoyer",
        "never succeeded, {n} record(s) to push",
    ),
    "database.ok": ("saine (vérifiée il y a {ago})", "sound (checked {ago} ago)"),
    "database.unchecked": ("pas encore vérifiée", "not checked yet"),
    "database.damaged": ("abîmée", "damaged"),
    "database.empty_file": ("fichier vide", "empty file"),
    "database.read_only": ("en lecture seule", "read-only"),
    "database.disk_full": ("disque plein", "disk full"),
    "database.unreachable": ("injoignable", "unreachable"),
    "disk.free": ("{size} libres", "{size} free"),
    "visitor.at": ("{at}", "{at}"),
    "visitor.none": ("personne depuis le démarrage", "nobody since start"),
    "software.line": (
        "version {version}, schéma {schema}, démarrée {at}",
        "version {version}, schema {schema}, started {at}",
    ),
    "hours.all": ("allumée toute la journée", "lit all day"),
    "hours.line": ("{hours}, jours\u202f: {days}", "{hours}, days: {days}"),
    "today_at": ("{hm}", "{hm}"),
    "day_at": ("le {dm} à {hm}", "{dm} at {hm}"),
    "day_at_phrase": ("le {dm} à {hm}", "on {dm} at {hm}"),
    "today_at_phrase": ("à {hm}", "at {hm}"),
    "kind.silent": ("borne silencieuse", "kiosk silent"),
    "kind.paper_out": ("imprimante sans papier", "printer out of paper"),
    "kind.printer_offline": ("imprimante hors service", "printer out of service"),
    "kind.spool_backlog": ("impressions en retard", "prints held up"),
    "kind.sync_late": ("synchronisation en retard", "sync overdue"),
    "kind.storage": ("base de données en défaut", "database fault"),
    "incident": (
        "incident ouvert\u202f: {kind} (depuis {at}){ticket}",
        "open incident: {kind} (since {at}){ticket}",
    ),
    "ticket": (", ticket GLPI n° {id}", ", GLPI ticket #{id}"),
}


def say(code: str, lang: Language, **values: object) -> str:
    french, english = TEXTS[code]
    text = french if lang is Language.FR else english
    if lang is Language.FR:
        text = text.replace(" :", NNBSP + ":")
    return text.format(**values)


def ago(delta: timedelta, lang: Language = Language.FR) -> str:
    """``45 s``, ``25 min``, ``2 h 05``, ``3 j`` (``3 d`` in English)."""
    seconds = max(int(delta.total_seconds()), 0)
    if seconds < 60:
        return f"{seconds}{NNBSP}s"
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes}{NNBSP}min"
    hours, rest = divmod(minutes, 60)
    if hours < 48:
        return f"{hours}{NNBSP}h{NNBSP}{rest:02d}" if rest else f"{hours}{NNBSP}h"
    return f"{hours // 24}{NNBSP}{'j' if lang is Language.FR else 'd'}"


def when(at: datetime, now: datetime, lang: Language = Language.FR, *, phrase: bool = False) -> str:
    """``14:02`` today (Paris time), ``le 05/12 à 14:02`` another day; with ``phrase``, today
    is ``à 14:02`` (« démarrée à 14:02 » beside « démarrée le 05/12 à 14:02 »)."""
    local, today = at.astimezone(PARIS), now.astimezone(PARIS)
    hm = local.strftime("%H:%M")
    if local.date() == today.date():
        return say("today_at_phrase" if phrase else "today_at", lang, hm=hm)
    return say("day_at_phrase" if phrase else "day_at", lang, dm=local.strftime("%d/%m"), hm=hm)


_DAYS_FR = dict(zip(("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
                    ("lun", "mar", "mer", "jeu", "ven", "sam", "dim"), strict=True))  # fmt: skip


def days(text: str, lang: Language) -> str:
    """``mon,tue`` (the settings' form) in the reader's language."""
    if lang is not Language.FR:
        return text
    for english, french in _DAYS_FR.items():
        text = text.replace(english, french)
    return text


def size(n: int, lang: Language = Language.FR) -> str:
    """``52,0 Go`` (French units and decimal comma) or ``52.0 GB``."""
    units = ("Go", "Mo", "Ko") if lang is Language.FR else ("GB", "MB", "kB")
    for unit, scale in zip(units[:2], (1 << 30, 1 << 20), strict=True):
        if n >= scale:
            number = f"{n / scale:.1f}"
            return (number.replace(".", ",") if lang is Language.FR else number) + f"{NNBSP}{unit}"
    return f"{n // 1024}{NNBSP}{units[2]}"


def incident_text(kind: str, kiosk_name: str, since: datetime) -> str:
    """The incident as the help desk reads it (French: GLPI's language at the council)."""
    local = since.astimezone(PARIS)
    return f"{kiosk_name} — {say('kind.' + kind, Language.FR)} depuis le {local:%d/%m/%Y à %H:%M}"
