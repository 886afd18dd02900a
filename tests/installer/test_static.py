"""Checks of installer/ that need no throwaway root: shellcheck, systemd-analyze, dry run."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.installer.conftest import unavailable

INSTALLER = Path(__file__).resolve().parents[2] / "installer"
UNITS = sorted((INSTALLER / "systemd").iterdir())
# Binaries the units start: in the fake root they are stubs, so "not executable" stays checked.
EXEC_PATHS = ("usr/bin/cage", "opt/smartcorner/bin/smartcorner", "usr/bin/touch")


def test_shell_scripts_are_shellcheck_clean() -> None:
    if shutil.which("shellcheck") is None:
        unavailable("shellcheck is not installed (Debian package 'shellcheck')")
    scripts = sorted(INSTALLER.glob("*.sh"))
    assert scripts
    proc = subprocess.run(
        ["shellcheck", "--severity=style", *map(str, scripts)], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _fake_root(root: Path, units: list[Path]) -> list[Path]:
    """The machine's own system units (targets, pcscd.socket...) plus ours and stub binaries."""
    system = next((p for p in (Path("/usr/lib/systemd/system"), Path("/lib/systemd/system"))
                   if (p / "sysinit.target").exists()), None)  # fmt: skip
    if system is None:
        unavailable("no systemd unit directory on this machine (Debian package 'systemd')")
    shutil.copytree(system, root / "usr/lib/systemd/system", symlinks=True)
    etc = root / "etc/systemd/system"
    etc.mkdir(parents=True)
    for rel in EXEC_PATHS:
        stub = root / rel
        stub.parent.mkdir(parents=True, exist_ok=True)
        stub.write_text("#!/bin/sh\n")
        stub.chmod(0o755)
    out = []
    for unit in units:
        dest = etc / unit.name
        shutil.copyfile(unit, dest)
        out.append(dest)
    return out


def _verify(root: Path, units: list[Path]) -> str:
    """systemd-analyze's complaints; it exits 0 on many of them, so stderr is what counts."""
    if shutil.which("systemd-analyze") is None:
        unavailable("systemd-analyze is not installed (Debian package 'systemd')")
    proc = subprocess.run(
        ["systemd-analyze", "verify", f"--root={root}", "--man=no", *map(str, units)],
        capture_output=True,
        text=True,
        env={**os.environ, "SYSTEMD_LOG_COLOR": "0"},
    )
    return (proc.stdout + proc.stderr).strip() + ("" if proc.returncode == 0 else " (failed)")


def test_units_pass_systemd_analyze_verify(tmp_path: Path) -> None:
    assert [u.name for u in UNITS] == [
        "smartcorner-kiosk.service",
        "smartcorner-nightly.service",
        "smartcorner-nightly.timer",
    ]
    assert _verify(tmp_path, _fake_root(tmp_path, UNITS)) == ""


@pytest.mark.parametrize(
    ("line", "replacement", "complaint"),
    [
        ("WatchdogSec=30", "WatchdogSec=thirty", "Failed to parse sec value"),
        ("Restart=always", "Restart=allways", "restart specifier"),
        ("Type=notify", "Type=notfy", "service type"),
    ],
)
def test_verify_catches_a_broken_unit(
    tmp_path: Path, line: str, replacement: str, complaint: str
) -> None:
    """The check above means something: the same run reports a typo in our unit."""
    (unit,) = _fake_root(tmp_path, [INSTALLER / "systemd/smartcorner-kiosk.service"])
    text = unit.read_text()
    assert line in text
    unit.write_text(text.replace(line, replacement))
    assert complaint in _verify(tmp_path, [unit])


def test_verify_catches_a_missing_program(tmp_path: Path) -> None:
    (unit,) = _fake_root(tmp_path, [INSTALLER / "systemd/smartcorner-kiosk.service"])
    (tmp_path / "usr/bin/cage").unlink()
    assert "/usr/bin/cage is not executable" in _verify(tmp_path, [unit])


def test_kiosk_unit_has_the_watchdog_contract() -> None:
    """What ui/watchdog.py relies on: notify socket open to cage's child, a 30 s watchdog."""
    text = (INSTALLER / "systemd/smartcorner-kiosk.service").read_text()
    for setting in ("Type=notify", "NotifyAccess=all", "WatchdogSec=30", "Restart=always",
                    "RestartSec=3", "User=kiosk", "PAMName=login", "TTYPath=/dev/tty1",
                    "ExecStart=/usr/bin/cage -d -- /opt/smartcorner/bin/smartcorner run",
                    "SMARTCORNER_DATA_DIR=/var/lib/smartcorner"):  # fmt: skip
        assert re.search(rf"^(Environment=.*)?{re.escape(setting)}", text, re.M), setting


def test_udev_rules_have_no_trailing_comments() -> None:
    """udev has no end-of-line comments: '# Epson' after a rule would break the whole line."""
    rules = (INSTALLER / "udev/60-smartcorner.rules").read_text().splitlines()
    for n, line in enumerate(rules, 1):
        if line and not line.startswith("#"):
            assert "#" not in line, f"line {n}: {line}"
    text = "\n".join(rules)
    for vendor in ("04b8", "0519", "1504", "1d90", "2730", "0416", "0c2e", "05e0", "05f9", "1eab"):
        assert f'idVendor}}=="{vendor}"' in text, vendor


def test_dry_run_prints_every_action_and_changes_nothing(tmp_path: Path) -> None:
    """Run as an ordinary call on this machine: every step shows up, no target path appears."""
    targets = [Path(p) for p in ("/opt/smartcorner", "/etc/smartcorner", "/var/lib/smartcorner",
               "/etc/udev/rules.d/60-smartcorner.rules", "/usr/local/bin/smartcorner",
               "/etc/systemd/system/smartcorner-kiosk.service")]  # fmt: skip
    before = {p: p.exists() for p in targets}
    proc = subprocess.run(
        ["bash", str(INSTALLER / "install.sh"), "--dry-run"], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    actions = proc.stdout
    assert all(line.startswith("[dry-run] ") for line in actions.splitlines())
    for expected in ("apt-get update", "/opt/smartcorner/bin/python -m pip install",
                     "/etc/smartcorner/kiosk.toml", "/etc/udev/rules.d/60-smartcorner.rules",
                     "systemctl enable smartcorner-kiosk.service smartcorner-nightly.timer",
                     "smartcorner db upgrade"):  # fmt: skip
        assert expected in actions, expected
    assert {p: p.exists() for p in targets} == before

    proc = subprocess.run(
        ["bash", str(INSTALLER / "install.sh"), "--dry-run", "--uninstall", "--purge"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert {p: p.exists() for p in targets} == before
