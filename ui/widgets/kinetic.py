"""A page that scrolls by dragging it with a finger, whose buttons still take quick taps."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QScroller, QScrollerProperties, QWidget

from ui.theme import named


def kinetic_page(body: QWidget, name: str) -> QScrollArea:
    """``body`` in a frameless, vertical-only scroll area named ``name``, dragged by touch.

    A press reaches the buttons at once (a drag then cancels it): by default the scroller holds
    it back while it decides, and once the hardware page scrolled, a quick tap on « Réimprimer »
    was lost."""
    area = named(QScrollArea(), name)
    area.setWidget(body)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(area.viewport())
    props = scroller.scrollerProperties()
    props.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0)
    scroller.setScrollerProperties(props)
    return area
