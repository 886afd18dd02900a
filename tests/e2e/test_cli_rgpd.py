"""``smartcorner purge`` and ``smartcorner export person`` on the demo data set."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.test_cli import env, smartcorner  # noqa: F401  (the fixture)


def test_purge_dry_run_lists_each_kind_and_changes_nothing(env: dict[str, str]) -> None:  # noqa: F811
    assert smartcorner(env, "demo").returncode == 0
    first = smartcorner(env, "purge", "--dry-run")
    assert first.returncode == 0, first.stderr
    assert "(dry run)" in first.stdout
    assert "passages aux événements (checkins, 1095 days): would delete" in first.stdout
    assert smartcorner(env, "purge", "--dry-run").stdout == first.stdout  # nothing was deleted


def test_export_person_writes_json(env: dict[str, str], tmp_path: Path) -> None:  # noqa: F811
    assert smartcorner(env, "demo").returncode == 0
    out = tmp_path / "person.json"
    result = smartcorner(env, "export", "person", "1", "--output", str(out))
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["person"]["id"] == 1
    missing = smartcorner(env, "export", "person", "999999")
    assert missing.returncode == 1
    assert "no person with id 999999" in missing.stderr
