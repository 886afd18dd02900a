"""The Kiosque numérique's demo catalogue: 61 French documents on eight themes, with real PDFs
generated at seed time (text-searchable, they open in any reader), articles, videos, links,
and a few weeks of usage records. Registered in ``kiosk.demo.seed.CAPABILITY_SEEDS``."""

from __future__ import annotations

import html
import random
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, Final

from sqlalchemy import insert
from sqlalchemy.orm import Session

from kiosk.documents.catalogue import DocumentKind
from kiosk.documents.demo_corpus import CORPUS, HEADINGS, Entry
from kiosk.documents.library import DocumentInput, save_document, unique_slug
from kiosk.documents.pdfwriter import PdfBuilder
from kiosk.documents.tables import DocumentSearch, DocumentView
from kiosk.documents.text import words

if TYPE_CHECKING:
    from kiosk.db.demo import DemoBase

KINDS: Final = {"p": DocumentKind.PDF, "a": DocumentKind.ARTICLE, "v": DocumentKind.VIDEO,
                "l": DocumentKind.LINK}  # fmt: skip
THEME_COLOURS: Final = ("#3558A2", "#7F3E98", "#18753C", "#006A6F", "#A94645", "#B34000",
                        "#000091", "#555555")  # fmt: skip
LINKS: Final = {
    "Cybermalveillance.gouv.fr : assistance et prévention": "https://www.cybermalveillance.gouv.fr/",
    "Le règlement européen sur l'IA expliqué": "https://digital-strategy.ec.europa.eu/fr/policies/regulatory-framework-ai",
    "Mission interministérielle numérique responsable": "https://numerique.gouv.fr/publications/",
    "CNIL : les ressources pour les collectivités": "https://www.cnil.fr/fr/collectivites",
}  # fmt: skip
SEARCHES: Final = ("hameçonnage", "mot de passe", "IA", "télétravail", "RGPD", "visio",
                   "accessibilité", "sobriété", "imprimante 3D", "congés", "badge perdu",
                   "coédition", "FALC", "rançongiciel")  # fmt: skip
NOT_IN_CATALOGUE: Final = frozenset({"imprimante 3D", "congés", "badge perdu"})


def seed_documents(session: Session, base: DemoBase) -> dict[str, int]:
    rng = random.Random(base.seed)
    created = datetime.combine(base.today - timedelta(days=400), time(9), UTC)
    slugs: set[str] = set()
    count = 0
    for theme_no, (theme, content) in enumerate(CORPUS.items()):
        paragraphs = tuple(str(p) for p in content["paragraphs"])
        entries: tuple[Entry, ...] = content["documents"]  # type: ignore[assignment]
        for n, (code, title, summary, tags) in enumerate(entries):
            # The first document of each theme is recent: "Nouveautés" always has something.
            age = rng.randint(1, 20) if n == 0 else rng.randint(21, 540)
            doc = DocumentInput(
                kind=KINDS[code],
                title=title,
                theme=theme,
                published_on=base.today - timedelta(days=age),
                summary=summary,
                tags=[t.strip() for t in tags.split(",")],
                slug=unique_slug(session, title, slugs),
            )
            if doc.kind is DocumentKind.PDF:
                pages = 2 + rng.randint(0, 4) + (8 if n == 1 else 0)
                _write_pdf(doc, paragraphs, THEME_COLOURS[theme_no % len(THEME_COLOURS)],
                           rng, pages, created)  # fmt: skip
            elif doc.kind is DocumentKind.ARTICLE:
                doc.body = _article(doc, paragraphs, rng)
            elif doc.kind is DocumentKind.LINK:
                doc.url = LINKS.get(title, "https://www.departement06.fr/")
            save_document(session, doc, created)
            count += 1
    views, searches = _usage(session, base, sorted(slugs), rng)
    return {"documents": count, "document views": views, "document searches": searches}


def _write_pdf(doc: DocumentInput, paragraphs: tuple[str, ...], colour: str,
               rng: random.Random, sections: int, created: datetime) -> None:  # fmt: skip
    pdf = PdfBuilder(doc.title, author="Département — Smart Corner", accent=colour)
    published = doc.published_on.strftime("%d/%m/%Y")
    pdf.cover(doc.theme, doc.summary, f"Publié le {published} — Kiosque numérique")
    for heading in _pick(HEADINGS, sections, rng):
        pdf.heading(heading)
        for paragraph in _pick(paragraphs, rng.randint(2, 4), rng):
            pdf.paragraph(paragraph)
    doc.data = pdf.build(created)
    doc.pages = pdf.page_texts()
    doc.media_type = "application/pdf"


def _article(doc: DocumentInput, paragraphs: tuple[str, ...], rng: random.Random) -> str:
    parts = [f"<p><b>{html.escape(doc.summary)}</b></p>"]
    for heading in _pick(HEADINGS, 3, rng):
        parts.append(f"<h2>{html.escape(heading)}</h2>")
        parts += [f"<p>{html.escape(p)}</p>" for p in _pick(paragraphs, 2, rng)]
    return "\n".join(parts)


def _pick(items: tuple[str, ...], n: int, rng: random.Random) -> list[str]:
    """``n`` items, cycling through a shuffled copy (repeats only when n > len(items))."""
    order = list(items)
    rng.shuffle(order)
    return [order[i % len(order)] for i in range(n)]


def _usage(
    session: Session, base: DemoBase, slugs: list[str], rng: random.Random
) -> tuple[int, int]:
    kiosks = list(base.kiosk_ids.values())
    start = datetime.combine(base.today - timedelta(days=28), time(8), UTC)
    views: list[dict[str, Any]] = []
    searches: list[dict[str, Any]] = []
    for _ in range(240):
        views.append(
            {
                "nonce": f"{rng.getrandbits(128):032x}",
                "kiosk_id": rng.choice(kiosks),
                "at": start + timedelta(minutes=rng.randint(0, 27 * 24 * 60)),
                "document_slug": rng.choice(slugs[: len(slugs) // 2] + slugs),
                "source": rng.choice(("search", "theme", "latest")),
            }
        )
    for _ in range(90):
        query = rng.choice(SEARCHES)
        found = query not in NOT_IN_CATALOGUE
        searches.append(
            {
                "nonce": f"{rng.getrandbits(128):032x}",
                "kiosk_id": rng.choice(kiosks),
                "at": start + timedelta(minutes=rng.randint(0, 27 * 24 * 60)),
                "query": query,
                "normalized": " ".join(words(query)),
                "theme": None,
                "kind": None,
                "result_count": rng.randint(1, 9) if found else 0,
                "suggested_themes": "" if found else "Outils collaboratifs, Travail hybride",
            }
        )
    session.execute(insert(DocumentView), views)
    session.execute(insert(DocumentSearch), searches)
    return len(views), len(searches)
