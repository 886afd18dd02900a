"""Startup time: process start -> attract screen painted, next to a bare PySide6 window.

Both are timed the same way, from Popen to the 'ready' line on stdout, alternating runs in
one process so that machine noise hits both alike. Peak RSS is per child: when the 'ready' line
came (/proc VmHWM) and over the whole run (os.wait4). So is the CPU time the child had used
when the 'ready' line came (/proc stat, user + system, in clock ticks): on a loaded machine
the wall-clock times mostly measure the wait for a CPU, the CPU times much less so. The kiosk
runs as the ``smartcorner`` console script does, from bytecode as an installed kiosk does.

    .venv/bin/python bench/startup.py [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ENTRY_POINT = "import sys; from ui.cli.main import main; sys.exit(main())"


def peak_rss_now(pid: int) -> float:
    """The process's peak RSS so far in MiB (Linux: VmHWM), nan where /proc is absent."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return float("nan")
    kib = next((line.split()[1] for line in status.splitlines() if line.startswith("VmHWM")), None)
    return int(kib) / 1024 if kib else float("nan")


def cpu_now(pid: int) -> float:
    """The process's CPU seconds so far (user + system, Linux), nan where /proc is absent."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return float("nan")
    fields = stat[stat.rindex(")") + 2 :].split()  # the name (field 2) may hold spaces
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float, float, str]:
    """Seconds until the first 'ready' line, peak RSS in MiB when it came and over the whole
    run, CPU seconds used when it came, and that line."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert proc.stdout is not None
    line = ""
    elapsed = at_paint = cpu = float("nan")
    for raw in proc.stdout:
        if raw.startswith("ready"):
            elapsed = time.perf_counter() - t0
            at_paint = peak_rss_now(proc.pid)
            cpu = cpu_now(proc.pid)
            line = raw.strip()
            break
    proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0 or not line:
        raise SystemExit(f"{cmd} failed (exit {proc.returncode})")
    return elapsed, at_paint, usage.ru_maxrss / 1024, cpu, line


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()

    # The console script's entry point run by this interpreter: the same code as the installed
    # ``smartcorner`` (pyproject.toml), and the checkout's with PYTHONPATH set.
    smartcorner = [sys.executable, "-c", ENTRY_POINT]
    with tempfile.TemporaryDirectory() as data:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "SMARTCORNER_DATA_DIR": data,
        }
        env.pop("SMARTCORNER_CONFIG", None)
        env.pop("SMARTCORNER_DB", None)
        # An installed kiosk runs from bytecode (pip compiles the wheel): without it, every
        # start would compile the kiosk's modules from source (PYTHONDONTWRITEBYTECODE set in
        # a developer's shell), a cost the bare window, made of compiled modules only, never pays.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(data) / "pycache")
        subprocess.run([*smartcorner, "demo"], env=env, check=True, capture_output=True)
        kiosk_cmd = [*smartcorner, "run", "--smoke"]
        bare_cmd = [sys.executable, str(HERE / "bare_window.py")]
        timed(kiosk_cmd, env)  # warm the page cache (and the bytecode cache) for both
        timed(bare_cmd, env)
        kiosk: list[float] = []
        bare: list[float] = []
        rss_kiosk: list[tuple[float, float]] = []
        rss_bare: list[tuple[float, float]] = []
        cpu_kiosk: list[float] = []
        cpu_bare: list[float] = []
        inner: list[str] = []
        for _ in range(args.runs):
            t, at_paint, peak, cpu, line = timed(kiosk_cmd, env)
            kiosk.append(t)
            rss_kiosk.append((at_paint, peak))
            cpu_kiosk.append(cpu)
            inner.append(line)
            t, at_paint, peak, cpu, _ = timed(bare_cmd, env)
            bare.append(t)
            rss_bare.append((at_paint, peak))
            cpu_bare.append(cpu)

    mk, mb = statistics.median(kiosk), statistics.median(bare)
    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {args.runs}, python {sys.version.split()[0]}")
    print(f"{'':22}{'median':>9}{'p95':>9}{'min':>9}{'RSS at paint':>14}{'peak RSS':>11}")
    for name, times, rss in (
        ("kiosk attract painted", kiosk, rss_kiosk),
        ("bare QLabel painted", bare, rss_bare),
    ):
        print(
            f"{name:22}{statistics.median(times) * 1000:8.0f}ms{p95(times) * 1000:8.0f}ms"
            f"{min(times) * 1000:8.0f}ms{max(r[0] for r in rss):11.0f}MiB"
            f"{max(r[1] for r in rss):8.0f}MiB"
        )
    paint_ratio = max(r[0] for r in rss_kiosk) / max(r[0] for r in rss_bare)
    print(f"ratio kiosk/bare (medians): {mk / mb:.2f}  (goal <= 2.0, aim 1.5)")
    ck, cb = statistics.median(cpu_kiosk), statistics.median(cpu_bare)
    print(
        f"CPU used by the paint (medians): kiosk {ck * 1000:.0f} ms, bare {cb * 1000:.0f} ms,"
        f" ratio {ck / cb:.2f}"
    )
    print(f"RSS at the paint, kiosk/bare (highest): {paint_ratio:.2f}  (goal <= 1.5)")
    print(
        "  (RSS at paint: the peak when the 'ready' line came; peak RSS: over the whole run,"
        " the kiosk's including the first programme query and the devices loaded after it)"
    )
    print(f"kiosk's own report, last run: {inner[-1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
