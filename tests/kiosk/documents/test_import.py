"""``import documents``: a folder with a broken and a renamed file, manifests, re-imports."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.documents.catalogue import DocumentKind
from kiosk.documents.importer import ImportError_, ImportReport, import_folder
from kiosk.documents.index import DocumentIndex
from kiosk.documents.library import open_content, sync_index
from kiosk.documents.pdftext import BrokenPdf, extract
from kiosk.documents.pdfwriter import PdfBuilder
from kiosk.documents.tables import Document, DocumentFile, DocumentPage
from tests.helpers.workbooks import workbook

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def pdf(title: str, *paragraphs: str, pages: int = 1) -> bytes:
    b = PdfBuilder(title)
    for n in range(pages):
        if n:
            b.new_page()
        for p in paragraphs:
            b.paragraph(p)
    return b.build()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "kiosque"
    (root / "Cybersécurité").mkdir(parents=True)
    (root / "Cybersécurité" / "hameconnage.pdf").write_bytes(
        pdf("Se protéger de l’hameçonnage", "Signalez l'hameçonnage au support.", pages=3)
    )
    (root / "guide_rgpd.pdf").write_bytes(pdf("RGPD au quotidien", "Les données personnelles."))
    (root / "casse.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")
    (root / "article.html").write_text(
        "<html><head><title>Sobriété numérique</title><script>evil()</script></head>"
        "<body><h1>Sobriété</h1><p>Éteindre son écran.</p></body></html>",
        encoding="utf-8",
    )
    (root / "manifest.csv").write_text(
        "file;url;title;theme;tags;published;summary\n"
        "guide_rgpd.pdf;;Le RGPD au quotidien;Données et RGPD;RGPD, données;2026-03-02;Fiche\n"
        ";https://www.cnil.fr/fr/collectivites;CNIL : ressources;Données et RGPD;;2026-01-05;\n",
        encoding="utf-8",
    )
    return root


def run(factory: sessionmaker[Session], folder: Path, **kw: object) -> ImportReport:
    with factory.begin() as session:
        return import_folder(session, folder, NOW, **kw)  # type: ignore[arg-type]


def docs(factory: sessionmaker[Session]) -> dict[str, Document]:
    with factory() as session:
        return {str(d.source): d for d in session.scalars(select(Document))}


def test_first_import_takes_metadata_from_files_folders_and_manifest(
    session_factory: sessionmaker[Session], folder: Path
) -> None:
    report = run(session_factory, folder)
    assert sorted(report.added) == [
        "Cybersécurité/hameconnage.pdf", "article.html", "guide_rgpd.pdf",
        "link:https://www.cnil.fr/fr/collectivites",
    ]  # fmt: skip
    assert [src for src, _ in report.skipped] == ["casse.pdf"]
    found = docs(session_factory)
    phishing = found["Cybersécurité/hameconnage.pdf"]
    assert phishing.title == "Se protéger de l’hameçonnage"  # from the PDF itself
    assert phishing.theme == "Cybersécurité"  # from its folder
    assert phishing.page_count == 3
    assert "Signalez" in phishing.summary
    rgpd = found["guide_rgpd.pdf"]
    assert (rgpd.title, rgpd.theme, rgpd.tags) == ("Le RGPD au quotidien", "Données et RGPD",
                                                   "RGPD, données")  # fmt: skip
    assert rgpd.published_on == date(2026, 3, 2)
    article = found["article.html"]
    assert article.kind is DocumentKind.ARTICLE
    assert article.title == "Sobriété numérique"
    assert "evil" not in article.body
    assert "Éteindre" in article.body
    link = found["link:https://www.cnil.fr/fr/collectivites"]
    assert (link.kind, link.url) == (DocumentKind.LINK, "https://www.cnil.fr/fr/collectivites")


def test_reimport_renamed_changed_deleted_and_broken_files(
    session_factory: sessionmaker[Session], folder: Path, tmp_path: Path
) -> None:
    run(session_factory, folder)
    before = docs(session_factory)
    slug = before["Cybersécurité/hameconnage.pdf"].slug

    assert run(session_factory, folder).unchanged == 4  # nothing changed: nothing written

    os.rename(folder / "Cybersécurité" / "hameconnage.pdf", folder / "Cybersécurité" / "guide.pdf")
    (folder / "guide_rgpd.pdf").write_bytes(pdf("RGPD", "Une nouvelle version.", pages=2))
    (folder / "article.html").unlink()
    report = run(session_factory, folder)
    assert report.renamed == [("Cybersécurité/hameconnage.pdf", "Cybersécurité/guide.pdf")]
    assert report.updated == ["guide_rgpd.pdf"]
    assert report.removed == ["article.html"]
    assert [src for src, _ in report.skipped] == ["casse.pdf"]
    after = docs(session_factory)
    assert after["Cybersécurité/guide.pdf"].slug == slug  # same link, same statistics
    assert after["Cybersécurité/guide.pdf"].id == before["Cybersécurité/hameconnage.pdf"].id
    assert after["guide_rgpd.pdf"].page_count == 2
    with session_factory() as session:
        pages = session.scalars(
            select(DocumentPage.text).where(DocumentPage.document_id == after["guide_rgpd.pdf"].id)
        ).all()
        assert len(pages) == 2
        assert "nouvelle version" in pages[0]
        assert session.scalar(select(DocumentFile.size).where(
            DocumentFile.document_id == after["guide_rgpd.pdf"].id)) == len(
            (folder / "guide_rgpd.pdf").read_bytes())  # fmt: skip


def test_a_file_broken_on_reimport_keeps_its_last_good_version(
    session_factory: sessionmaker[Session], folder: Path
) -> None:
    run(session_factory, folder)
    good = docs(session_factory)["guide_rgpd.pdf"]
    (folder / "guide_rgpd.pdf").write_bytes(b"%PDF-1.7\ntruncated")
    report = run(session_factory, folder)
    assert "guide_rgpd.pdf" in {s for s, _ in report.skipped}
    assert not report.removed
    assert docs(session_factory)["guide_rgpd.pdf"].fingerprint == good.fingerprint


def test_the_index_follows_the_imports(
    session_factory: sessionmaker[Session], folder: Path, tmp_path: Path
) -> None:
    index = DocumentIndex(tmp_path / "index.sqlite3")
    run(session_factory, folder)
    with session_factory() as session:
        assert sync_index(session, index).added == 4
        hit = index.search("hameconnage ").hits[0]
        assert hit.document.title == "Se protéger de l’hameçonnage"
        assert [p.page_number for p in index.find_in_document(hit.document.slug, "support")] == [
            1, 2, 3,
        ]  # fmt: skip
        content = open_content(session, hit.document.slug, tmp_path / "cache")
        assert content is not None
        assert content.file is not None
        assert extract(content.file.read_bytes()).pages[0].startswith("Signalez")
    (folder / "article.html").unlink()
    run(session_factory, folder)
    with session_factory() as session:
        report = sync_index(session, index)
    assert (report.added, report.updated, report.removed) == (0, 0, 1)
    assert index.search("sobriete ").hits == ()
    index.close()


def test_english_manifest_columns_reach_the_index_and_french_stands_in_without_them(
    session_factory: sessionmaker[Session], folder: Path, tmp_path: Path
) -> None:
    index = DocumentIndex(tmp_path / "index.sqlite3")
    run(session_factory, folder)  # a manifest without English columns
    with session_factory() as session:
        sync_index(session, index)
    rgpd = index.search("rgpd ").hits[0].document
    assert (rgpd.title_en, rgpd.summary_en, rgpd.theme_en) == ("", "", "")
    assert rgpd.title_in(True) == "Le RGPD au quotidien"  # in English, the French stands in
    (folder / "manifest.csv").write_text(
        "file;url;title;theme;tags;published;summary;title_en;summary_en;theme_en\n"
        "guide_rgpd.pdf;;Le RGPD au quotidien;Données et RGPD;RGPD, données;2026-03-02;Fiche;"
        "GDPR every day;A sheet;Data and GDPR\n"
        ";https://www.cnil.fr/fr/collectivites;CNIL : ressources;Données et RGPD;;2026-01-05;"
        ";;;\n",
        encoding="utf-8",
    )
    report = run(session_factory, folder)
    assert report.updated == ["guide_rgpd.pdf"]  # the link, without English, is unchanged
    stored = docs(session_factory)["guide_rgpd.pdf"]
    assert (stored.title_en, stored.summary_en, stored.theme_en) == (
        "GDPR every day", "A sheet", "Data and GDPR",
    )  # fmt: skip
    with session_factory() as session:
        assert sync_index(session, index).updated == 1
    rgpd = index.search("rgpd ").hits[0].document
    assert (rgpd.title_in(True), rgpd.summary_in(True), rgpd.theme_in(True)) == (
        "GDPR every day", "A sheet", "Data and GDPR",
    )  # fmt: skip
    assert rgpd.title_in(False) == "Le RGPD au quotidien"
    index.close()


def test_manifest_in_toml_and_bad_manifests(
    session_factory: sessionmaker[Session], folder: Path, tmp_path: Path
) -> None:
    toml = tmp_path / "docs.toml"
    toml.write_text(
        '[[document]]\nfile = "article.html"\ntitle = "Éteindre son écran"\n'
        'tags = ["sobriété", "énergie"]\npublished = 2026-02-01\n',
        encoding="utf-8",
    )
    run(session_factory, folder, manifest=toml)
    article = docs(session_factory)["article.html"]
    assert (article.title, article.tags) == ("Éteindre son écran", "sobriété, énergie")
    bad = tmp_path / "bad.toml"
    bad.write_text('[[document]]\ntitle = "no file"\n', encoding="utf-8")
    with pytest.raises(ImportError_, match="neither 'file' nor 'url'"):
        run(session_factory, folder, manifest=bad)
    with pytest.raises(ImportError_, match="not a folder"):
        run(session_factory, tmp_path / "missing")


def test_extract_refuses_what_is_not_a_readable_pdf() -> None:
    for data in (b"", b"hello", b"%PDF-1.4\n%%EOF", pdf("x", "y")[:200]):
        with pytest.raises(BrokenPdf):
            extract(data)


def test_manifest_saved_by_french_excel_as_csv_or_as_a_workbook(
    session_factory: sessionmaker[Session], folder: Path, tmp_path: Path
) -> None:
    """« CSV (séparateur : point-virgule) » is Windows-1252 with French dates; a workbook is
    read as it is, with a title above the table."""
    (folder / "manifest.csv").unlink()
    csv_manifest = tmp_path / "catalogue.csv"
    csv_manifest.write_bytes(
        "file;title;theme;published\r\n"
        "article.html;Sobriété : éteindre son écran;Numérique responsable;02/03/2026\r\n".encode(
            "cp1252"
        )
    )
    run(session_factory, folder, manifest=csv_manifest)
    article = docs(session_factory)["article.html"]
    assert (article.title, article.theme, article.published_on) == (
        "Sobriété : éteindre son écran", "Numérique responsable", date(2026, 3, 2),
    )  # fmt: skip

    (folder / "manifest.xlsx").write_bytes(
        workbook(
            ["file", "title", "tags", "published"],
            [["article.html", "Éteindre son écran", "sobriété; énergie", date(2026, 4, 1)]],
            above=["Catalogue du Kiosque numérique"],
        )
    )
    run(session_factory, folder)  # found in the folder by its name, as manifest.csv is
    article = docs(session_factory)["article.html"]
    assert (article.title, article.tags, article.published_on) == (
        "Éteindre son écran", "sobriété, énergie", date(2026, 4, 1),
    )  # fmt: skip
