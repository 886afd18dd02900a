"""Operators' command-line wording, in the kiosk's language (``SMARTCORNER_LANG``, French first).

A table rather than the Qt catalogue of the screens: part of the wording comes from hardware/
(device checks, no Qt there, and outside what ``pyside6-lupdate`` scans), and the commands must
answer quickly over SSH without starting Qt. Each check carries a stable ``code`` and its
values; English is the check's own ``detail`` for hardware codes, and both languages are here
for the ones the command line composes. tests/ui/cli/test_texts.py keeps the table complete.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from hardware.selftest import Check
from kiosk.settings import Language

# Composed by the command line: (French, English).
TEXTS: Final[Mapping[str, tuple[str, str]]] = {
    "title": (
        "Autotest Smart Corner\u202f: {kiosk} (profil {profile})",
        "Smart Corner self-test: {kiosk} (profile {profile})",
    ),
    "ready": ("prêt", "ready"),
    "ready_warned": ("prêt, avec avertissements\u202f: {names}", "ready, with warnings: {names}"),
    "failed": ("ÉCHEC\u202f: {names}", "FAILED: {names}"),
    "db.ok": ("{where}\u202f: schéma {revision} (à jour)", "{where}: schema {revision} (current)"),
    "db.schema": ("{where}\u202f: {error}", "{where}: {error}"),
    "db.unreachable": ("{where}\u202f: injoignable ({error})", "{where}: unreachable ({error})"),
    "db.empty": (
        "{where}\u202f: vide, lancez «\u202fsmartcorner db upgrade\u202f» (ou démarrez la borne)",
        "{where}: empty, run 'smartcorner db upgrade' (or start the kiosk once)",
    ),
    "db.old_schema": (
        "{where}\u202f: schéma {revision}, ce logiciel attend {head}\u202f: lancez «\u202f"
        "smartcorner db upgrade\u202f»",
        "{where}: schema {revision}, this software expects {head}: run 'smartcorner db upgrade'",
    ),
    "db.damaged": (
        "{where}\u202f: base abîmée ({detail}). Restaurez la dernière sauvegarde "
        "(la borne redémarre dessus)\u202f: {restore}",
        "{where}: damaged database ({detail}). Restore the last backup (the kiosk restarts "
        "on it): {restore}",
    ),
    "db.empty_file": (
        "{where}\u202f: le fichier de la base est vide (0 octet). Restaurez la dernière "
        "sauvegarde\u202f: {restore}\u202f; ou, pour repartir de zéro, smartcorner db init --force",
        "{where}: the database file is empty (0 bytes). Restore the last backup: {restore}; "
        "or, to start afresh, smartcorner db init --force",
    ),
    "db.read_only": (
        "{where}\u202f: en lecture seule ({detail}). Rendez le dossier {folder} et ses fichiers "
        "inscriptibles par le compte de la borne (chown -R kiosk: {folder}), ou remontez "
        "le disque en lecture-écriture",
        "{where}: read-only ({detail}). Make the folder {folder} and its files writable by the "
        "kiosk's account (chown -R kiosk: {folder}), or remount the disk read-write",
    ),
    "db.disk_full": (
        "{where}\u202f: disque plein ({detail}). Libérez de la place (df -h {folder}\u202f; "
        "anciens journaux, exports), puis redémarrez la borne",
        "{where}: disk full ({detail}). Free some space (df -h {folder}; old logs, exports), "
        "then restart the kiosk",
    ),
    "db.low_space": ("{where}\u202f: {detail}", "{where}: {detail}"),
    "spool.summary": (
        "{pending} en attente, {sending} en cours, {failed} en échec",
        "{pending} pending, {sending} sending, {failed} failed",
    ),
    "spool.stuck": (
        "{summary}\u202f; la plus ancienne attend depuis {minutes} min",
        "{summary}; the oldest waits for {minutes} min",
    ),
    "spool.failed": (
        "{summary}\u202f: réimprimez-les ou annulez-les sur l’écran Matériel de l’administration",
        "{summary}: reprint or cancel them on the admin hardware screen",
    ),
    "spool.no_db": (
        "illisible\u202f: la base n’est pas prête",
        "cannot be read: database not ready",
    ),
    "spool.unreadable": ("illisible ({error})", "cannot be read ({error})"),
}

# Checks worded by hardware/ in English: their French.
FRENCH: Final[Mapping[str, str]] = {
    "reader.simulated": "simulé (reader = none)",
    "reader.no_pyscard": "pyscard n’est pas installé ({error})",
    "reader.no_pcscd": "pcscd ne répond pas ({error})\u202f: systemctl status pcscd",
    "reader.missing": "aucun lecteur (lecteurs vus\u202f: {seen})",
    "reader.missing_named": "aucun lecteur correspondant à {name} (lecteurs vus\u202f: {seen})",
    "reader.ok": "pcscd actif, lecteur {reader}",
    "printer.simulated": "simulée\u202f: tickets montrés à l’écran (printer = none)",
    "printer.bad_url": "{error}",
    "printer.ready": "{where}\u202f: en ligne, papier OK",
    "printer.paper_low": "{where}\u202f: en ligne, fin du rouleau de papier proche",
    "printer.unknown": "{where}\u202f: ouverte, mais {why} (état et papier inconnus)",
    "printer.failed": "{where}\u202f: {state}\u202f: {why}",
    "camera.off": "non utilisée (camera = 0)",
    "camera.missing": "camera = 1 mais aucune caméra n’est branchée",
    "camera.ok": "{devices}",
}

# A printer's state (kiosk.ports.PrinterState) in a French report.
PRINTER_STATES: Final[Mapping[str, str]] = {
    "paper_out": "plus de papier",
    "offline": "hors ligne",
    "unreachable": "injoignable",
    "silent": "ne répond pas",
    "unknown": "état inconnu",
    "not_configured": "non configurée",
}

NAMES: Final[Mapping[str, str]] = {
    "database": "base de données",
    "badge reader": "lecteur de badges",
    "printer": "imprimante",
    "camera": "caméra",
    "print spool": "file d’impression",
}


def say(lang: Language, code: str, **values: object) -> str:
    french, english = TEXTS[code]
    return (french if lang is Language.FR else english).format(**values)


def english(code: str, **values: object) -> str:
    return TEXTS[code][1].format(**values)


def detail_of(check: Check, lang: Language) -> str:
    """The check's detail in ``lang`` (its English detail when no wording is known)."""
    if lang is not Language.FR or not check.code:
        return check.detail
    if check.code in FRENCH:
        values = dict(check.values)
        if "state" in values:
            values["state"] = PRINTER_STATES.get(str(values["state"]), values["state"])
        return FRENCH[check.code].format(**values)
    if check.code in TEXTS:
        return TEXTS[check.code][0].format(**check.values)
    return check.detail


def name_of(check: Check, lang: Language) -> str:
    return NAMES.get(check.name, check.name) if lang is Language.FR else check.name
