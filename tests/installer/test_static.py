"""Checks of installer/ that need no throwaway root: shellcheck, systemd-analyze, the contract
between the unit files, install.sh and the application, udev rule syntax, and a dry run."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kiosk.paths import Paths
from tests.installer.conftest import unavailable

REPO = Path(__file__).resolve().parents[2]
INSTALLER = REPO / "installer"
UNITS = sorted((INSTALLER / "systemd").iterdir())
SHELL_SCRIPTS = [INSTALLER / "install.sh", REPO / "dev.sh", REPO / ".ci" / "run"]
# Binaries the units start: in the fake root they are stubs, so "not executable" stays checked.
EXEC_PATHS = ("usr/bin/cage", "opt/smartcorner/bin/smartcorner", "usr/bin/touch")


def test_shell_scripts_are_shellcheck_clean() -> None:
    if shutil.which("shellcheck") is None:
        unavailable("shellcheck is not installed (Debian package 'shellcheck')")
    proc = subprocess.run(
        ["shellcheck", "--severity=style", *map(str, SHELL_SCRIPTS)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_shellcheck_would_catch_an_unquoted_variable(tmp_path: Path) -> None:
    if shutil.which("shellcheck") is None:
        unavailable("shellcheck is not installed (Debian package 'shellcheck')")
    script = tmp_path / "install.sh"
    text = (INSTALLER / "install.sh").read_text()
    script.write_text(text.replace('run rm -rf -- "$1"', "run rm -rf -- $1"))
    proc = subprocess.run(["shellcheck", str(script)], capture_output=True, text=True)
    assert "SC2086" in proc.stdout


# --- systemd units ------------------------------------------------------------------------------


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
    """systemd-analyze's complaints; it exits 0 on many of them, so its output is what counts."""
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
        "smartcorner-purge.service",
        "smartcorner-purge.timer",
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


def unit_settings(path: Path) -> dict[str, list[str]]:
    """``Section.Key`` -> values, in order (systemd allows a key several times)."""
    out: dict[str, list[str]] = {}
    section = ""
    for raw in path.read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            continue
        key, _, value = line.partition("=")
        out.setdefault(f"{section}.{key}", []).append(value)
    return out


def install_sh_value(name: str) -> str:
    match = re.search(rf"^{name}=(\S+)$", (INSTALLER / "install.sh").read_text(), re.M)
    assert match, name
    return match.group(1)


def test_units_agree_with_install_sh_and_the_application() -> None:
    """Paths and names are spelled in three places: the units, install.sh and the code."""
    kiosk = unit_settings(INSTALLER / "systemd/smartcorner-kiosk.service")
    nightly = unit_settings(INSTALLER / "systemd/smartcorner-nightly.service")
    data_dir = install_sh_value("DATA_DIR")
    app_dir = install_sh_value("APP_DIR")
    user = install_sh_value("KIOSK_USER")

    # ui/app/watchdog.py notifies from cage's child and sends MAINPID: only "all" accepts that.
    assert kiosk["Service.Type"] == ["notify"]
    assert kiosk["Service.NotifyAccess"] == ["all"]
    assert int(kiosk["Service.WatchdogSec"][0]) >= 10
    assert kiosk["Service.Restart"] == ["always"]
    command = kiosk["Service.ExecStart"][0].split()
    assert command[0] == "/usr/bin/cage"
    assert command[-2:] == [f"{app_dir}/bin/smartcorner", "run"]
    environment = " ".join(kiosk["Service.Environment"]).split()
    assert f"SMARTCORNER_DATA_DIR={data_dir}" in environment
    assert "QT_QPA_PLATFORM=wayland" in environment
    assert kiosk["Service.User"] == [user]
    assert kiosk["Service.StateDirectory"] == [Path(data_dir).name]
    assert (INSTALLER / "pam" / kiosk["Service.PAMName"][0]).is_file()
    assert install_sh_value("PAM_FILE") == f"/etc/pam.d/{kiosk['Service.PAMName'][0]}"

    assert nightly["Service.User"] == [user]
    request = Paths(data_dir=Path(data_dir), config_file=None).restart_request_file
    assert nightly["Service.ExecStart"] == [f"/usr/bin/touch {request}"]
    assert nightly["Unit.ConditionPathIsDirectory"] == [data_dir]

    # The RGPD purge runs the operator command, as the kiosk user, on the kiosk's data.
    purge = unit_settings(INSTALLER / "systemd/smartcorner-purge.service")
    assert purge["Service.Type"] == ["oneshot"]
    assert purge["Service.User"] == [user]
    assert purge["Service.ExecStart"] == [
        f"{app_dir}/bin/smartcorner collect expire",
        f"{app_dir}/bin/smartcorner purge",
    ]
    assert purge["Service.Environment"] == [f"SMARTCORNER_DATA_DIR={data_dir}"]
    assert purge["Service.ReadWritePaths"] == [data_dir]
    from ui.cli.main import _parser

    assert _parser().parse_args(["purge"]).handler.__name__ == "_purge"
    assert _parser().parse_args(["collect", "expire"]).handler.__name__ == "_expire"
    timers = re.search(r"^TIMERS=\((.*)\)$", (INSTALLER / "install.sh").read_text(), re.M)
    assert timers
    assert timers.group(1).split() == [
        "smartcorner-nightly.timer",
        "smartcorner-purge.timer",
    ]
    for timer in timers.group(1).split():
        assert unit_settings(INSTALLER / "systemd" / timer)["Install.WantedBy"] == ["timers.target"]
    # missed while the kiosk was off: the purge catches up (a legal duty), the restart does not
    assert unit_settings(INSTALLER / "systemd/smartcorner-purge.timer")["Timer.Persistent"] == [
        "true"
    ]


# --- udev ---------------------------------------------------------------------------------------

_UDEV_KEY = r"[A-Z_]+(?:\{[A-Za-z0-9_.]+\})?"
_UDEV_PAIR = rf'{_UDEV_KEY}\s*(?:==|!=|=|\+=|-=|:=)\s*"[^"]*"'
UDEV_LINE = re.compile(rf"^{_UDEV_PAIR}(?:\s*,\s*{_UDEV_PAIR})*$")


def udev_rule_errors(text: str) -> list[str]:
    """Lines udev would not read as rules (it has no end-of-line comments, for one)."""
    errors = []
    labels = set(re.findall(r'^LABEL="([^"]+)"', text, re.M))
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if not UDEV_LINE.match(line):
            errors.append(f"line {n}: {line}")
        for target in re.findall(r'GOTO="([^"]+)"', line):
            if target not in labels:
                errors.append(f"line {n}: GOTO to a missing label {target}")
    return errors


def test_udev_rules_parse() -> None:
    """Real ``udevadm verify`` runs in the throwaway root (this machine's udevadm predates it)."""
    assert udev_rule_errors((INSTALLER / "udev/60-smartcorner.rules").read_text()) == []


@pytest.mark.parametrize(
    "broken",
    [
        'ATTR{idVendor}=="04b8", GROUP="kiosk"  # Epson',
        'ATTR{idVendor}=="04b8", GROUP="kiosk",',
        'ATTR{idVendor}=="04b8" GROUP="kiosk"',
        'GOTO="nowhere"',
    ],
)
def test_udev_check_catches_broken_lines(broken: str) -> None:
    assert udev_rule_errors(f'LABEL="x"\n{broken}\n')


def test_udev_rules_cover_the_usual_receipt_printers_and_scanners() -> None:
    text = (INSTALLER / "udev/60-smartcorner.rules").read_text()
    vendors = {
        "04b8": "Epson",
        "0519": "Star",
        "1504": "Bixolon",
        "1d90": "Citizen",
        "0dd4": "Custom",
        "154f": "SNBC",
        "0416": "Winbond (Zjiang)",
        "0fe6": "ICS (Xprinter)",
        "0c2e": "Honeywell",
        "05e0": "Zebra",
        "05f9": "Datalogic",
        "1eab": "Newland",
    }
    for vendor, name in vendors.items():
        assert re.search(rf'ATTRS?\{{idVendor\}}=="{vendor}".*GROUP="kiosk"', text), name
    assert 'ENV{ID_USB_INTERFACES}=="*:0701*", GROUP="kiosk"' in text  # any USB printer class


# --- dry run ------------------------------------------------------------------------------------


def test_dry_run_prints_every_action_and_changes_nothing() -> None:
    """Run as an ordinary call on this machine: every step shows up, no target path appears."""
    targets = [Path(p) for p in ("/opt/smartcorner", "/etc/smartcorner", "/var/lib/smartcorner",
               "/etc/udev/rules.d/60-smartcorner.rules", "/usr/local/bin/smartcorner",
               "/etc/systemd/system/smartcorner-kiosk.service",
               "/etc/systemd/system/smartcorner-purge.timer",
               "/etc/pam.d/smartcorner-kiosk", "/tmp/smartcorner-build")]  # fmt: skip
    before = {p: p.exists() for p in targets}
    proc = subprocess.run(
        ["bash", str(INSTALLER / "install.sh"), "--dry-run"], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    actions = proc.stdout
    assert all(line.startswith("[dry-run] ") for line in actions.splitlines())
    for expected in ("apt-get update", "/opt/smartcorner/bin/python -m pip install",
                     "useradd --system", "/etc/smartcorner/kiosk.toml",
                     "/etc/udev/rules.d/60-smartcorner.rules", "/etc/pam.d/smartcorner-kiosk",
                     "systemctl enable smartcorner-kiosk.service smartcorner-nightly.timer "
                     "smartcorner-purge.timer pcscd.socket",
                     "systemctl disable getty@tty1.service", "smartcorner db upgrade"):  # fmt: skip
        assert expected in actions, expected
    assert {p: p.exists() for p in targets} == before

    proc = subprocess.run(
        ["bash", str(INSTALLER / "install.sh"), "--dry-run", "--uninstall", "--purge"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert {p: p.exists() for p in targets} == before


def test_options_are_checked() -> None:
    for args, message in [
        (["--dry-run", "--bogus"], "unknown option: --bogus"),
        (["--dry-run", "--purge"], "--purge goes with --uninstall"),
        (["--dry-run", "--wheel"], "--wheel needs a file"),
    ]:
        proc = subprocess.run(
            ["bash", str(INSTALLER / "install.sh"), *args], capture_output=True, text=True
        )
        assert proc.returncode != 0
        assert message in proc.stderr


def test_every_example_in_the_config_template_is_a_valid_setting(tmp_path: Path) -> None:
    """An operator uncommenting an example line must get a kiosk that starts."""
    from kiosk.settings import load_settings

    template = (INSTALLER / "kiosk.toml.template").read_text()
    examples = re.findall(r"^# ([a-z_]+ = .+)$", template, re.M)
    assert len(examples) >= 10
    config = tmp_path / "kiosk.toml"
    config.write_text("\n".join(examples) + "\n")
    settings = load_settings({"SMARTCORNER_CONFIG": str(config), "SMARTCORNER_DATA_DIR": "x"})
    assert not settings.display_schedule.always_on
