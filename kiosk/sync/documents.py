"""Kiosque numérique in the Smart Tour sync: usage goes up, the catalogue comes down.

Views and searches name their document by slug (the same on every kiosk) and carry a nonce:
they go in with ``ON CONFLICT DO NOTHING``. The pull copies the documents' metadata by slug
(not the files: a tour kiosk shows what it was loaded with, and links); the local full-text
index follows the catalogue's fingerprints (``kiosk.documents``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import Connection, RowMapping, Table

from kiosk.documents.tables import Document, DocumentSearch, DocumentView
from kiosk.sync.keys import insert_for, table_of, upsert_by_key
from kiosk.sync.push import CentralIds, Sent

DOCUMENT = table_of(Document)
VIEW, SEARCH = table_of(DocumentView), table_of(DocumentSearch)


Send = Callable[[Connection, CentralIds, Sequence[RowMapping], Connection], Sent]


def send_usage(table: Table) -> Send:
    """The push of a usage table (a view, a search: a nonce, this kiosk, no person): rows go
    in once each, whatever batch is sent again after a cut."""

    def send(cc: Connection, ids: CentralIds, rows: Sequence[RowMapping], _lc: Connection) -> Sent:
        kiosk = ids.kiosk(cc)
        values = [{**{k: v for k, v in r.items() if k != "id"}, "kiosk_id": kiosk} for r in rows]
        stmt = insert_for(cc, table).on_conflict_do_nothing(index_elements=["nonce"])
        inserted = list(cc.scalars(stmt.returning(table.c.nonce), values))
        return Sent(len(inserted), [], rows[-1]["id"])

    return send


send_views = send_usage(VIEW)
send_searches = send_usage(SEARCH)


def apply_documents(lc: Connection, rows: Sequence[RowMapping]) -> int:
    return upsert_by_key(lc, DOCUMENT, "slug", rows)
