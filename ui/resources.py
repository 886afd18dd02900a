"""The one way to reach the files in ``assets/``: importlib.resources, never the current directory.

Icons are Tabler outline SVGs drawn with ``currentColor``; they are recoloured here, at load, so
one file serves every theme and area colour.
"""

from __future__ import annotations

import logging
from contextlib import AbstractContextManager
from functools import cache
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon, QPixmap

log = logging.getLogger(__name__)

INTER_FILES = ("Inter-Regular.otf", "Inter-Medium.otf", "Inter-SemiBold.otf", "Inter-Bold.otf")
ATKINSON_FILES = ("AtkinsonHyperlegible-Regular.woff", "AtkinsonHyperlegible-Bold.woff")


def asset(*parts: str) -> Traversable:
    node = files("assets")
    for part in parts:
        node = node / part
    return node


def asset_file(*parts: str) -> AbstractContextManager[Path]:
    """A real file path for APIs that want one (valid inside the ``with``)."""
    return as_file(asset(*parts))


def theme_templates() -> str:
    """All QSS templates of assets/theme, in name order, as one text."""
    sheets = sorted(
        (node for node in asset("theme").iterdir() if node.name.endswith(".qss")),
        key=lambda node: node.name,
    )
    return "\n".join(node.read_text(encoding="utf-8") for node in sheets)


def translation_file(lang: str) -> AbstractContextManager[Path]:
    return asset_file("translations", f"smartcorner_{lang}.qm")


@cache
def load_fonts(names: tuple[str, ...]) -> tuple[str, ...]:
    """Register bundled font files with Qt once; returns the family names they provide."""
    from PySide6.QtGui import QFontDatabase

    families: list[str] = []
    for name in names:
        font_id = QFontDatabase.addApplicationFontFromData(asset("fonts", name).read_bytes())
        if font_id < 0:
            log.error("font %s could not be loaded", name)
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    return tuple(families)


@cache
def _svg(name: str) -> str:
    return asset("icons", f"{name}.svg").read_text(encoding="utf-8")


def icon_svg(name: str, color: str, stroke: float | None = None) -> bytes:
    """The SVG text of an icon drawn in ``color`` (and an optional stroke width)."""
    text = _svg(name).replace("currentColor", color)
    if stroke is not None:
        text = text.replace('stroke-width="2"', f'stroke-width="{stroke:g}"')
    return text.encode()


@cache
def pixmap(
    name: str, color: str, size: int, device_ratio: float = 1.0, stroke: float | None = None
) -> QPixmap:
    """An icon rendered at ``size`` logical pixels (cached: icons are drawn again and again)."""
    from PySide6.QtCore import QByteArray, Qt
    from PySide6.QtGui import QPainter, QPixmap
    from PySide6.QtSvg import QSvgRenderer  # lazily: only once the first icon is drawn

    renderer = QSvgRenderer(QByteArray(icon_svg(name, color, stroke)))
    side = max(1, round(size * device_ratio))
    image = QPixmap(side, side)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    image.setDevicePixelRatio(device_ratio)
    return image


def icon(name: str, color: str, size: int = 48, stroke: float | None = None) -> QIcon:
    from PySide6.QtGui import QGuiApplication, QIcon

    app = QGuiApplication.instance()
    ratio = app.devicePixelRatio() if isinstance(app, QGuiApplication) else 1.0
    return QIcon(pixmap(name, color, size, ratio, stroke))
