"""``smartcorner import projects`` and ``smartcorner stats``, as an operator runs them."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.test_cli import env, smartcorner

__all__ = ["env"]  # the fixture, re-used


def test_import_reports_bad_lines_then_imports_and_a_second_run_changes_nothing(
    env: dict[str, str], tmp_path: Path
) -> None:
    (tmp_path / "gmao.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 16)
    bad = tmp_path / "bad.csv"
    bad.write_text("title;pitch;direction;stage;media\nGMAO;Suivi;DRIT;fini;gmao.png\n",
                   encoding="utf-8")  # fmt: skip
    refused = smartcorner(env, "import", "projects", str(bad))
    assert refused.returncode == 1, refused.stderr
    assert "line 2: unknown stage 'fini'" in refused.stdout
    assert "nothing was imported" in refused.stdout

    good = tmp_path / "projets.csv"
    good.write_text("title;pitch;direction;stage;media\nGMAO;Suivi;DRIT;en service;gmao.png\n",
                    encoding="utf-8")  # fmt: skip
    first = smartcorner(env, "import", "projects", str(good))
    assert first.returncode == 0, first.stderr
    assert "1 added, 0 updated, 0 unchanged, 0 removed" in first.stdout
    again = smartcorner(env, "import", "projects", str(good))
    assert "0 added, 0 updated, 1 unchanged, 0 removed" in again.stdout
