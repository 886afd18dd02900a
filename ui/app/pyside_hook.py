"""A cheaper answer to PySide6's question "does this module use PySide?", asked of every import.

PySide6 replaces ``builtins.__import__`` to support ``from __feature__ import snake_case``; after
each import it asks ``shibokensupport.feature._mod_uses_pyside(module)``, which reads the
module's whole source (``inspect.getsource``) to look for the word "PySide6". At start-up that is
~129 source files read before the attract screen paints (22-27 ms of CPU measured, 4 % of the
start, the bare window imports none of them), and every SQLAlchemy module read again on the
worker afterwards. The kiosk selects no feature, so the answer only decides whether a module is
"switched" (0) or "ignored" (-1), both meaning plain Qt names here; the module's own names give
the same answer without the file: a module uses PySide when it holds a PySide6 module, class or
object. Nothing here is called if the hook is not there (another PySide6 version): then imports
just cost what they cost.
"""

from __future__ import annotations

import sys
from types import ModuleType

PYSIDE = "PySide6"


def uses_pyside(module: ModuleType) -> bool:
    """True when one of ``module``'s globals comes from PySide6 (a module, a class, an object)."""
    for value in list(vars(module).values()):
        if isinstance(value, ModuleType):
            origin = value.__name__
        elif isinstance(value, type):
            origin = value.__module__
        else:
            origin = getattr(type(value), "__module__", "")
        if isinstance(origin, str) and origin.startswith(PYSIDE):
            return True
    return False


def lighten_feature_hook() -> bool:
    """Put :func:`uses_pyside` in place of the source-reading check; True if it was there."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True
