"""A new answer while typing repaints the rows once: the rows keep their height, so a changed
hit is no reason to lay the whole list out again (QListView does so while painting, and the
list painted at once was then painted a second time)."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QApplication

from tests.ui.documents.test_document_list import hit, listing
from ui import resources
from ui.documents.document_list import KIND_ICONS, DocumentCardDelegate, HitRole


def test_a_changed_answer_paints_each_row_once(qtbot: Any, qapp: QApplication) -> None:
    view = listing(qtbot, qapp)
    delegate = view.delegate
    painted: Counter[str] = Counter()
    paint = delegate.paint
    delegate.paint = lambda p, o, i: (  # type: ignore[method-assign]
        painted.update([i.data(HitRole).document.slug]),
        paint(p, o, i),
    )
    view.set_hits([hit("a"), hit("b"), hit("c")])
    qtbot.waitUntil(lambda: set(painted) == {"a", "b", "c"})

    for _ in range(3):  # everything posted: updates, zero-delay layout timers
        qapp.processEvents()
    painted.clear()
    view.set_hits([hit("a", "numérique"), hit("d"), hit("c", "écran")])  # the next keystroke
    view.viewport().repaint()  # painted at once, as a frame would (and as the bench does)
    assert painted == Counter({"a": 1, "d": 1, "c": 1})
    for _ in range(3):
        qapp.processEvents()
    assert painted == Counter({"a": 1, "d": 1, "c": 1})
    shown = [view.list_model.hit(n).snippet for n in range(3)]
    assert ["numérique" in shown[0], "d." in shown[1], "écran" in shown[2]] == [True] * 3


def test_a_card_keeps_its_look_when_drawn_from_its_kept_parts(
    qtbot: Any, qapp: QApplication
) -> None:
    """Frames, titles and meta lines are kept between paints: a card drawn from them is the
    card drawn afresh, a narrower list elides the title anew, a theme change draws it anew."""
    view = listing(qtbot, qapp)
    view.set_hits([hit("a"), hit("b")])
    for _ in range(3):
        qapp.processEvents()
    first = view.viewport().grab().toImage()
    view.viewport().repaint()
    assert view.viewport().grab().toImage() == first  # from the kept parts: the same pixels
    view.delegate.forget()
    assert view.viewport().grab().toImage() == first  # afresh: the same pixels

    long_title = "Un titre bien trop long pour tenir sur une seule ligne de la liste " * 3
    doc = hit("c").document
    view.set_hits([hit("a"), type(hit("c"))(type(doc)(**{**doc.__dict__, "title": long_title}),
                                            hit("c").snippet, -1.0)])  # fmt: skip
    for _ in range(3):
        qapp.processEvents()
    wide = {k[0] for k in view.delegate._lines if k[0].startswith("Un titre")}
    view.resize(500, 1200)
    for _ in range(3):
        qapp.processEvents()
    view.viewport().repaint()
    narrow = {k[0] for k in view.delegate._lines if k[0].startswith("Un titre")}
    assert len(narrow) == len(wide) == 1  # the whole title is the key
    elided = [line.text() for key, line in view.delegate._lines.items() if key[1] < 500]
    assert elided
    assert all(text.endswith("…") for text in elided if text.startswith("Un titre"))

    theme_frames = dict(view.delegate._frames)
    view.delegate._theme.set_accessible(True)
    for _ in range(3):
        qapp.processEvents()
    view.viewport().repaint()
    assert view.delegate._frames
    assert not set(theme_frames.values()) & set(view.delegate._frames.values())


@pytest.mark.parametrize("accessible", [False, True])
def test_the_frame_drawn_in_pieces_is_the_rounded_card_drawn_whole(
    qtbot: Any, qapp: QApplication, monkeypatch: pytest.MonkeyPatch, accessible: bool
) -> None:
    """Corners and badge blended, edges and inside filled: the same pixels as the card's
    rounded path filled and stroked in one go (what the list drew before), in both themes."""
    view = listing(qtbot, qapp)
    view.delegate._theme.apply(accessible)
    view.set_hits([hit("a"), hit("b")])
    for _ in range(3):
        qapp.processEvents()
    pieces = view.viewport().grab().toImage()

    def whole(self: Any, painter: QPainter, rect: QRect, kind: Any, pressed: bool) -> None:
        t = self._theme.tokens
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QPainterPath()
        card.addRoundedRect(QRectF(rect).adjusted(1, 1, -1, -1), t.radius_small, t.radius_small)
        painter.fillPath(card, QColor(t.surface_muted if pressed else t.surface))
        painter.setPen(QPen(QColor(t.border), 2))
        painter.drawPath(card)
        badge = QRect(rect.left() + self.pad, rect.top() + self.pad, self.badge, self.badge)
        tint = QColor(t.documents)
        tint.setAlphaF(0.14)
        path = QPainterPath()
        path.addRoundedRect(QRectF(badge), t.radius_small, t.radius_small)
        painter.fillPath(path, tint)
        px = round(self.badge * 0.55)
        icon = resources.pixmap(KIND_ICONS[kind], t.documents, px, 1.0)
        painter.drawPixmap(badge.center().x() - px // 2 + 1, badge.center().y() - px // 2 + 1, icon)
        painter.restore()

    monkeypatch.setattr(DocumentCardDelegate, "_frame", whole)
    view.viewport().repaint()
    drawn_whole = view.viewport().grab().toImage()
    worst = max(
        max(abs(a - b) for a, b in zip(pieces.pixelColor(x, y).getRgb(),
                                       drawn_whole.pixelColor(x, y).getRgb(), strict=True))
        for y in range(0, pieces.height(), 2)
        for x in range(0, pieces.width(), 2)
    )  # fmt: skip
    assert worst <= 2
