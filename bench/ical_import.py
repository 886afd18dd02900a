"""Importing an agenda of recurring events: expansion alone, first import, re-import.

    .venv/bin/python bench/ical_import.py [--series 40] [--rounds 5]

The agenda holds ``--series`` weekly series without an end (Outlook style: a Paris wall-clock
time, a ``TZID``, CRLF), each expanded over the default twelve months, so about 52 events per
series. Three figures, median and p95 over ``--rounds`` runs, in milliseconds:

1. ``read_ics``: parsing and expanding the series (no database);
2. first import into an empty SQLite file (the kiosk's engine and PRAGMAs), committed;
3. re-import of the same file: every occurrence found unchanged, committed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kiosk.db.engine import create_db_engine, make_session_factory  # noqa: E402
from kiosk.db.migrate import ensure_schema  # noqa: E402
from kiosk.db.models import Site  # noqa: E402
from kiosk.programme.importer import ImportWindow, import_file, read_ics  # noqa: E402

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def agenda(series: int) -> bytes:
    lines = ["BEGIN:VCALENDAR", "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN"]
    first = date(2026, 11, 23)
    for n in range(series):
        day = first + timedelta(days=n % 5)
        hour = 9 + n % 8
        lines += [
            "BEGIN:VEVENT",
            f"UID:bench-{n}@cd06",
            f"SUMMARY:Café numérique {n}",
            f'DTSTART;TZID="Romance Standard Time":{day:%Y%m%d}T{hour:02d}0000',
            f'DTEND;TZID="Romance Standard Time":{day:%Y%m%d}T{hour + 1:02d}0000',
            "RRULE:FREQ=WEEKLY;WKST=MO",
            f'EXDATE;TZID="Romance Standard Time":{day + timedelta(weeks=5):%Y%m%d}T{hour:02d}0000',
            "LOCATION:Smart Store",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def summary(name: str, samples: list[float]) -> None:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    print(f"{name:<34} median {statistics.median(samples):8.1f} ms   p95 {p95:8.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--series", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    data = agenda(args.series)
    text = data.decode()
    window = ImportWindow.around(NOW)
    occurrences = sum(n.occurrences for n in read_ics(text, window=window).series)
    print(f"{args.series} weekly series, {occurrences} occurrences in twelve months")

    expanded, first, again = [], [], []
    for _ in range(args.rounds):
        started = time.perf_counter()
        read_ics(text, window=window)
        expanded.append((time.perf_counter() - started) * 1000)
        with tempfile.TemporaryDirectory() as folder:
            engine = create_db_engine(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
            ensure_schema(engine)
            factory = make_session_factory(engine)
            with factory.begin() as session:
                session.add(
                    Site(code="CADAM", name="CADAM", town="Nice", address="", is_smart_corner=True)
                )
            for samples in (first, again):
                started = time.perf_counter()
                report = import_file(factory, "events", data, filename="agenda.ics", now=NOW)
                samples.append((time.perf_counter() - started) * 1000)
                assert not report.errors, report.errors
            assert report.unchanged == occurrences, report
            engine.dispose()
    summary("read_ics (parse + expand)", expanded)
    summary("first import (SQLite, committed)", first)
    summary("re-import, all unchanged", again)


if __name__ == "__main__":
    main()
