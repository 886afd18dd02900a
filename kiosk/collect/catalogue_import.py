"""The service catalogue, as CSV, XLSX or JSON: ``smartcorner import catalogue FILE``.

Like the orders import, all or nothing: every row is checked first, and any error stops the
import with the list of errors (line number for CSV, position for JSON), nothing written.
Re-importing the same file changes nothing. Items are matched by ``code``; an item missing
from the file is left as it is (withdraw it with ``active = non``).

Columns (CSV header, or JSON keys): ``code, name`` (required), ``family`` (workstations,
mobility, accessories, software, support — or the French shelf names), ``kind`` (equipment |
service), ``description``, ``name_en`` and ``description_en`` (shown when the kiosk speaks
English; empty: the French), ``delivery`` (pickup | installation | open_access, or retrait,
installation, accès), ``picture`` (a file name in the pictures folder, by default the file's
own folder: PNG, JPEG or SVG up to 512 KB), ``icon`` (a Tabler icon name), ``roles`` and
``directions`` (separated by spaces, commas or semicolons; empty: everyone),
``max_per_agent``, ``renewal_days``, ``tracked``, ``stocked``, ``active`` (oui/non, yes/no,
1/0), and ``stock``: units per site, ``CADAM=12; NICE=3`` (JSON: ``{"CADAM": 12}``).

A site's stock is the file's word, unless staff (or the hand-overs) changed it since the last
import: then the kiosk's count is kept and the row is reported as a conflict.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.collect.importer import ImportFileError, RowError
from kiosk.collect.status import Delivery, Family, ItemKind
from kiosk.collect.stock import SET_BY_IMPORT, lock_stock, set_count
from kiosk.collect.tables import CatalogueItem
from kiosk.db.models import Site
from kiosk.domain import Role
from kiosk.exchange.csv_files import CsvProblem, decode_text
from kiosk.exchange.tables import is_workbook, table_rows
from kiosk.text import fold

REQUIRED: Final = ("code", "name")
MAX_PICTURE: Final = 512 * 1024
PICTURE_MAGIC: Final = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"<svg", b"<?xml")
FAMILY_WORDS: Final = {
    "postes et ecrans": Family.WORKSTATIONS,
    "mobilite": Family.MOBILITY,
    "accessoires": Family.ACCESSORIES,
    "logiciels et acces": Family.SOFTWARE,
    "services d'accompagnement": Family.SUPPORT,
    "services d’accompagnement": Family.SUPPORT,
}
DELIVERY_WORDS: Final = {
    "retrait": Delivery.PICKUP,
    "retrait au smart store": Delivery.PICKUP,
    "acces": Delivery.OPEN_ACCESS,
    "acces ouvert": Delivery.OPEN_ACCESS,
}
YES: Final = frozenset({"oui", "yes", "1", "true", "vrai", "o", "y"})
NO: Final = frozenset({"non", "no", "0", "false", "faux", "n"})
_SPLIT: Final = re.compile(r"[\s,;]+")
_CODE: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,31}")


@dataclass
class CatalogueReport:
    items_created: int = 0
    items_changed: int = 0
    unchanged: int = 0
    stock_set: int = 0
    errors: list[RowError] = field(default_factory=list)
    conflicts: list[RowError] = field(default_factory=list)  # stock counted at the kiosk: kept

    @property
    def ok(self) -> bool:
        return not self.errors

    def __str__(self) -> str:
        text = (
            f"{self.items_created} items created, {self.items_changed} changed, "
            f"{self.unchanged} unchanged, {self.stock_set} stock counts set"
        )
        if self.conflicts:
            text += f", {len(self.conflicts)} stock counts kept (changed at the kiosk)"
        return text


@dataclass(frozen=True)
class _Row:
    where: str
    values: dict[str, Any]  # CatalogueItem columns
    stock: dict[str, int]  # site code -> units


def read_catalogue(path: Path) -> list[tuple[str, Mapping[str, Any]]]:
    """The raw rows of a CSV, XLSX or JSON file with where each comes from."""
    data = path.read_bytes()
    if is_workbook(data, path.name):
        return list(_table_rows(data, path))
    text = decode_text(data)
    if path.suffix.lower() == ".json" or text.lstrip().startswith(("[", "{")):
        return list(_json_rows(text, path))
    return list(_table_rows(text, path))


def _table_rows(data: bytes | str, path: Path) -> Iterator[tuple[str, Mapping[str, Any]]]:
    for line, row in table_rows(data, filename=path.name, required=REQUIRED):
        if isinstance(row, CsvProblem):
            if row.line == 1:
                raise ImportFileError(f"{path}: {row.reason} in the header")
            yield f"line {line}", {"__problem__": row.reason}
            continue
        yield f"line {line}", row


def _json_rows(text: str, path: Path) -> Iterator[tuple[str, Mapping[str, Any]]]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    items = doc.get("items") if isinstance(doc, dict) else doc
    if not isinstance(items, list):
        raise ImportFileError(f'{path}: expected a list of items or {{"items": [...]}}')
    for i, row in enumerate(items):
        where = f"items[{i}]"
        yield where, row if isinstance(row, dict) else {"__problem__": "not an object"}


def _text(raw: Mapping[str, Any], key: str) -> str:
    value = raw.get(key)
    return "" if value is None else str(value).strip()


def _flag(raw: Mapping[str, Any], key: str, default: bool) -> bool:
    value = raw.get(key)
    if isinstance(value, bool):
        return value
    text = fold(_text(raw, key))
    if not text:
        return default
    if text in YES:
        return True
    if text in NO:
        return False
    raise ValueError(f"{key} {text!r}: expected oui or non")


def _count(raw: Mapping[str, Any], key: str) -> int | None:
    text = _text(raw, key)
    if not text:
        return None
    try:
        value = int(text)
    except ValueError:
        raise ValueError(f"{key} {text!r}: expected a whole number") from None
    if value < 1:
        raise ValueError(f"{key} {value}: expected 1 or more")
    return value


def _words(raw: Mapping[str, Any], key: str) -> list[str] | None:
    value = raw.get(key)
    parts = [str(v).strip() for v in value] if isinstance(value, list) else None
    if parts is None:
        parts = [p for p in _SPLIT.split(_text(raw, key)) if p]
    return sorted(set(parts)) or None


def _choice[E: (Family, Delivery, ItemKind)](
    raw: Mapping[str, Any], key: str, vocabulary: type[E], words: Mapping[str, E], default: E
) -> E:
    text = _text(raw, key)
    if not text:
        return default
    folded = fold(text).replace("’", "'")
    for member in vocabulary:
        if folded == member.value:
            return member
    if folded in words:
        return words[folded]
    allowed = ", ".join(m.value for m in vocabulary)
    raise ValueError(f"{key} {text!r}: expected one of {allowed}")


def _stock(raw: Mapping[str, Any]) -> dict[str, int]:
    value = raw.get("stock")
    if value is None or value == "":
        return {}
    pairs: list[tuple[str, Any]]
    if isinstance(value, dict):
        pairs = list(value.items())
    else:
        pairs = []
        for part in re.split(r"[;,]", str(value)):
            if not part.strip():
                continue
            site, sep, units = part.partition("=")
            if not sep:
                raise ValueError(f"stock {part.strip()!r}: expected SITE=units")
            pairs.append((site.strip(), units.strip()))
    out: dict[str, int] = {}
    for site, units in pairs:
        try:
            n = int(units)
        except (TypeError, ValueError):
            raise ValueError(f"stock of {site}: {units!r} is not a whole number") from None
        if n < 0:
            raise ValueError(f"stock of {site}: {n} is negative")
        out[str(site).strip().upper()] = n
    return out


def _picture(raw: Mapping[str, Any], pictures: Path | None) -> bytes | None:
    name = _text(raw, "picture")
    if not name:
        return None
    if pictures is None:
        raise ValueError(f"picture {name!r}: no pictures folder given")
    path = pictures / name
    if Path(name).name != name or not path.is_file():
        raise ValueError(f"picture {name!r}: no such file in {pictures}")
    data = path.read_bytes()
    if len(data) > MAX_PICTURE:
        raise ValueError(f"picture {name!r}: {len(data) // 1024} KB, at most 512 KB")
    if not data.lstrip().startswith(PICTURE_MAGIC):
        raise ValueError(f"picture {name!r}: not a PNG, JPEG or SVG file")
    return data


def _parse(where: str, raw: Mapping[str, Any], pictures: Path | None) -> _Row:
    if "__problem__" in raw:
        raise ValueError(str(raw["__problem__"]))
    code = _text(raw, "code")
    if not _CODE.fullmatch(code):
        raise ValueError(f"code {code!r}: 1 to 32 letters, digits, '.', '_' or '-'")
    name = _text(raw, "name")
    if not name or len(name) > 200:
        raise ValueError("name: 1 to 200 characters")
    name_en = _text(raw, "name_en")
    if len(name_en) > 200:
        raise ValueError("name_en: at most 200 characters")
    roles = _words(raw, "roles")
    known_roles = {r.value for r in Role}
    if roles is not None and not set(roles) <= known_roles:
        unknown = ", ".join(sorted(set(roles) - known_roles))
        raise ValueError(f"roles {unknown!r}: expected among {', '.join(sorted(known_roles))}")
    values: dict[str, Any] = {
        "code": code,
        "name": name,
        "family": _choice(raw, "family", Family, FAMILY_WORDS, Family.ACCESSORIES),
        "kind": _choice(raw, "kind", ItemKind, {}, ItemKind.EQUIPMENT),
        "description": _text(raw, "description"),
        "name_en": name_en,
        "description_en": _text(raw, "description_en"),
        "delivery": _choice(raw, "delivery", Delivery, DELIVERY_WORDS, Delivery.PICKUP),
        "picture": _picture(raw, pictures),
        "icon": _text(raw, "icon") or "package",
        "allowed_roles": roles,
        "allowed_directions": _words(raw, "directions"),
        "max_per_agent": _count(raw, "max_per_agent"),
        "renewal_days": _count(raw, "renewal_days"),
        "tracked": _flag(raw, "tracked", False),
        "stocked": _flag(raw, "stocked", True),
        "active": _flag(raw, "active", True),
    }
    if len(values["icon"]) > 40:
        raise ValueError("icon: at most 40 characters")
    return _Row(where, values, _stock(raw))


def import_catalogue(
    session: Session,
    rows: list[tuple[str, Mapping[str, Any]]],
    now: datetime,
    *,
    pictures: Path | None = None,
) -> CatalogueReport:
    """Check every row, then apply them in ``session``; with any error, apply none.

    The caller commits when ``report.ok`` (and rolls back otherwise).
    """
    report = CatalogueReport()
    parsed: list[_Row] = []
    seen: dict[str, str] = {}
    for where, raw in rows:
        try:
            row = _parse(where, raw, pictures)
        except ValueError as exc:
            report.errors.append(RowError(where, str(exc)))
            continue
        if row.values["code"] in seen:
            report.errors.append(
                RowError(where, f"code {row.values['code']} already at {seen[row.values['code']]}")
            )
            continue
        seen[row.values["code"]] = where
        parsed.append(row)
    sites = {s.code.upper(): s for s in session.scalars(select(Site))}
    for row in parsed:
        unknown = sorted(set(row.stock) - set(sites))
        if unknown:
            report.errors.append(RowError(row.where, f"stock: no site {', '.join(unknown)}"))
    if report.errors:
        return report
    items = {i.code: i for i in session.scalars(select(CatalogueItem))}
    for row in parsed:
        item = items.get(row.values["code"])
        if item is None:
            item = CatalogueItem(created_at=now, **row.values)
            session.add(item)
            session.flush()
            report.items_created += 1
        else:
            changed = {k: v for k, v in row.values.items() if getattr(item, k) != v}
            for key, value in changed.items():
                setattr(item, key, value)
            if changed:
                report.items_changed += 1
            else:
                report.unchanged += 1
        for site_code, units in sorted(row.stock.items()):
            site = sites[site_code]
            current = lock_stock(session, site.id, item.id)
            if current is not None and current.set_by != SET_BY_IMPORT:
                if current.quantity != units:
                    report.conflicts.append(
                        RowError(
                            row.where,
                            f"stock of {item.code} at {site.code}: {current.quantity} counted "
                            f"at the kiosk since the last import, kept (the file says {units})",
                        )
                    )
                continue
            if set_count(session, site.id, item.id, units, now=now, by=SET_BY_IMPORT):
                report.stock_set += 1
    session.flush()
    return report
