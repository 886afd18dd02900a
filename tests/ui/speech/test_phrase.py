"""What a focused control is called, for widgets known by their Qt class name."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QListWidget, QWidget

from ui.speech.narrator import ITEM_VIEW, _reachable, _typing_into
from ui.speech.phrase import label_text


class SearchField(QLineEdit):
    """A field of the kiosk's own, as the screens subclass them."""


def test_a_text_field_is_named_by_its_placeholder_and_stopped_on_subclass_or_not(
    qapp: Any,
) -> None:
    window = QWidget()
    try:
        for field in (QLineEdit(window), SearchField(window)):
            field.setPlaceholderText("Nom ou matricule")
            assert label_text(field) == "Nom ou matricule"
            assert _typing_into(field)
        window.show()
        assert all(_reachable(field) for field in window.findChildren(QLineEdit))
        assert not _typing_into(window)
        assert not _typing_into(None)
    finally:
        window.close()


def test_a_list_is_known_as_one(qapp: Any) -> None:
    assert QListWidget().inherits(ITEM_VIEW)
    assert not QWidget().inherits(ITEM_VIEW)
