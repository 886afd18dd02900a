"""Kiosque numérique: index build, search-as-you-type latency, first PDF page, reader memory.

    .venv/bin/python bench/documents.py [--docs 20000] [--words 600] [--open 200]
                                        [--index PATH]   (reuse an index built by a former run)

1. Index build: ``--docs`` documents of about ``--words`` words drawn from a Zipf-distributed
   40,000-word vocabulary (French function words first, the demo corpus's words spread among
   invented ones: see :func:`zipf_vocabulary`), upserted in batches of 500 into the kiosk's FTS5
   index, then optimised, in a child process (as the kiosk builds it, apart). Then the file's
   size next to the text it indexes, and its largest parts.
2. Search as you type: queries typed one character at a time into the real search page, in the
   kiosk's window at 1920x1080 (the on-screen keyboard open, as a visitor types); for
   each keystroke, the time from the field's change to its result list painted (the search
   runs on the desk's worker, the answer comes back by queued signal, the list repaints; one
   complete answer per keystroke). Baseline in the same process: the bare
   ``DocumentIndex.search`` call for the same texts. The worker hop is split out (keystroke ->
   the keystroke's search running on the worker, search done -> GUI slot, model update and
   paint), and the slowest keystrokes are named. While the keyboard is up the rows are compact
   (no snippet cut, none drawn); the same keys are also typed with it put away (full rows, the
   body snippets of the rows shown cut and drawn: a hardware keyboard, or what « Rechercher »
   brings). Then the RSS once the catalogue has been
   searched (the reader never opened), next to the RSS before the search page and the index
   existed.
3. First page of a 60-page PDF painted by the reader (QtPdf renders on a thread of its own;
   "painted" = ink visible in a grab of the view), with a bare QPdfDocument.render of that
   page at the same size as the baseline; the RSS with that PDF open (the index still open).
4. RSS while the reader opens ``--open`` different PDFs in a row (each shown until painted):
   it must level off once the caches are full.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

QUERIES = ("hameçonnage", "données personnelles", "intelligence artificielle", "télétravail",
           "mot de passe", "accessibilité numérique", "rgpd", "visioconférence")  # fmt: skip


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def vocabulary() -> list[str]:
    """The demo corpus's words (French, with accents and elisions)."""
    from kiosk.documents.demo_corpus import CORPUS

    seen: dict[str, None] = {}
    for content in CORPUS.values():
        for paragraph in content["paragraphs"]:
            for word in str(paragraph).replace("’", "'").split():
                seen.setdefault(word.strip('.,;:!?()«»"').lower(), None)
    return [w for w in seen if w]


def zipf_vocabulary(rng: random.Random, size: int = 40_000) -> list[str]:
    """A language-sized vocabulary by rank: French function words first, then the demo
    corpus's words spread over the first 20,000 ranks among invented words (so that a topical
    word such as "hameçonnage" sits in a few percent of the documents, as in real text)."""
    from kiosk.documents.text import STOP_WORDS

    parts = [
        "ba",
        "ce",
        "di",
        "fo",
        "gu",
        "la",
        "mé",
        "no",
        "pi",
        "ré",
        "sa",
        "té",
        "vo",
        "ju",
        "ra",
        "li",
        "po",
        "qué",
        "tion",
        "men",
        "ar",
        "or",
        "eu",
        "an",
        "in",
    ]
    invented: set[str] = set()
    while len(invented) < size:
        invented.add("".join(rng.choices(parts, k=rng.randint(2, 4))))
    ranked = sorted(invented)
    rng.shuffle(ranked)
    topical = [w for w in vocabulary() if w not in STOP_WORDS]
    for word in topical:
        ranked.insert(rng.randrange(200, 20_000), word)
    return sorted(STOP_WORDS) + ranked


def corpus(n: int, words: int, seed: int = 6) -> list:  # type: ignore[type-arg]
    from kiosk.documents.catalogue import THEMES, DocumentKind, DocumentSummary
    from kiosk.documents.index import IndexedDocument

    rng = random.Random(seed)
    vocab = zipf_vocabulary(rng)
    # Zipf, accumulated once (what random.choices would do on every call: the same draws)
    cum_weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(vocab))))
    title_vocab, title_weights = vocab[:20_000], cum_weights[:20_000]
    themes = [t for t, _ in THEMES]
    docs = []
    for i in range(1, n + 1):
        text = rng.choices(vocab, cum_weights=cum_weights, k=words)
        pages = tuple(" ".join(text[p : p + 300]) for p in range(0, words, 300))
        title = " ".join(rng.choices(title_vocab, cum_weights=title_weights, k=7)).capitalize()
        summary = DocumentSummary(
            slug=f"doc-{i}", kind=DocumentKind.PDF, title=title, summary=" ".join(text[:30]),
            theme=themes[i % len(themes)], tags=(), published_on=date(2026, 1, 1),
            reading_minutes=3, page_count=len(pages), content_hash=None, url=None,
        )  # fmt: skip
        docs.append(IndexedDocument(i, summary, "\n".join(pages), pages, f"fp{i}"))
    return docs


def bench_index(path: Path, n: int, words: int) -> None:
    import sqlite3

    from kiosk.documents.index import DocumentIndex

    docs = corpus(n, words)
    index = DocumentIndex(path)
    t0 = time.perf_counter()
    for start in range(0, len(docs), 500):
        index.upsert(docs[start : start + 500])
    t_upsert = time.perf_counter() - t0
    index.optimize()
    total = time.perf_counter() - t0
    index.close()  # checkpoints the WAL: the file is the whole index
    raw = sum(len("".join((d.summary.title, d.summary.summary, d.summary.theme,
                           *d.summary.tags, d.body)).encode()) for d in docs)  # fmt: skip
    size = path.stat().st_size
    print(f"index build: {n} docs x ~{words} words: {total:.1f} s "
          f"(upserts {t_upsert:.1f} s + optimize {total - t_upsert:.1f} s)")  # fmt: skip
    print(f"index size: {size / 2**20:.0f} MiB for {raw / 2**20:.0f} MiB of text "
          f"(baseline: the text itself): {size / raw:.2f} x the text")  # fmt: skip
    db = sqlite3.connect(path)
    parts = db.execute(
        "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 6"
    ).fetchall()
    db.close()
    print("  largest parts: " + ", ".join(f"{name} {size / 2**20:.0f}" for name, size in parts)
          + " MiB")  # fmt: skip


def keystrokes() -> list[str]:
    return [q[:n] for q in QUERIES for n in range(1, len(q) + 1)]


class Stamps:
    """When the worker began and ended each search (perf_counter), to measure the hops."""

    def __init__(self) -> None:
        self.began = self.ended = 0.0


def bench_typing(app, index_path: Path):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer

    from kiosk.documents.catalogue import DocumentKind, SearchResults
    from kiosk.documents.index import RESULTS_LIMIT, DocumentIndex
    from ui.app.gc_guard import GuiThreadCollector
    from ui.documents.desk import DocumentDesk
    from ui.documents.search import SearchPage
    from ui.tasks import BackgroundExecutor
    from ui.theme import ThemeController
    from ui.widgets.window import KioskWindow

    stamps = Stamps()

    class StampedIndex(DocumentIndex):
        def listing(
            self,
            text: str,
            *,
            theme: str | None = None,
            kind: DocumentKind | None = None,
            snippets: int = 8,
        ) -> SearchResults:
            stamps.began = time.perf_counter()
            try:
                return super().listing(text, theme=theme, kind=kind, snippets=snippets)
            finally:
                stamps.ended = time.perf_counter()

    rss_before = rss_mib()
    theme = ThemeController(app)
    theme.apply()
    # In the kiosk's own window, at a 1920x1080 panel's size: what a repaint of the list costs
    # includes the window's background under its see-through rows.
    window = KioskWindow(theme)
    page = SearchPage(theme)
    window.stack.addWidget(page)
    window.stack.setCurrentWidget(page)
    window.resize(1920, 1080)
    window.show()
    desk = DocumentDesk(None, None, None, BackgroundExecutor(),  # type: ignore[arg-type]
                        open_index=lambda: StampedIndex(index_path))  # fmt: skip
    page.request_changed.connect(desk.search)
    viewport = page.results.viewport()
    painted = {"at": 0.0}
    hops: list[float] = []
    paints: list[float] = []
    loop = QEventLoop()

    def answered(results: SearchResults) -> None:
        arrived = time.perf_counter()
        hops.append((arrived - stamps.ended) * 1000)  # worker done -> GUI slot
        page.show_results(results)
        # what the next frame would do, now, to time it: the layouts asked for (the count's
        # new words), then the list's paint (which lays its rows out first)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)
        viewport.repaint()
        now = time.perf_counter()
        paints.append((now - arrived) * 1000)
        painted["at"] = now
        loop.quit()

    desk.results.connect(answered)
    page.field.setText("x")  # open the index, warm the caches
    QTimer.singleShot(5000, loop.quit)
    loop.exec()
    # The cycle collector as the kiosk runs it (ui.app.run): on the GUI thread's timer, what
    # the start made frozen, not in whichever thread allocates past the threshold (a
    # collection of the whole heap in the middle of a keystroke's paint or search).
    collector = GuiThreadCollector(parent=page, start=False)
    collector.start_after_start_up(settle_ms=0)

    def type_all() -> tuple[list[float], list[float], list[tuple[float, str, float]]]:
        hops.clear()
        paints.clear()
        latencies: list[float] = []
        hops_in: list[float] = []
        slowest: list[tuple[float, str, float]] = []  # latency, text, search on the worker
        for text in keystrokes():
            painted["at"] = stamps.began = 0.0
            page.field.blockSignals(True)
            page.field.setText(text[:-1])
            page.field.blockSignals(False)
            t0 = time.perf_counter()
            page.field.insert(text[-1])  # one key, as the on-screen keyboard types it
            guard = QTimer(singleShot=True, interval=5000)
            guard.timeout.connect(loop.quit)
            guard.start()
            loop.exec()
            guard.stop()
            hops_in.append((stamps.began - t0) * 1000)  # keystroke -> worker
            latencies.append((painted["at"] - t0) * 1000)
            slowest.append((latencies[-1], text, (stamps.ended - stamps.began) * 1000))
        return latencies, hops_in, slowest

    # Then the same keys with the keyboard put away (the list's full rows, their snippets cut
    # for the rows shown): a hardware keyboard, or the answer « Rechercher » brings.
    page.show_keyboard(False, ask_again=False)
    full_rows, _, _ = type_all()
    full_snippets = page.request.snippets
    page.show_keyboard(True)
    latencies, hops_in, slowest = type_all()
    rss_searched = rss_mib()
    shown = page.request.snippets  # what the page asked for: as many body snippets in the baseline
    bare = DocumentIndex(index_path)
    raw: list[float] = []
    cpu: list[float] = []  # the thread's CPU time: what a search costs, however loaded the machine
    for text in keystrokes():
        t0, c0 = time.perf_counter(), time.thread_time()
        bare.search(text, limit=RESULTS_LIMIT, snippets=shown)
        raw.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.thread_time() - c0) * 1000)
    bare.close()
    print(f"search as you type ({len(latencies)} keystrokes, one complete answer each; "
          f"body snippets for {shown} rows: the keyboard is up, the rows compact):")  # fmt: skip
    print(f"  keystroke -> complete list painted: {figures(latencies)}")
    print(f"  the same, keyboard put away (full rows, body snippets for the {full_snippets} "
          f"rows shown): {figures(full_rows)}")  # fmt: skip
    print(f"  baseline, bare index.search: {figures(raw)}; its CPU time {figures(cpu)}; "
          f"load average {os.getloadavg()[0]:.1f}")  # fmt: skip
    print(f"  worker hop: keystroke -> search running {figures(hops_in)}; search done -> "
          f"GUI slot {figures(hops)}; list model + paint {figures(paints)}")  # fmt: skip
    worst = ", ".join(f"{text!r} {ms:.1f} ms (search {work:.1f})"
                      for ms, text, work in sorted(slowest)[-5:])  # fmt: skip
    print(f"  slowest keystrokes: {worst}")
    print(f"RSS: {rss_searched:.0f} MiB with the {bare_count(index_path)}-document catalogue "
          f"searched, the reader closed (baseline: {rss_before:.0f} MiB before the search page "
          "and the index)")  # fmt: skip
    window.close()
    return desk


def figures(values: list[float]) -> str:
    median, high = statistics.median(values), p95(values)
    return f"p50 {median:.1f} ms, p95 {high:.1f} ms, max {max(values):.1f} ms"


def bare_count(index_path: Path) -> int:
    import sqlite3

    db = sqlite3.connect(index_path)
    try:
        return int(db.execute("SELECT count(*) FROM docs").fetchone()[0])
    finally:
        db.close()


def write_pdfs(folder: Path, count: int, pages: int) -> list[Path]:
    from kiosk.documents.pdfwriter import PdfBuilder

    paths = []
    words = vocabulary()
    rng = random.Random(1)
    for n in range(count):
        builder = PdfBuilder(f"Document {n}")
        for p in range(pages):
            if p:
                builder.new_page()
            builder.heading(f"Document {n}, page {p + 1}")
            for _ in range(6):
                builder.paragraph(" ".join(rng.choices(words, k=60)))
        path = folder / f"doc-{n}.pdf"
        path.write_bytes(builder.build())
        paths.append(path)
    return paths


def ink(widget) -> bool:  # type: ignore[no-untyped-def]
    image = widget.grab().toImage()
    for y in range(20, image.height(), 11):
        for x in range(20, image.width() - 20, 11):
            c = image.pixelColor(x, y)
            if c.red() < 90 and c.green() < 90:
                return True
    return False


def wait_painted(app, viewer) -> float:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    while not ink(viewer.view.viewport()):
        app.processEvents()
        time.sleep(0.001)
        if time.perf_counter() - t0 > 10:
            raise SystemExit("the PDF was never painted")
    return time.perf_counter() - t0


def bench_pdf(app, folder: Path, opens: int) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    from ui.documents.pdf_viewer import PdfViewer

    (sixty,) = write_pdfs(folder / "sixty", 1, 60) if (folder / "sixty").mkdir() is None else []
    viewer = PdfViewer()
    viewer.resize(1310, 900)
    viewer.show()
    firsts = []
    for _ in range(7):
        t0 = time.perf_counter()
        viewer.open(sixty)
        wait_painted(app, viewer)
        firsts.append((time.perf_counter() - t0) * 1000)
        viewer.close_document()
    bare = []
    for _ in range(7):
        t0 = time.perf_counter()
        doc = QPdfDocument()
        doc.load(str(sixty))
        size = doc.pagePointSize(0).toSize() * (viewer.fit_width_zoom() * 96 / 72)
        doc.render(0, QSize(size.width(), size.height()))
        doc.close()
        bare.append((time.perf_counter() - t0) * 1000)
    viewer.open(sixty)
    wait_painted(app, viewer)
    viewer.go_to(30)  # read on: more pages rendered
    app.processEvents()
    rss_open = rss_mib()
    viewer.close_document()
    print(
        f"RSS with the 60-page PDF open in the reader (the catalogue still searched): "
        f"{rss_open:.0f} MiB"
    )
    print(f"first page of a 60-page PDF painted (open -> ink on screen): "
          f"median {statistics.median(firsts):.0f} ms, max {max(firsts):.0f} ms; "
          f"baseline load + render page 1: median {statistics.median(bare):.0f} ms")  # fmt: skip

    many = folder / "many"
    many.mkdir()
    files = write_pdfs(many, opens, 8)
    samples = []
    for n, path in enumerate(files, 1):
        viewer.open(path)
        wait_painted(app, viewer)
        viewer.go_to(4)  # read a little: more pages rendered
        app.processEvents()
        if n in (1, 10, 25, 50, 100, 150, opens):
            samples.append((n, rss_mib()))
    viewer.close_document()
    print("RSS while opening documents in a row: "
          + ", ".join(f"{n}: {rss:.0f} MiB" for n, rss in samples))  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--open", type=int, default=200)
    parser.add_argument(
        "--index",
        type=Path,
        help="reuse (or build once into) this index file instead of a fresh one",
    )
    parser.add_argument("--build-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build_only:
        bench_index(args.index, args.docs, args.words)
        return 0

    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        index_path = args.index or folder / "index.sqlite3"
        if args.index is None or not args.index.exists():
            # in a child, as the kiosk does (ui.apart): this process's RSS is the kiosk's
            build = [sys.executable, __file__, "--build-only", "--index", str(index_path),
                     "--docs", str(args.docs), "--words", str(args.words)]  # fmt: skip
            subprocess.run(build, check=True)
        desk = bench_typing(app, index_path)
        bench_pdf(app, folder, args.open)
        desk.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
