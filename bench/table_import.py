"""Reading an import table: the same events table as a CSV and as an Excel workbook.

The importers read both through ``kiosk.exchange.tables.table_rows``; a workbook goes through
openpyxl (its import alone is paid once per command). Prints medians and p95 of reading every
row, per format, and the one-off cost of importing openpyxl in a fresh interpreter.

    .venv/bin/python bench/table_import.py [--rows 2000] [--runs 15]
"""

from __future__ import annotations

import argparse
import csv
import io
import statistics
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kiosk.exchange.tables import table_rows  # noqa: E402
from tests.helpers.workbooks import workbook  # noqa: E402

HEADER = ["uid", "title", "kind", "starts_at", "ends_at", "space", "capacity"]


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def rows(n: int) -> list[list[object]]:
    start = datetime(2026, 6, 1, 9, 0)
    return [
        [f"e-{i}", f"Atelier numérique n° {i}", "atelier", start + timedelta(hours=i),
         start + timedelta(hours=i, minutes=90), "Smart Lab", 12]
        for i in range(n)
    ]  # fmt: skip


def as_csv(table: list[list[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in table:
        writer.writerow(f"{c:%d/%m/%Y %H:%M}" if isinstance(c, datetime) else c for c in row)
    return out.getvalue().encode("cp1252")


def timed(data: bytes, filename: str, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        count = sum(1 for _ in table_rows(data, filename=filename, required=HEADER[:5]))
        times.append((time.perf_counter() - began) * 1000)
    assert count > 0
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    table = rows(args.rows)
    files = {"csv (cp1252, ;)": (as_csv(table), "programme.csv"),
             "xlsx": (workbook(HEADER, table), "programme.xlsx")}  # fmt: skip
    print(f"{args.rows} rows, {args.runs} runs")
    for name, (data, filename) in files.items():
        times = timed(data, filename, args.runs)
        print(f"  {name:16} {len(data) / 1024:7.0f} KB  median {statistics.median(times):7.1f} ms"
              f"  p95 {p95(times):7.1f} ms")  # fmt: skip
    imports = []
    for _ in range(5):
        began = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import openpyxl"], check=True)
        imports.append((time.perf_counter() - began) * 1000)
    bare = []
    for _ in range(5):
        began = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bare.append((time.perf_counter() - began) * 1000)
    extra = statistics.median(imports) - statistics.median(bare)
    print(f"  import openpyxl (fresh interpreter, minus a bare one): median {extra:.0f} ms")


if __name__ == "__main__":
    main()
