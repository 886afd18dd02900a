"""``smartcorner import documents`` and ``export documents-usage``, as an operator runs them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from kiosk.documents.pdfwriter import PdfBuilder
from tests.e2e.test_cli import env, smartcorner

__all__ = ["env"]  # the fixture, re-used


def test_import_reimport_and_export(env: dict[str, str], tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    (folder / "Accessibilité").mkdir(parents=True)
    guide = PdfBuilder("Rédiger des documents accessibles")
    guide.paragraph("Un texte alternatif pour chaque image.")
    (folder / "Accessibilité" / "guide.pdf").write_bytes(guide.build())
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 not really")

    first = smartcorner(env, "import", "documents", str(folder))
    assert first.returncode == 1, first.stderr  # one file skipped
    assert "1 added" in first.stdout
    assert "skipped broken.pdf" in first.stdout
    assert (tmp_path / "data" / "documents-index.sqlite3").exists()

    (folder / "broken.pdf").unlink()
    again = smartcorner(env, "import", "documents", str(folder))
    assert again.returncode == 0, again.stderr
    assert "0 added, 0 updated, 0 renamed, 1 unchanged, 0 removed, 0 skipped" in again.stdout

    export = smartcorner(env, "export", "documents-usage")
    assert export.returncode == 0, export.stderr
    header = next(csv.reader(io.StringIO(export.stdout)))
    assert header[:4] == ["record", "nonce", "kiosk", "at_utc"]

    reindex = smartcorner(env, "documents", "reindex")
    assert reindex.returncode == 0, reindex.stderr
    assert "1 documents indexed" in reindex.stdout


def test_search_prints_what_the_screen_lists(env: dict[str, str], tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "usagers.txt").write_bytes(
        "Accueil des usagers\n\nLa mise en œuvre de l’accueil des usagers.".encode("cp1252")
    )
    (folder / "autre.txt").write_text("Autre chose\n\nRien à voir.", encoding="utf-8")
    assert smartcorner(env, "import", "documents", str(folder)).returncode == 0

    text = smartcorner(env, "documents", "search", "usager ")
    assert text.returncode == 0, text.stderr
    assert text.stdout.splitlines()[0] == "  1. Accueil des usagers  (accueil-des-usagers, article)"
    assert "[usagers]" in text.stdout
    assert "1 result(s)" in text.stdout

    listed = smartcorner(env, "documents", "search", "mise en oeuvre ", "--json")
    assert listed.returncode == 0, listed.stderr
    found = json.loads(listed.stdout)
    assert [(r["rank"], r["slug"], r["kind"]) for r in found["results"]] == [
        (1, "accueil-des-usagers", "article")
    ]
    assert found["results"][0]["matched"] == ["mise", "œuvre"]
    assert found["results"][0]["snippet"].startswith("La mise en œuvre")

    nothing = json.loads(smartcorner(env, "documents", "search", "usagerz ", "--json").stdout)
    assert (nothing["results"], nothing["did_you_mean"]) == ([], "usagers")
