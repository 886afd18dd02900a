"""Import python-escpos without its side effects.

Importing it calls ``logging.basicConfig()`` (a stderr handler on the root logger that
the kiosk's own logging setup would then duplicate), and leaves a fresh ``/tmp/tmpXXXX``
directory behind in every process: python-escpos 3.1 evaluates
``environ.get("ESCPOS_CAPABILITIES_PICKLE_DIR", mkdtemp())``, so setting the variable is
not enough, ``mkdtemp`` must not create anything during the import. Import escpos through
this module only.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path


def _pickle_dir() -> str:
    if "ESCPOS_CAPABILITIES_PICKLE_DIR" not in os.environ:
        cache = Path(tempfile.gettempdir()) / f"smartcorner-escpos-{os.getuid()}"
        cache.mkdir(mode=0o700, exist_ok=True)
        os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"] = str(cache)
    return os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"]


_root_handlers_before = list(logging.getLogger().handlers)
_mkdtemp, _cache = tempfile.mkdtemp, _pickle_dir()
tempfile.mkdtemp = lambda *args, **kwargs: _cache  # type: ignore[assignment]
try:
    from escpos import capabilities, escpos, exceptions, printer
finally:
    tempfile.mkdtemp = _mkdtemp
    for _handler in logging.getLogger().handlers:
        if _handler not in _root_handlers_before:
            logging.getLogger().removeHandler(_handler)

Escpos = escpos.Escpos
Dummy = printer.Dummy
Profile = capabilities.Profile
get_profile = capabilities.get_profile
EscposError = exceptions.Error
DeviceNotFoundError = exceptions.DeviceNotFoundError

__all__ = [
    "DeviceNotFoundError",
    "Dummy",
    "Escpos",
    "EscposError",
    "Profile",
    "capabilities",
    "get_profile",
    "printer",
]
