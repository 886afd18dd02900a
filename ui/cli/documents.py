"""``smartcorner import documents``, ``export documents-usage``, ``documents reindex``,
``documents search``.

Listed in ``ui.cli.main.COMMAND_GROUPS``. Needs no Qt: everything below imports kiosk/ only,
lazily, so the parser stays fast to build.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.documents.catalogue import HIGHLIGHT_END, HIGHLIGHT_START, DocumentKind
from kiosk.paths import make_private
from ui.cli.groups import command_group

if TYPE_CHECKING:
    from kiosk.settings import Settings


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    imports = command_group(sub, "import", "import data into the kiosk's database")
    docs = imports.add_parser(
        "documents",
        help="bring the Kiosque numérique in line with a folder of documents",
        description="Each PDF, HTML/text article and video of FOLDER becomes a document; "
        "changed files are updated, renamed ones keep their document, missing ones are removed, "
        "unreadable ones are reported and skipped (exit code 1). Metadata: manifest.toml, "
        "manifest.csv or manifest.xlsx in FOLDER, or --manifest.",
    )
    docs.add_argument("folder", type=Path)
    docs.add_argument("--manifest", type=Path, help="a CSV, Excel or TOML manifest (file, url, "
                      "title, summary, theme, tags, published, kind, language)")  # fmt: skip
    docs.add_argument("--dry-run", action="store_true", help="report, change nothing")
    docs.set_defaults(handler=_import_documents)

    exports = command_group(sub, "export", "export data as files")
    usage = exports.add_parser(
        "documents-usage", help="views and searches of the Kiosque numérique as CSV"
    )
    usage.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    usage.add_argument("--since", type=date.fromisoformat, help="from this day (YYYY-MM-DD)")
    usage.add_argument("--until", type=date.fromisoformat, help="before this day (YYYY-MM-DD)")
    usage.set_defaults(handler=_export_usage)

    documents = sub.add_parser("documents", help="Kiosque numérique maintenance")
    actions = documents.add_subparsers(dest="documents_action", required=True, metavar="ACTION")
    reindex = actions.add_parser("reindex", help="rebuild this kiosk's local search index")
    reindex.set_defaults(handler=_reindex)
    zero = actions.add_parser("zero-results", help="what visitors searched for in vain")
    zero.set_defaults(handler=_zero_results)
    search = actions.add_parser(
        "search",
        help="what the search page lists for QUERY",
        description="Runs the search page's own search on this kiosk's index (brought up to date "
        "with the catalogue first) and prints what the screen lists, best first: rank, title, "
        "slug, kind and snippet (matched words between [ ]).",
    )
    search.add_argument(
        "query", help="the text a visitor types (a trailing space: a finished word)"
    )
    search.add_argument("--theme", help="only this theme, as the theme filter does")
    search.add_argument("--kind", choices=[k.value for k in DocumentKind], help="only this format")
    search.add_argument("--json", action="store_true", help="one JSON object, for scripts")
    search.set_defaults(handler=_search)


def _open(settings: Settings):  # type: ignore[no-untyped-def]
    from kiosk.db.engine import create_db_engine, make_session_factory
    from kiosk.db.migrate import ensure_schema

    engine = create_db_engine(settings.database_url)
    ensure_schema(engine)
    return engine, make_session_factory(engine)


def _import_documents(settings: Settings, args: argparse.Namespace) -> int:
    from kiosk.documents.importer import ImportError_, import_folder
    from kiosk.documents.index import DocumentIndex
    from kiosk.documents.library import index_path, sync_index

    engine, sessions = _open(settings)
    try:
        with sessions() as session:
            try:
                with session.begin():
                    report = import_folder(
                        session, args.folder, datetime.now(UTC), manifest=args.manifest
                    )
                    if args.dry_run:
                        session.rollback()
            except ImportError_ as exc:
                print(f"smartcorner: {exc}", file=sys.stderr)
                return 2
        for line in report.lines():
            print(line)
        if not args.dry_run:
            index = DocumentIndex(index_path(settings.paths))
            with sessions() as session:
                sync_index(session, index)
            index.close()
        return 1 if report.skipped else 0
    finally:
        engine.dispose()


def _export_usage(settings: Settings, args: argparse.Namespace) -> int:
    from kiosk.documents.library import export_usage

    since = datetime.combine(args.since, time(0), UTC) if args.since else None
    until = datetime.combine(args.until, time(0), UTC) if args.until else None
    engine, sessions = _open(settings)
    try:
        with sessions() as session:
            if args.output:
                with args.output.open("w", encoding="utf-8", newline="") as out:
                    result = export_usage(session, out, since, until)
                make_private(args.output)
                print(
                    f"{args.output}: {result.views} views, {result.searches} searches "
                    f"({result.zero_results} without result)",
                    file=sys.stderr,
                )
            else:
                export_usage(session, sys.stdout, since, until)
        return 0
    finally:
        engine.dispose()


def _reindex(settings: Settings, args: argparse.Namespace) -> int:
    from kiosk.documents.index import DocumentIndex
    from kiosk.documents.library import index_path, sync_index

    path = index_path(settings.paths)
    path.unlink(missing_ok=True)
    engine, sessions = _open(settings)
    try:
        index = DocumentIndex(path)
        with sessions() as session:
            report = sync_index(session, index)
        index.optimize()
        print(f"{path}: {index.count()} documents indexed ({report.added} added)")
        index.close()
        return 0
    finally:
        engine.dispose()


def _zero_results(settings: Settings, args: argparse.Namespace) -> int:
    from kiosk.documents.library import zero_result_queries

    engine, sessions = _open(settings)
    try:
        with sessions() as session:
            for words, times, themes in zero_result_queries(session):
                print(f"{times:5d}  {words}" + (f"   (suggested: {themes})" if themes else ""))
        return 0
    finally:
        engine.dispose()


def _search(settings: Settings, args: argparse.Namespace) -> int:
    from kiosk.documents.index import DocumentIndex
    from kiosk.documents.library import index_path, sync_index

    engine, sessions = _open(settings)
    try:
        index = DocumentIndex(index_path(settings.paths))
        try:
            with sessions() as session:
                sync_index(session, index)
            kind = DocumentKind(args.kind) if args.kind else None
            results = index.listing(args.query, theme=args.theme, kind=kind)
        finally:
            index.close()
    finally:
        engine.dispose()
    rows = [
        {
            "rank": n,
            "title": hit.document.title,
            "slug": hit.document.slug,
            "kind": hit.document.kind.value,
            "theme": hit.document.theme,
            "snippet": _plain(hit.snippet),
            "matched": _matched(hit.snippet),
        }
        for n, hit in enumerate(results.hits, 1)
    ]
    if args.json:
        print(json.dumps({
            "query": args.query, "total": results.total, "results": rows,
            "did_you_mean": results.did_you_mean,
            "suggested_themes": list(results.suggested_themes),
        }, ensure_ascii=False, indent=2))  # fmt: skip
        return 0
    for row, hit in zip(rows, results.hits, strict=True):
        print(f"{row['rank']:3d}. {row['title']}  ({row['slug']}, {row['kind']})")
        snippet = hit.snippet.replace(HIGHLIGHT_START, "[").replace(HIGHLIGHT_END, "]")
        print("     " + " ".join(snippet.split()))
    print(f"{results.total} result(s)" + (f"; did you mean: {results.did_you_mean}"
          if results.did_you_mean else ""))  # fmt: skip
    if not results.hits and results.suggested_themes:
        print("themes suggested: " + ", ".join(results.suggested_themes))
    return 0


def _plain(snippet: str) -> str:
    return " ".join(snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "").split())


def _matched(snippet: str) -> list[str]:
    return [part.split(HIGHLIGHT_END)[0] for part in snippet.split(HIGHLIGHT_START)[1:]]
