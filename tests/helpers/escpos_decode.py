"""The tests' name for the ESC/POS decoder, which lives in product code (the simulated printer
shows tickets with it): :mod:`hardware.escpos_preview`."""

from hardware.escpos_preview import CODEPAGES, Cut, Decoded, Line, QrCode, decode

__all__ = ["CODEPAGES", "Cut", "Decoded", "Line", "QrCode", "decode"]
