"""Theme tokens, QSS templates, fonts and icons, and the accessibility toggle."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontDatabase
from pytestqt.qtbot import QtBot

from ui import resources
from ui.checkin.verdict_panel import PALETTES
from ui.checkin.verdicts import Tone
from ui.formatting import KIND_ICONS
from ui.theme import ACCESSIBLE, NORMAL, Area, ThemeTokens, render_stylesheet

ROOT = Path(__file__).resolve().parents[2]


def tap(qtbot: QtBot, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def contrast(a: str, b: str) -> float:
    def luminance(colour: str) -> float:
        c = QColor(colour)
        channels = [c.redF(), c.greenF(), c.blueF()]
        lin = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("tokens", [NORMAL, ACCESSIBLE], ids=lambda t: t.name)
def test_stylesheet_renders_every_placeholder(tokens: ThemeTokens) -> None:
    qss = render_stylesheet(tokens)
    assert "${" not in qss
    assert tokens.accent in qss


def test_an_unknown_placeholder_is_an_error() -> None:
    with pytest.raises(KeyError, match="no_such_token"):
        render_stylesheet(NORMAL, "QLabel { color: ${no_such_token}; }")


def test_a_brand_can_replace_the_palette() -> None:
    brand = replace(NORMAL, name="brand", accent="#E2001A")
    assert "#E2001A" in render_stylesheet(brand)


@pytest.mark.parametrize("tokens", [NORMAL, ACCESSIBLE], ids=lambda t: t.name)
def test_text_colours_meet_aa(tokens: ThemeTokens) -> None:
    minimum = 7.0 if tokens is ACCESSIBLE else 4.5
    for background in (tokens.surface, tokens.background, tokens.background_end):
        assert contrast(tokens.text, background) >= minimum
        assert contrast(tokens.text_muted, background) >= 4.5
    assert contrast(tokens.on_accent, tokens.accent) >= 4.5
    assert contrast(tokens.on_error, tokens.error) >= 4.5
    for colour in (tokens.success, tokens.warning, tokens.error):
        assert contrast(colour, tokens.surface) >= 4.5
    for area in Area:  # areas colour chip text and icons
        assert contrast(tokens.area_colour(area), tokens.surface) >= 4.5


def test_touch_targets_and_text_sizes() -> None:
    for tokens in (NORMAL, ACCESSIBLE):
        assert tokens.touch_target >= 90
        assert tokens.font_size >= 24  # 18 pt at 96 dpi
    assert ACCESSIBLE.font_size > NORMAL.font_size


def test_bundled_fonts_load(qapp: Any) -> None:
    assert "Inter" in resources.load_fonts(resources.INTER_FILES)
    assert "Atkinson Hyperlegible" in resources.load_fonts(resources.ATKINSON_FILES)
    assert {"Regular", "Bold"} <= set(QFontDatabase.styles("Atkinson Hyperlegible"))


def test_fonts_and_icons_ship_with_their_licences() -> None:
    assert "SIL OPEN FONT LICENSE" in (ROOT / "assets/fonts/Inter-OFL.txt").read_text()
    ofl = (ROOT / "assets/fonts/AtkinsonHyperlegible-OFL.txt").read_text()
    assert "SIL OPEN FONT LICENSE" in ofl
    assert "MIT License" in (ROOT / "assets/icons/LICENSE").read_text()


def _icon_names_in_code() -> set[str]:
    patterns = [
        r'IconLabel\(\s*\w+,\s*"([\w-]+)"',
        r'TouchButton\(\s*\w+,\s*"([\w-]+)"',
        r'pixmap\(\s*"([\w-]+)"',
        r'_icon\(\s*p,\s*"([\w-]+)"',
        r'_chip\(\s*p,\s*\w+,\s*\w+,\s*"([\w-]+)"',
        r'icon="([\w-]+)"',
        r'icon = "([\w-]+)"',
    ]
    names: set[str] = set(KIND_ICONS.values())
    for path in (ROOT / "ui").rglob("*.py"):
        text = path.read_text()
        for pattern in patterns:
            names.update(re.findall(pattern, text))
    return names


def test_every_icon_the_code_names_is_bundled() -> None:
    names = _icon_names_in_code()
    assert len(names) > 15  # the scan found the icons
    missing = sorted(n for n in names if not (ROOT / "assets/icons" / f"{n}.svg").exists())
    assert missing == []


def test_icons_are_recoloured(qapp: Any) -> None:
    svg = resources.icon_svg("home", "#000091").decode()
    assert "currentColor" not in svg
    assert 'stroke="#000091"' in svg
    image = resources.pixmap("home", "#CE0500", 48).toImage()
    painted = [
        image.pixelColor(x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() == 255
    ]
    assert painted
    assert all(c.name().upper() == "#CE0500" for c in painted)


def _background(shell: Any) -> QColor:
    image = shell.window.grab().toImage()
    return image.pixelColor(image.width() // 2, 40)


def test_accessibility_toggle_switches_to_the_dark_high_contrast_theme(
    qtbot: QtBot, shell: Any
) -> None:
    tap(qtbot, shell.attract)
    qtbot.waitUntil(lambda: not shell.window.transition.running)
    assert _background(shell).lightness() > 200
    tap(qtbot, shell.window.bottom_bar.accessible)
    assert shell.session.accessible
    assert shell.theme.tokens.name == ACCESSIBLE.name
    assert shell.app.font().family() == "Atkinson Hyperlegible"
    assert _background(shell).lightness() < 30
    assert shell.window.bottom_bar.accessible.isChecked()
    tap(qtbot, shell.window.bottom_bar.accessible)
    assert shell.theme.tokens.name == NORMAL.name
    assert shell.app.font().family() == "Inter"
    assert _background(shell).lightness() > 200


def test_accessible_mode_has_larger_text(qtbot: QtBot, shell: Any) -> None:
    tap(qtbot, shell.attract)
    label = shell.window.bottom_bar.home
    before = label.fontInfo().pixelSize()
    tap(qtbot, shell.window.bottom_bar.accessible)
    qtbot.waitUntil(lambda: label.fontInfo().pixelSize() > before)


# --- every text colour of the stylesheet against what it is drawn on (WCAG 2 contrast) ---

AA = 4.5  # WCAG 2.x level AA for text, whatever its size: the kiosk is read from 2 m
TEXT_PROPERTIES = ("color", "placeholder-text-color")
PSEUDO = re.compile(r"::?[a-z-]+(?:\([^)]*\))?")
COLOUR = re.compile(r"#[0-9A-Fa-f]{6}\b|rgba?\([^)]*\)")


def _rules(qss: str) -> list[tuple[str, dict[str, str]]]:
    """(selector, declarations) of every rule, one entry per selector of a group."""
    qss = re.sub(r"/\*.*?\*/", "", qss, flags=re.DOTALL)
    rules = []
    for block in qss.split("}"):
        if "{" not in block:
            continue
        selectors, body = block.split("{", 1)
        decls = {}
        for decl in body.split(";"):
            if ":" in decl:
                name, value = decl.split(":", 1)
                decls[name.strip()] = " ".join(value.split())
        rules += [(" ".join(s.split()), decls) for s in selectors.split(",") if s.strip()]
    return rules


def _rgba(value: str) -> tuple[float, float, float, float] | None:
    """A solid or translucent colour of the stylesheet; None for none, transparent, gradients."""
    match = COLOUR.fullmatch(value.strip())
    if match is None:
        return None
    if value.startswith("#"):
        c = QColor(value)
        return c.redF(), c.greenF(), c.blueF(), 1.0
    parts = [float(x) for x in value[value.index("(") + 1 : -1].split(",")]
    alpha = parts[3] if len(parts) == 4 else 1.0
    return parts[0] / 255, parts[1] / 255, parts[2] / 255, alpha


def _over(top: tuple[float, float, float, float], below: str) -> str:
    """``top`` composited over the opaque colour ``below``, as #rrggbb."""
    b = QColor(below)
    r, g, bl, a = top
    mixed = [
        a * x + (1 - a) * y
        for x, y in zip((r, g, bl), (b.redF(), b.greenF(), b.blueF()), strict=True)
    ]
    return QColor.fromRgbF(*mixed).name()


# Labels whose background is drawn by a container the selector does not name: the container's
# rule (or, for the verdict's buttons, the amber verdict they only show on: verdict_panel.py).
DRAWN_IN = {
    "#invitationTitle": "#invitation",
    "#invitationBadge": "#invitation",
    "QLabel#helpBoardNowNumber": "#helpBoardNow",
    "QLabel#helpBoardNowDesk": "#helpBoardNow",
    "QLabel#helpBoardNowCaption": "#helpBoardNow",
    'QPushButton#verdictDecline[role="verdict"]': PALETTES[Tone.AMBER].background,
}


def _background_of(selector: str, rules: list[tuple[str, dict[str, str]]]) -> str | None:
    """The background the rule's text is drawn on: its own, that of the same widget without the
    pseudo-state (:disabled, :pressed), or an ancestor's in the selector; None: see-through."""
    by_selector: dict[str, str] = {}
    for sel, decls in rules:
        value = decls.get("background", decls.get("background-color"))
        if value is not None:
            by_selector[sel] = value
    compounds = selector.split(" ")
    tries = [selector, PSEUDO.sub("", selector)]
    tries += [" ".join(compounds[:i]) for i in range(len(compounds) - 1, 0, -1)]
    container = DRAWN_IN.get(PSEUDO.sub("", compounds[-1]))
    if container is not None:  # see-through: the container shows
        tries = [t for t in tries if _rgba(by_selector.get(t, "none")) is not None]
        tries.insert(0, container)
    for attempt in tries:
        if attempt in by_selector:
            return by_selector[attempt]
        if attempt == container and COLOUR.fullmatch(attempt):
            return attempt  # a colour the widget paints itself
    return None


def _text_pairs(tokens: ThemeTokens) -> list[tuple[str, str, str]]:
    """(where, text colour, background) of every text colour the stylesheet sets."""
    rules = _rules(render_stylesheet(tokens))
    screens = (tokens.background, tokens.background_end, tokens.surface, tokens.surface_muted)
    pairs = []
    for selector, decls in rules:
        for prop in TEXT_PROPERTIES:
            if prop not in decls:
                continue
            fg = _rgba(decls[prop])
            assert fg is not None, f"{selector} {{ {prop}: {decls[prop]} }}: not a colour"
            value = _background_of(selector, rules)
            bg = _rgba(value) if value else None
            # see-through or translucent: drawn on any of the screen's own surfaces
            unders = screens if bg is None or bg[3] < 1 else (_over(bg, "#000000"),)
            for under in unders:
                ground = under if bg is None else _over(bg, under)
                pairs.append((f"{selector} {prop} on {ground}", _over(fg, ground), ground))
    return pairs


@pytest.mark.parametrize("tokens", [NORMAL, ACCESSIBLE], ids=lambda t: t.name)
def test_every_text_colour_of_the_stylesheet_meets_aa(tokens: ThemeTokens) -> None:
    pairs = _text_pairs(tokens)
    failing = {
        where: round(contrast(fg, bg), 2) for where, fg, bg in pairs if contrast(fg, bg) < AA
    }
    assert failing == {}


@pytest.mark.parametrize("tokens", [NORMAL, ACCESSIBLE], ids=lambda t: t.name)
def test_placeholders_and_disabled_buttons_have_their_own_colours(tokens: ThemeTokens) -> None:
    """Left to Qt, a placeholder is the text at half alpha and a disabled button fades: both fell
    under 4.5:1, so the stylesheet names them and the test above measures them."""
    checked = [where for where, _, _ in _text_pairs(tokens)]
    assert any(w.startswith("QLineEdit placeholder-text-color") for w in checked)
    assert any(w.startswith('QPushButton[role="primary"]:disabled color') for w in checked)
    assert any(w.startswith("QPushButton:disabled color") for w in checked)


def test_the_contrast_check_sees_a_faint_colour() -> None:
    faint = replace(NORMAL, text_muted="#9A9A9A")  # 2.8:1 on white
    assert any(contrast(fg, bg) < AA for _, fg, bg in _text_pairs(faint))


@pytest.mark.parametrize("tokens", [NORMAL, ACCESSIBLE], ids=lambda t: t.name)
def test_the_badge_invitation_of_the_help_screen_is_drawn_as_text(tokens: ThemeTokens) -> None:
    """Framed and filled like a button, "Passez votre badge…" invited a tap that did nothing."""
    rules = [decls for sel, decls in _rules(render_stylesheet(tokens)) if sel == "#helpWho"]
    assert rules, "the help screen's badge line has its rule"
    for decls in rules:
        assert "border" not in decls
        assert _rgba(decls.get("background", "transparent")) is None  # see-through
        assert decls.get("color") != tokens.text  # quieter than the actions around it
