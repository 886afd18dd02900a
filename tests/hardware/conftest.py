"""The rigs' fixtures live in tests/helpers/rigs.py (a plugin, for every test directory) and
the pcscd process in tests/helpers/pcscd.py; these names stay importable from here for
tests written before the move."""

from tests.helpers.pcscd import READER_NAME, Pcscd, reader_has_card

__all__ = ["READER_NAME", "Pcscd", "reader_has_card"]
