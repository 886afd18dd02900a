"""The devices' part of ``smartcorner selftest`` (``ui.cli.selftest``): badge reader (pcscd
reachable, reader present), printer (online, paper) and camera, as the settings configure them.

Devices set to ``none`` are reported as simulated and do not fail the test; a configured device
that is missing or failing does. Every device question is bounded by a short timeout, so the
command answers within seconds even with a dead printer.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass

PRINTER_TIMEOUT = 3.0
VIDEO_CLASS = Path("/sys/class/video4linux")


class Verdict(enum.StrEnum):
    OK = "ok"
    WARN = "warn"  # works, but someone should look (paper low, failed jobs to decide on)
    FAIL = "fail"  # configured and missing or failing: the kiosk cannot do its job
    OFF = "off"  # not configured, or simulated (demo)


@dataclass(frozen=True)
class Check:
    name: str
    verdict: Verdict
    detail: str  # English, for logs and tests
    # The wording's key and its values: the command says it in the kiosk's language.
    code: str = field(default="", compare=False)
    values: Mapping[str, str] = field(default_factory=dict, compare=False)


def check_reader(setting: str) -> Check:
    """``none``: the badge simulator; ``pcsc[:name part]``: pcscd up and the reader there."""
    if setting == "none":
        return Check("badge reader", Verdict.OFF, "simulated (reader = none)", "reader.simulated")
    _, _, name_part = setting.partition(":")
    try:
        from smartcard import scard
    except ImportError as exc:
        detail = f"pyscard is not installed ({exc})"
        return Check("badge reader", Verdict.FAIL, detail, "reader.no_pyscard", {"error": str(exc)})
    rv, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if rv != scard.SCARD_S_SUCCESS:
        error = scard.SCardGetErrorMessage(rv).strip()
        detail = f"pcscd is not reachable ({error}): systemctl status pcscd"
        return Check("badge reader", Verdict.FAIL, detail, "reader.no_pcscd", {"error": error})
    try:
        rv, names = scard.SCardListReaders(context, [])
        readers = list(names) if rv == scard.SCARD_S_SUCCESS else []
    finally:
        scard.SCardReleaseContext(context)
    matching = [n for n in readers if name_part.lower() in n.lower()]
    if not matching:
        seen = ", ".join(readers) if readers else "none"
        wanted = f" matching {name_part!r}" if name_part else ""
        detail = f"no reader{wanted} (readers seen: {seen})"
        code = "reader.missing_named" if name_part else "reader.missing"
        values = {"name": repr(name_part), "seen": ", ".join(readers)}
        return Check("badge reader", Verdict.FAIL, detail, code, values)
    reader = repr(matching[0])
    return Check(
        "badge reader", Verdict.OK, f"pcscd up, reader {reader}", "reader.ok", {"reader": reader}
    )


def check_printer(setting: str, timeout: float = PRINTER_TIMEOUT) -> Check:
    from hardware.escpos_printer import PrinterUrlError, parse_printer_url, query_status
    from kiosk.ports import PrinterState

    if setting == "none":
        detail = "simulated: tickets shown on screen (printer = none)"
        return Check("printer", Verdict.OFF, detail, "printer.simulated")
    try:
        target = parse_printer_url(setting)
    except PrinterUrlError as exc:
        return Check("printer", Verdict.FAIL, str(exc), "printer.bad_url", {"error": str(exc)})
    status = query_status(target, timeout)
    where = target.url + (f" (profile {target.profile})" if target.profile else "")
    values = {"where": where, "state": str(status.state), "why": status.detail}
    if status.state is PrinterState.READY:
        return Check("printer", Verdict.OK, f"{where}: online, paper ok", "printer.ready", values)
    if status.state is PrinterState.PAPER_LOW:
        detail = f"{where}: online, paper roll near its end"
        return Check("printer", Verdict.WARN, detail, "printer.paper_low", values)
    if status.state is PrinterState.UNKNOWN:
        detail = f"{where}: opened, but {status.detail} (online and paper unknown)"
        return Check("printer", Verdict.WARN, detail, "printer.unknown", values)
    cause = status.staff_reason or status.detail  # in the words of whoever fixes it, if known
    detail = f"{where}: {status.state}: {cause}"
    return Check("printer", Verdict.FAIL, detail, "printer.failed", {**values, "why": cause})


def video_devices(root: Path = VIDEO_CLASS) -> list[str]:
    """The V4L2 capture devices the kernel sees (what QtMultimedia lists on Linux)."""
    if not root.is_dir():
        return []
    names = []
    for node in sorted(root.iterdir()):
        try:
            label = (node / "name").read_text().strip()
        except OSError:
            label = ""
        names.append(f"/dev/{node.name}" + (f" ({label})" if label else ""))
    return names


def check_camera(enabled: bool, cameras: Callable[[], list[str]] = video_devices) -> Check:
    if not enabled:
        return Check("camera", Verdict.OFF, "not used (camera = 0)", "camera.off")
    found = cameras()
    if not found:
        detail = "camera = 1 but no video device is present"
        return Check("camera", Verdict.FAIL, detail, "camera.missing")
    devices = ", ".join(found)
    return Check("camera", Verdict.OK, devices, "camera.ok", {"devices": devices})


def reason_of(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
