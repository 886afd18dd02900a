"""The layers only point downwards: kiosk/ is pure, hardware/ has no widgets (DESIGN.md)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

FORBIDDEN = {
    "kiosk": {
        "PySide6",
        "shiboken6",
        "ui",
        "hardware",
        "smartcard",
        "escpos",
        "usb",
        "serial",
        "zxingcpp",
    },
    "hardware": {"ui", "PySide6.QtWidgets", "PySide6.QtGui"},
}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _violations(package: str) -> list[str]:
    bad = []
    for path in sorted((ROOT / package).rglob("*.py")):
        for name in _imports(path):
            for forbidden in FORBIDDEN[package]:
                if name == forbidden or name.startswith(forbidden + "."):
                    bad.append(f"{path.relative_to(ROOT)} imports {name}")
    return bad


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_layer_imports_only_downwards(package: str) -> None:
    assert _violations(package) == []


def test_the_check_catches_a_violation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "kiosk"
    fake.mkdir()
    (fake / "bad.py").write_text("from PySide6.QtCore import QObject\nimport smartcard\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", tmp_path)
    bad = _violations("kiosk")
    assert "kiosk/bad.py imports PySide6.QtCore" in bad
    assert "kiosk/bad.py imports smartcard" in bad
