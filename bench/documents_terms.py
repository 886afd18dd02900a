"""Kiosque numérique: what folding and stemming cost at index time, done three ways.

    .venv/bin/python bench/documents_terms.py [--docs 1500] [--words 600]

Inserts the same bodies (``bench/documents.py``'s Zipf corpus) into an FTS5 table:

1. ``unicode61`` alone: no « œ », ligature or stem handling (the index before terms);
2. terms computed in Python before the insert, original text as external content (the index);
3. the same folding and stemming as a Python tokenizer registered through ``apsw`` (only when
   ``apsw`` is importable: it is not a dependency; ``pip install --target DIR apsw`` and put DIR
   on ``PYTHONPATH`` to measure it).

Prints the median of three runs each.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def median_of_three(label: str, run: Callable[[], None]) -> None:
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    print(f"{label:58s} median {statistics.median(times):.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=1500)
    parser.add_argument("--words", type=int, default=600)
    args = parser.parse_args()

    import documents as corpus_bench  # bench/documents.py

    from kiosk.documents import text

    bodies = [d.body for d in corpus_bench.corpus(args.docs, args.words)]
    print(f"{len(bodies)} bodies, {sum(len(b.split()) for b in bodies)} words, "
          f"SQLite {sqlite3.sqlite_version}")  # fmt: skip

    def plain() -> None:
        db = sqlite3.connect(":memory:")
        db.execute("CREATE VIRTUAL TABLE t USING fts5(b, tokenize='unicode61 remove_diacritics 2')")
        db.executemany("INSERT INTO t VALUES (?)", ((b,) for b in bodies))
        db.commit()

    def python_terms() -> None:
        text._analysed.cache_clear()
        db = sqlite3.connect(":memory:")
        db.execute("CREATE TABLE c (id INTEGER PRIMARY KEY, b TEXT)")
        db.execute("CREATE VIRTUAL TABLE t USING fts5(b, content='c', content_rowid='id', "
                   "tokenize='unicode61 remove_diacritics 2')")  # fmt: skip
        for i, body in enumerate(bodies, 1):
            db.execute("INSERT INTO c VALUES (?, ?)", (i, body))
            db.execute("INSERT INTO t (rowid, b) VALUES (?, ?)", (i, text.index_form(body)))
        db.commit()

    median_of_three("unicode61 alone (no œ, ligatures or stems)", plain)
    median_of_three("terms in Python + external content (the index)", python_terms)
    try:
        import apsw  # type: ignore[import-not-found]
    except ImportError:
        print("apsw: not installed, not measured")
        return 0

    def tokenizer(con: object, args: list[str]) -> Callable[..., Iterator[tuple[int, int, str]]]:
        def tokenize(utf8: bytes, flags: int, locale: str | None) -> Iterator[tuple[int, int, str]]:
            source = utf8.decode("utf-8")
            pos_char = pos_byte = 0
            for match in text._INDEX_TOKEN.finditer(source):
                pos_byte += len(source[pos_char : match.start()].encode("utf-8"))
                size = len(match.group().encode("utf-8"))
                pos_char = match.end()
                term = text.term(match.group())
                if term:
                    yield pos_byte, pos_byte + size, term
                pos_byte += size

        return tokenize

    def apsw_tokenizer() -> None:
        text._analysed.cache_clear()
        con = apsw.Connection(":memory:")
        con.register_fts5_tokenizer("french", tokenizer)
        con.execute("CREATE VIRTUAL TABLE t USING fts5(b, tokenize='french')")
        with con:
            for body in bodies:
                con.execute("INSERT INTO t VALUES (?)", (body,))

    median_of_three(f"apsw {apsw.sqlite_lib_version()}: the same as a Python tokenizer",
                    apsw_tokenizer)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
