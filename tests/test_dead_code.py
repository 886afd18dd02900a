"""No dead code in kiosk/, hardware/ and ui/, as vulture finds it.

Tests, benchmarks and tools count as users (a test seam such as ``FixedClock`` is not dead);
the table modules and migrations are left out (their columns are schema, not calls); Qt's
virtual methods are called by Qt. What vulture still cannot see is listed, with its reason,
in tests/dead_code_whitelist.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from vulture import Vulture

ROOT = Path(__file__).resolve().parents[1]
CHECKED = ("kiosk", "hardware", "ui")
USERS = ("tests", "bench", "tools")
SCHEMA = ["*/migrations/*", "*/tables.py", "*/db/models.py"]
QT_OVERRIDES = [  # virtual methods Qt calls: events, item models, layouts
    "*Event", "eventFilter", "rowCount", "columnCount", "data", "setData", "headerData",
    "flags", "roleNames", "sizeHint", "minimumSizeHint", "hasHeightForWidth", "heightForWidth",
]  # fmt: skip


@pytest.mark.slow  # parses every source file: about 10 s on a busy machine
def test_kiosk_hardware_and_ui_have_no_dead_code() -> None:
    vulture = Vulture(ignore_names=QT_OVERRIDES, ignore_decorators=["@event.listens_for"])
    vulture.scavenge([str(ROOT / name) for name in CHECKED + USERS], exclude=SCHEMA)
    dead = [
        item.get_report(add_size=False)
        for item in vulture.get_unused_code(min_confidence=60)
        if Path(item.filename).resolve().relative_to(ROOT).parts[0] in CHECKED
    ]
    assert dead == [], "\n".join(["unused (delete it, or whitelist it with its reason):", *dead])
