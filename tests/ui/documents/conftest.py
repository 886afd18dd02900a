"""A small fixed catalogue in a real SQLite database, and the kiosk shell reading it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from kiosk.documents.catalogue import DocumentKind
from kiosk.documents.library import DocumentInput, save_document
from kiosk.documents.pdfwriter import PdfBuilder

SAVED_AT = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
GUIDE_PAGES = 12


def pdf(title: str, chapters: list[tuple[str, str]], *, repeat: int = 8) -> DocumentInput:
    """A real PDF whose chapters start on pages of their own (for page-jump tests)."""
    builder = PdfBuilder(title)
    for n, (heading, text) in enumerate(chapters):
        if n:
            builder.new_page()
        builder.heading(heading)
        for _ in range(repeat):
            builder.paragraph(text)
    data = builder.build()
    return DocumentInput(
        kind=DocumentKind.PDF, title=title, theme="", published_on=date(2026, 1, 1),
        data=data, media_type="application/pdf", pages=builder.page_texts(),
    )  # fmt: skip


def catalogue() -> list[DocumentInput]:
    guide = pdf(
        "Se protéger de l'hameçonnage",
        [(f"Chapitre {n}", "Un courriel piégé imite votre banque. " * 6) for n in range(1, 12)]
        + [("Signaler", "Transférez l'hameçonnage au support informatique. " * 6)],
        repeat=1,
    )
    guide.theme, guide.summary, guide.published_on = (
        "Cybersécurité",
        "Reconnaître un courriel piégé.",
        date(2026, 11, 19),
    )
    guide.slug = "hameconnage"
    rgpd = DocumentInput(
        kind=DocumentKind.ARTICLE,
        title="Le RGPD au quotidien",
        theme="Données et RGPD",
        summary="Les principes du règlement.",
        published_on=date(2026, 10, 2),
        body="<h2>Principes</h2><p>Collecter le strict nécessaire.</p>",
        slug="rgpd",
    )
    link = DocumentInput(
        kind=DocumentKind.LINK,
        title="Cybermalveillance : assistance",
        theme="Cybersécurité",
        summary="Le dispositif national.",
        published_on=date(2026, 7, 22),
        url="https://www.cybermalveillance.gouv.fr/",
        slug="cybermalveillance",
    )
    ia = DocumentInput(
        kind=DocumentKind.ARTICLE, title="Charte d'usage de l'intelligence artificielle",
        theme="Intelligence artificielle", summary="Ce que l'on peut confier à un assistant.",
        published_on=date(2026, 9, 1), body="<p>L'IA générative rédige des brouillons.</p>",
        slug="charte-ia",
    )  # fmt: skip
    return [guide, rgpd, link, ia]


@pytest.fixture
def documents_db(engine: Engine, session_factory: sessionmaker[Session]) -> str:
    with session_factory.begin() as session:
        for doc in catalogue():
            save_document(session, doc, SAVED_AT)
    return str(engine.url)


@pytest.fixture
def documents_shell(make_shell: Callable[..., Any], documents_db: str) -> Callable[..., Any]:
    """``documents_shell(**settings)``: a room kiosk on the catalogue, on the Kiosque screen."""

    def make(**overrides: Any) -> Any:
        shell = make_shell(db_url=documents_db, **overrides)
        shell.router.go("home")
        shell.router.go("documents")
        return shell

    return make


def wait_ready(qtbot: Any, screen: Any) -> None:
    """The first reindex runs in a niced child process: on a loaded 2-core machine it took
    more than 10 s (a bound on waiting, not a speed check: bench/documents.py measures)."""
    qtbot.waitUntil(
        lambda: screen.desk.is_ready and screen.browse.latest.model().rowCount() > 0,
        timeout=90_000,
    )
