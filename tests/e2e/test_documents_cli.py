"""``smartcorner import documents`` and ``export documents-usage``, as an operator runs them."""

from __future__ import annotations

import csv
import io
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
