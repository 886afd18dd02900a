"""Search behaviour on a small fixed corpus: accents, case, elisions, prefixes, synonyms,
ranking, filters, snippets, zero results, in-document search."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.documents.catalogue import HIGHLIGHT_END, HIGHLIGHT_START, DocumentKind, DocumentSummary
from kiosk.documents.index import DocumentIndex, IndexedDocument, open_index
from kiosk.documents.text import index_form, parse_query, words
from kiosk.text import fold

# slug, kind, theme, title, summary, tags, body pages
CORPUS = [
    ("phishing", DocumentKind.PDF, "Cybersécurité",
     "Se protéger de l’hameçonnage",
     "Reconnaître un courriel piégé.", "courriel",
     ("Les bons réflexes face à un message suspect.",
      "L'hameçonnage imite votre banque. Signalez l'hameçonnage au support.")),
    ("passwords", DocumentKind.PDF, "Cybersécurité",
     "Mots de passe robustes", "Des phrases de passe longues.", "mot de passe",
     ("Un gestionnaire retient vos secrets.",)),
    ("rgpd", DocumentKind.ARTICLE, "Données et RGPD",
     "Le RGPD au quotidien", "Les principes du règlement.", "règlement",
     ("Collecter le strict nécessaire.",)),
    ("personal-data", DocumentKind.PDF, "Données et RGPD",
     "Durées de conservation", "Combien de temps garder les données personnelles.", "",
     ("Les données personnelles sont supprimées ensuite.",)),
    ("ai-charter", DocumentKind.PDF, "Intelligence artificielle",
     "Charte d'usage de l'intelligence artificielle", "Ce que l'on peut confier à un assistant.",
     "", ("L'intelligence artificielle générative rédige des brouillons.",)),
    ("ai-video", DocumentKind.VIDEO, "Intelligence artificielle",
     "Masterclass IA", "Retour en vidéo.", "vidéo", ()),
    ("sobriety", DocumentKind.ARTICLE, "Numérique responsable",
     "Sobriété numérique au bureau", "Éteindre son écran le soir.", "", ("Moins d'énergie.",)),
    ("body-only", DocumentKind.PDF, "Numérique responsable",
     "Rapport annuel", "Bilan de l'année.", "",
     ("Une section parle de sobriété parmi beaucoup d'autres sujets sans rapport.",)),
    ("cyber-fr", DocumentKind.LINK, "Cybersécurité",
     "Cybermalveillance : assistance", "Le dispositif national.", "", ()),
]  # fmt: skip


@pytest.fixture
def index(tmp_path: Path) -> Iterator[DocumentIndex]:
    idx = DocumentIndex(tmp_path / "index.sqlite3")
    idx.upsert(
        IndexedDocument(
            id=n,
            summary=DocumentSummary(
                slug=slug,
                kind=kind,
                title=title,
                summary=summary,
                theme=theme,
                tags=tuple(tags.split(",")) if tags else (),
                published_on=date(2026, 1, n),
                reading_minutes=3,
                page_count=len(pages) or None,
                content_hash=None,
                url=None,
            ),
            body="\n".join(pages),
            pages=pages,
            fingerprint=f"fp{n}",
        )
        for n, (slug, kind, theme, title, summary, tags, pages) in enumerate(CORPUS, 1)
    )
    yield idx
    idx.close()


def slugs(index: DocumentIndex, text: str, **kw: object) -> list[str]:
    return [h.document.slug for h in index.search(text, **kw).hits]  # type: ignore[arg-type]


def test_words_fold_accents_case_ligatures_and_elisions() -> None:
    assert words("L’Hameçonnage d'un SŒUR, qu'il") == ["hameconnage", "un", "soeur", "il"]
    assert fold("Écoconception") == "ecoconception"


@pytest.mark.parametrize(
    "typed", ["hameconnage", "HAMEÇONNAGE", "l'hameçonnage", "l’hameconnage", "Hameçon"]
)
def test_accents_case_elisions_and_prefix_find_the_same_document(
    index: DocumentIndex, typed: str
) -> None:
    assert slugs(index, typed)[0] == "phishing"


def test_a_word_typed_past_where_its_stem_differs_still_finds_it(index: DocumentIndex) -> None:
    # Snowball stems « intelligence » as « intelligent »: « intelligenc » is a prefix of the
    # word, not of its stem
    assert slugs(index, "intelligenc")[0] == "ai-charter"


def test_prefix_search_only_while_typing_the_last_word(index: DocumentIndex) -> None:
    assert slugs(index, "sobri")[:2] == ["sobriety", "body-only"]
    assert slugs(index, "sobri ") == []  # a finished word is a whole word
    assert slugs(index, "sobri", typing=False) == []


def test_synonyms_work_both_ways(index: DocumentIndex) -> None:
    assert set(slugs(index, "RGPD ")) == {"rgpd", "personal-data"}
    assert set(slugs(index, "données personnelles ")) == {"rgpd", "personal-data"}
    assert set(slugs(index, "IA ")) == {"ai-charter", "ai-video"}
    assert set(slugs(index, "intelligence artificielle ")) == {"ai-charter", "ai-video"}
    assert "phishing" in slugs(index, "phishing ")


def test_a_synonym_group_followed_by_another_word(index: DocumentIndex) -> None:
    # (a OR b) "c" is an FTS5 syntax error: the terms must be joined with AND
    assert slugs(index, "IA brouillons") == ["ai-charter"]
    assert slugs(index, "intelligence artificielle génér") == ["ai-charter"]
    assert set(slugs(index, "rgpd donn")) == {"personal-data", "rgpd"}  # "Données et RGPD"


def test_the_total_is_counted_up_to_a_cap(
    index: DocumentIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kiosk.documents.index as module

    assert index.search("cyber", limit=1).total == 3
    monkeypatch.setattr(module, "COUNT_CAP", 2)
    capped = index.search("cyber", limit=1)
    assert len(capped.hits) == 1
    assert capped.total == 2


def test_title_matches_rank_above_body_matches(index: DocumentIndex) -> None:
    assert slugs(index, "sobriété ") == ["sobriety", "body-only"]


def test_stop_words_are_ignored_unless_alone(index: DocumentIndex) -> None:
    assert slugs(index, "les mots de passe ")[0] == "passwords"
    assert parse_query("de la ").fts() == '"de" AND "la"'


@pytest.mark.parametrize("typed", ["mots d", "mots de", "mots de pa", "mots de pas"])
def test_a_word_just_begun_after_others_waits_for_its_third_letter(
    index: DocumentIndex, typed: str
) -> None:
    """A short word, or a stop word, just begun after others narrows nothing (« de* », « pa* »
    are in every document): the list stays that of the words before it until a letter says
    more, a synonym group excepted (« rgpd ia »: « ia » is one of the lexicon's)."""
    assert parse_query(typed).fts() == parse_query("mots ").fts() == '"mot"'
    assert slugs(index, typed) == slugs(index, "mots ")
    assert parse_query("mots de pass").fts() == '"mot" AND "pass"*'
    assert slugs(index, "mots de pass")[0] == "passwords"
    assert parse_query("de").fts() == '"de"*'  # alone, or among stop words only, it counts
    assert parse_query("de la").fts() == '"de" AND "la"*'
    assert '"ia"*' in parse_query("rgpd ia").fts()


def test_filters_by_theme_and_kind(index: DocumentIndex) -> None:
    assert set(slugs(index, "cyber", theme="Cybersécurité")) == {
        "cyber-fr",
        "phishing",
        "passwords",
    }
    assert slugs(index, "cyber", theme="Numérique responsable") == []
    assert slugs(index, "IA ", kind=DocumentKind.VIDEO) == ["ai-video"]
    assert slugs(index, "RGPD ", theme="Cybersécurité") == []


def test_a_body_match_shows_its_sentence_a_title_match_its_summary(index: DocumentIndex) -> None:
    """Found by its body, a document shows the sentence that says the words, lit; found by its
    title, its summary (lit where it says the words, synonyms included), not page 2. One
    without a summary shows its body's sentence (test_highlights_show_the_words_as_written)."""
    (by_body,) = index.search("signalez ").hits
    assert f"{HIGHLIGHT_START}Signalez{HIGHLIGHT_END} l'hameçonnage au support" in by_body.snippet
    by_title = index.search("hameconnage ").hits[0]
    assert by_title.document.slug == "phishing"
    assert by_title.snippet == f"Reconnaître un {HIGHLIGHT_START}courriel piégé{HIGHLIGHT_END}."
    title_only = index.search("sobriété ").hits[0]
    assert title_only.document.slug == "sobriety"
    assert title_only.snippet == "Éteindre son écran le soir."  # the summary does not say it


def test_query_syntax_typed_by_a_visitor_is_only_text(index: DocumentIndex) -> None:
    for typed in ['"', "NEAR(", "a OR b", "title:x", "*", "-", "(", "^sobri"]:
        index.search(typed)  # never raises, never logs an FTS5 syntax error
    assert slugs(index, "^sobri") == ["sobriety", "body-only"]


def test_zero_results_suggest_a_spelling_and_themes(index: DocumentIndex) -> None:
    results = index.search("hamesonnage", typing=False)
    assert results.hits == ()
    assert results.did_you_mean == "hameconnage"
    assert results.suggested_themes[0] == "Cybersécurité"
    nothing = index.search("imprimante ", typing=False)
    assert nothing.did_you_mean is None
    assert len(nothing.suggested_themes) == 4


def test_themes_latest_and_removal(index: DocumentIndex) -> None:
    assert [t.theme for t in index.themes()][:2] == ["Cybersécurité", "Intelligence artificielle"]
    assert index.latest(2)[0].slug == "cyber-fr"
    index.remove([1])
    assert "phishing" not in slugs(index, "hameconnage ")
    assert index.find_in_document("phishing", "hameconnage") == []


def test_find_in_document_is_accent_insensitive_and_gives_pages(index: DocumentIndex) -> None:
    hits = index.find_in_document("phishing", "hameconnage")
    assert [(h.page_number, h.occurrences) for h in hits] == [(2, 2)]
    assert index.find_in_document("passwords", "hameconnage") == []


def test_find_in_document_takes_the_words_typed_not_their_synonyms(index: DocumentIndex) -> None:
    # "hameçonnage" and "courriel piégé" are synonyms for the catalogue search, not inside
    assert [h.page_number for h in index.find_in_document("phishing", "l'hameçonnage")] == [2]
    assert [h.page_number for h in index.find_in_document("phishing", "hameçon")] == [2]
    assert index.find_in_document("phishing", "phishing") == []


def test_a_damaged_index_file_is_set_aside_and_built_again(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite3"
    path.write_bytes(b"a copy cut short, not a database " * 200)
    (tmp_path / "index.sqlite3-wal").write_bytes(b"stale")
    with pytest.raises(sqlite3.DatabaseError):
        DocumentIndex(path)
    index = open_index(path)
    try:
        assert index.fingerprints() == {}  # empty: the next sync with the catalogue fills it
        assert (tmp_path / "index.sqlite3.damaged").read_bytes().startswith(b"a copy cut short")
        index.upsert([IndexedDocument(1, _summary("phishing"), "hameçonnage", (), "fp1")])
        assert [h.document.slug for h in index.search("hamecon").hits] == ["phishing"]
    finally:
        index.close()


def test_an_index_that_cannot_be_opened_is_not_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite3"
    path.mkdir()  # what SQLite cannot open at all: nothing to repair by moving it
    with pytest.raises(sqlite3.OperationalError):
        open_index(path)
    assert path.is_dir()
    assert not (tmp_path / "index.sqlite3.damaged").exists()


def _summary(slug: str) -> DocumentSummary:
    return DocumentSummary(
        slug=slug, kind=DocumentKind.PDF, title="Se protéger", summary="", theme="Cybersécurité",
        tags=(), published_on=date(2026, 1, 1), reading_minutes=3, page_count=None,
        content_hash=None, url=None,
    )  # fmt: skip


def test_a_short_word_being_typed_ranks_the_short_fields_first_and_two_letters_only_there(
    index: DocumentIndex,
) -> None:
    # a document that says the word in its title comes before one that says it in its body
    assert slugs(index, "sobr") == ["sobriety", "body-only"]
    # one or two letters: every body has such words; only titles, tags and themes are searched
    assert slugs(index, "ch") == ["ai-charter"]
    # a word found only in a body is found while typed, and no spelling is suggested for it
    gest = index.search("gest")
    assert [h.document.slug for h in gest.hits] == ["passwords"]  # "gestionnaire"
    assert gest.did_you_mean is None


# --- one normalisation for the index and the query: œ, æ, ß, ligature glyphs, stems --------
FRENCH = [
    ("oeuvre-accent", "Mise en œuvre du schéma", "La MISE EN ŒUVRE commence en mars."),
    ("oeuvre-plain", "Calendrier", "La mise en oeuvre des ateliers suit."),
    ("latex", "Guide TeX", "Chaque ﬁchier est eﬃcace ; le proﬁl ﬂotte."),  # U+FB01, FB03, FB02
    ("strasse", "Adresse", "Le bureau de la Hauptstraße ouvre en 3ᵉ semaine."),
    ("usagers", "Accueil", "Les usagers du service public et l’ex æquo."),
]


@pytest.fixture
def french(tmp_path: Path) -> Iterator[DocumentIndex]:
    idx = DocumentIndex(tmp_path / "french.sqlite3")
    idx.upsert(
        IndexedDocument(n, _titled(slug, title), body, (body,), f"f{n}")
        for n, (slug, title, body) in enumerate(FRENCH, 1)
    )
    yield idx
    idx.close()


def _titled(slug: str, title: str) -> DocumentSummary:
    return DocumentSummary(
        slug=slug, kind=DocumentKind.PDF, title=title, summary="", theme="Divers", tags=(),
        published_on=date(2026, 1, 1), reading_minutes=1, page_count=1, content_hash=None,
        url=None,
    )  # fmt: skip


@pytest.mark.parametrize("typed", ["mise en œuvre", "mise en oeuvre ", "MISE EN ŒUVRE ", "œuvres"])
def test_oe_typed_either_way_finds_every_document_with_it(
    french: DocumentIndex, typed: str
) -> None:
    assert sorted(slugs(french, typed)) == ["oeuvre-accent", "oeuvre-plain"]


@pytest.mark.parametrize(
    ("typed", "slug"),
    [("fichier ", "latex"), ("efficace ", "latex"), ("profil ", "latex"), ("flotte ", "latex"),
     ("fichiers", "latex"), ("fichie", "latex"), ("hauptstrasse ", "strasse"),
     ("Hauptstraße ", "strasse"), ("3e ", "strasse"), ("3ᵉ ", "strasse"), ("usager ", "usagers"),
     ("usagers ", "usagers"), ("usag", "usagers"), ("aequo ", "usagers")],
)  # fmt: skip
def test_ligatures_eszett_superscripts_and_plurals_are_one_normalisation(
    french: DocumentIndex, typed: str, slug: str
) -> None:
    assert slugs(french, typed) == [slug]


def test_highlights_show_the_words_as_written(french: DocumentIndex) -> None:
    snippet = french.search("oeuvre ").hits[0].snippet
    assert f"{HIGHLIGHT_START}ŒUVRE{HIGHLIGHT_END}" in snippet or (
        f"{HIGHLIGHT_START}oeuvre{HIGHLIGHT_END}" in snippet
    )
    latex = french.search("efficace fichier ").hits[0].snippet
    assert f"{HIGHLIGHT_START}ﬁchier{HIGHLIGHT_END}" in latex
    assert f"{HIGHLIGHT_START}eﬃcace{HIGHLIGHT_END}" in latex
    pages = french.find_in_document("usagers", "usager")
    assert [(p.page_number, p.occurrences) for p in pages] == [(1, 1)]


def test_a_removed_or_replaced_document_leaves_no_term_behind(french: DocumentIndex) -> None:
    french.upsert([IndexedDocument(3, _titled("latex", "Guide"), "Rien.", ("Rien.",), "f3b")])
    assert slugs(french, "fichier ") == []
    assert slugs(french, "rien ") == ["latex"]
    french.remove([3])
    assert slugs(french, "rien ") == []
    assert french.find_in_document("latex", "rien") == []


def test_at_most_one_suggestion_round(
    index: DocumentIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a suggested spelling that itself finds nothing must not be corrected again, and again
    monkeypatch.setattr(index, "did_you_mean", lambda text: text + "x")
    results = index.search("zzzz ", typing=False)
    assert results.hits == ()
    assert results.did_you_mean is None  # it found nothing: not offered


LATIN_GREEK_CYRILLIC_AND_TYPOGRAPHY = [
    (0x0, 0x52F), (0x1D00, 0x1DBF), (0x1E00, 0x1FFF), (0x2000, 0x2065), (0x206A, 0x20B9),
    (0x20D0, 0x2189), (0xE000, 0xE0FF), (0xFB00, 0xFB06), (0xFEFF, 0xFEFF), (0xFF01, 0xFF5E),
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.one_of(
            *(
                st.characters(min_codepoint=lo, max_codepoint=hi, exclude_categories=("Cn",))
                for lo, hi in LATIN_GREEK_CYRILLIC_AND_TYPOGRAPHY
            )
        ),
        max_size=40,
    )
)
def test_the_index_form_has_one_term_per_word_of_fts5s_own_split(text: str) -> None:
    """Snippets and highlights re-read the original text: its n-th word must be the n-th term.

    (Other scripts may split differently where SQLite's Unicode tables are older than Python's:
    their highlights could land a word off; finding them is unaffected, both sides use
    :func:`index_form`.)"""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2')")
    db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    db.execute("INSERT INTO t VALUES (?)", (text,))
    fts5_words = db.execute("SELECT count(*) FROM v").fetchone()[0]
    db.close()
    assert len(index_form(text).split()) == fts5_words


def test_an_index_built_with_other_terms_is_built_again(tmp_path: Path) -> None:
    """Another stemmer or Unicode version gives other terms: the old rows could not be deleted."""
    path = tmp_path / "index.sqlite3"
    index = DocumentIndex(path)
    index.upsert([IndexedDocument(1, _summary("phishing"), "hameçonnage", (), "fp1")])
    index.close()
    with sqlite3.connect(path) as db:  # as an older kiosk build left it
        db.execute("UPDATE meta SET value = 'snowball 0.0' WHERE key = 'terms'")
    db.close()
    again = DocumentIndex(path)
    try:
        assert again.fingerprints() == {}  # empty: the next sync fills it with today's terms
        again.upsert([IndexedDocument(1, _summary("phishing"), "hameçonnage", (), "fp1")])
        assert [h.document.slug for h in again.search("hameconnage ").hits] == ["phishing"]
    finally:
        again.close()


def test_in_document_search_wants_every_word_on_one_page(index: DocumentIndex) -> None:
    # "signalez" is on page 2 only, "message" on page 1 only: no page has both
    assert index.find_in_document("phishing", "message signalez") == []
    (hit,) = index.find_in_document("phishing", "support hameç")
    assert (hit.page_number, hit.occurrences) == (2, 3)
    assert f"{HIGHLIGHT_START}hameçonnage{HIGHLIGHT_END}" in hit.snippet
    assert f"{HIGHLIGHT_START}support{HIGHLIGHT_END}" in hit.snippet


def test_a_word_said_in_the_short_fields_ranks_above_bodies_that_repeat_it(
    tmp_path: Path,
) -> None:
    index = DocumentIndex(tmp_path / "index.sqlite3")
    try:
        summary = "Un long résumé qui parle de beaucoup de choses et, une fois, de sobriété."
        once = replace(_summary("summary-once"), summary=summary)
        index.upsert([
            IndexedDocument(1, once, "Rien.", (), "a"),
            IndexedDocument(2, _summary("body-many"), "Sobriété, sobriété, sobriété.", (), "b"),
        ])  # fmt: skip
        assert slugs(index, "sobr") == ["summary-once", "body-many"]
        assert slugs(index, "sobriete ") == ["summary-once", "body-many"]
    finally:
        index.close()


def test_each_body_is_kept_once_deflated_and_still_shown_as_written(tmp_path: Path) -> None:
    """The index holds terms; the body it shows back is kept once, deflated (no copy per page,
    no plain copy), and read back for snippets and in-document search."""
    path = tmp_path / "index.sqlite3"
    index = DocumentIndex(path)
    pages = ("Première page : Xylophène quintessentiel. " * 20, "Seconde page, sans lui.")
    index.upsert([IndexedDocument(1, _summary("pdf"), "\n".join(pages), pages, "fp")])
    snippet = index.search("xylophene ").hits[0].snippet
    in_pdf = index.find_in_document("pdf", "quintessentiel")
    index.close()
    assert f"{HIGHLIGHT_START}Xylophène{HIGHLIGHT_END} quintessentiel" in snippet
    assert [(p.page_number, p.occurrences) for p in in_pdf] == [(1, 20)]
    assert "Xylophène".encode() not in path.read_bytes()


def test_an_index_of_an_older_layout_is_built_again(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite3"
    with sqlite3.connect(path) as db:  # the former layout: the text copied into tables of its own
        db.executescript(
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
            "INSERT INTO meta VALUES ('schema', '4');"
            "CREATE TABLE docs_text (id INTEGER PRIMARY KEY, body TEXT);"
            "CREATE TABLE pages (id INTEGER PRIMARY KEY, text TEXT);"
            "CREATE VIRTUAL TABLE pages_fts USING fts5(text, content = 'pages');"
        )
        db.execute("INSERT INTO pages (text) VALUES (?)", ("Un texte de 4 Mo. " * 250_000,))
    db.close()
    index = DocumentIndex(path)
    try:
        assert index.fingerprints() == {}
        assert path.stat().st_size < 1_000_000  # the old copies of the text went back to the disk
        index.upsert([IndexedDocument(1, _summary("phishing"), "hameçonnage", (), "fp1")])
        assert slugs(index, "hameconnage ") == ["phishing"]
    finally:
        index.close()


def test_a_change_made_by_another_process_between_two_answers_is_seen(tmp_path: Path) -> None:
    """The kiosk's sync writes the index from a process of its own: the next keystroke's
    answer sees what it wrote, with nothing kept from the answer before."""
    path = tmp_path / "index.sqlite3"
    kiosk, sync = DocumentIndex(path), DocumentIndex(path)
    try:
        sync.upsert([IndexedDocument(1, replace(_summary("gone"), title="Sobriété"), "", (), "a")])
        assert slugs(kiosk, "sobr") == ["gone"]
        sync.remove([1])
        assert slugs(kiosk, "sobr") == []
    finally:
        kiosk.close()
        sync.close()


def test_only_the_rows_a_screen_shows_get_a_snippet_cut_from_their_body(
    index: DocumentIndex,
) -> None:
    """The title match ranks first; the report says « sobriété » only in its body: with two
    rows shown it shows that sentence, with one its summary (cut from the body only when shown)."""
    two = index.search("sobriété ", snippets=2).hits
    assert [h.document.slug for h in two] == ["sobriety", "body-only"]
    assert f"{HIGHLIGHT_START}sobriété{HIGHLIGHT_END}" in two[1].snippet
    one = index.search("sobriété ", snippets=1).hits
    assert [h.document.slug for h in one] == ["sobriety", "body-only"]
    assert one[1].snippet == "Bilan de l'année."
    assert index.listing("sobriété ", snippets=2).hits[1].snippet == two[1].snippet


def test_the_total_is_counted_from_the_short_fields_only_when_they_reach_the_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """« 1000+ » when the titles alone hold that many matches; otherwise the bodies count too."""
    from kiosk.documents import index as index_module

    monkeypatch.setattr(index_module, "COUNT_CAP", 10)
    idx = DocumentIndex(tmp_path / "count.sqlite3")

    def doc(n: int, title: str, body: str) -> IndexedDocument:
        summary = DocumentSummary(
            slug=f"d{n}", kind=DocumentKind.ARTICLE, title=title, summary="Un résumé.",
            theme="Divers", tags=(), published_on=date(2026, 1, 1), reading_minutes=1,
            page_count=None, content_hash=None, url=None,
        )  # fmt: skip
        return IndexedDocument(n, summary, body, (), f"fp{n}")

    # « sobriété »: 3 titles and 25 bodies; « écran »: 12 titles; « clavier »: 4 titles, 3 bodies
    idx.upsert(
        [doc(n, "Sobriété numérique", "Texte.") for n in range(1, 4)]
        + [doc(n, "Rapport", "Il y est question de sobriété.") for n in range(4, 29)]
        + [doc(n, "Un écran de plus", "Texte.") for n in range(29, 41)]
        + [doc(n, "Le clavier", "Texte.") for n in range(41, 45)]
        + [doc(n, "Note", "Le clavier et la souris.") for n in range(45, 48)]
    )
    try:
        assert idx.search("sobriété ", limit=3).total == 10  # heads 3: the bodies counted
        assert idx.search("écran ", limit=3).total == 10  # the titles alone reach the cap
        assert idx.search("clavier ", limit=3).total == 7  # under the cap: exact
        assert idx.search("clavier ", limit=30).total == 7
    finally:
        idx.close()
