"""Startup time: process start -> attract screen painted, next to a bare PySide6 window.

Both are timed the same way, from Popen to the 'ready' line on stdout, alternating runs in
one process so that machine noise hits both alike. Peak RSS is per child (os.wait4).

    .venv/bin/python bench/startup.py [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Seconds until the first 'ready' line, peak RSS in MiB, and that line."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert proc.stdout is not None
    line = ""
    elapsed = float("nan")
    for raw in proc.stdout:
        if raw.startswith("ready"):
            elapsed = time.perf_counter() - t0
            line = raw.strip()
            break
    proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0 or not line:
        raise SystemExit(f"{cmd} failed (exit {proc.returncode})")
    return elapsed, usage.ru_maxrss / 1024, line


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()

    smartcorner = shutil.which("smartcorner", path=str(Path(sys.executable).parent))
    if smartcorner is None:
        raise SystemExit("smartcorner is not installed in this venv (./dev.sh setup)")
    with tempfile.TemporaryDirectory() as data:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "SMARTCORNER_DATA_DIR": data,
        }
        env.pop("SMARTCORNER_CONFIG", None)
        env.pop("SMARTCORNER_DB", None)
        subprocess.run([smartcorner, "demo"], env=env, check=True, capture_output=True)
        kiosk_cmd = [smartcorner, "run", "--smoke"]
        bare_cmd = [sys.executable, str(HERE / "bare_window.py")]
        timed(kiosk_cmd, env)  # warm the page cache for both
        timed(bare_cmd, env)
        kiosk: list[float] = []
        bare: list[float] = []
        rss_kiosk: list[float] = []
        rss_bare: list[float] = []
        inner: list[str] = []
        for _ in range(args.runs):
            t, rss, line = timed(kiosk_cmd, env)
            kiosk.append(t)
            rss_kiosk.append(rss)
            inner.append(line)
            t, rss, _ = timed(bare_cmd, env)
            bare.append(t)
            rss_bare.append(rss)

    mk, mb = statistics.median(kiosk), statistics.median(bare)
    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {args.runs}, python {sys.version.split()[0]}")
    print(f"{'':22}{'median':>9}{'p95':>9}{'min':>9}{'peak RSS':>11}")
    print(
        f"{'kiosk attract painted':22}{mk * 1000:8.0f}ms{p95(kiosk) * 1000:8.0f}ms"
        f"{min(kiosk) * 1000:8.0f}ms{max(rss_kiosk):8.0f}MiB"
    )
    print(
        f"{'bare QLabel painted':22}{mb * 1000:8.0f}ms{p95(bare) * 1000:8.0f}ms"
        f"{min(bare) * 1000:8.0f}ms{max(rss_bare):8.0f}MiB"
    )
    print(f"ratio kiosk/bare (medians): {mk / mb:.2f}  (goal <= 2.0)")
    print(f"kiosk's own report, last run: {inner[-1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
