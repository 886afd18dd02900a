"""Put French typography into the UI's source strings, and keep their English translations.

    .venv/bin/python tools/typography.py          # rewrite ui/**/*.py and the English .ts
    .venv/bin/python tools/typography.py --check  # list what it would change, change nothing

French is the source language of the catalogue, so the French a visitor reads is the text of the
``tr()`` / ``translate()`` / ``QT_TRANSLATE_NOOP()`` calls in ui/. This script rewrites those
literals (and only those: format fields, URLs, markup and the operators' command line are left
alone) with:

- the typographic apostrophe ’ instead of ' inside a word (l’écran, aujourd’hui);
- a narrow no-break space (U+202F, written ``\\u202f``) before : ; ! ? when they punctuate
  French text (not in 14:30, https://, a?b), replacing an ordinary or a no-break space;
- narrow no-break spaces inside « »;
- ordinals in superscript: 4ᵉ, 1ᵉʳ (also after a placeholder: %1ᵉ, {n}ᵉ).

The same change is made to the ``<source>`` texts of assets/translations/smartcorner_en.ts, so
each English translation stays attached to its (new) French text; then tools/translate.py runs
lupdate and lrelease. Re-running it changes nothing once the strings are right. A straight quote
it cannot place (a quotation, not an elision) is printed for a person to fix.
"""

from __future__ import annotations

import ast
import io
import re
import subprocess
import sys
import tokenize
from html import escape, unescape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "assets/translations/smartcorner_en.ts"
NNBSP = "\u202f"
# Calls whose string argument pyside6-lupdate takes as a source text, and that argument's index.
SOURCE_ARG = {"tr": 0, "QT_TR_NOOP": 0, "translate": 1, "QT_TRANSLATE_NOOP": 1}
# Parts of a text that are code, not French: format fields, Qt's %1, markup, entities, URLs.
CODE = re.compile(r"\{[^{}]*\}|%L?\d|<[^<>]*>|&#?\w+;|\b(?:https?|file|tcp|usb|cups)://\S+")
ELISION = re.compile(r"(?<=\w)'(?=\w)")
# : ; ! ? that end a clause: after something and before a space, the end, or a closing sign.
MASK = "\ue000"  # a private-use sign, never in a UI text
# (?! stays together; "? :" becomes "?\u202f:")
PUNCT = re.compile(r"(?:(?<=[^\s:;!?])|(?<=\S)[ \u00a0\u202f])([:;!?])(?=[\s)»…!?]|$)")
OPEN_QUOTE = re.compile(r"«[ \u00a0\u202f]?")
CLOSE_QUOTE = re.compile(r"[ \u00a0\u202f]?»")
ORDINAL = re.compile(r"(\b\d+|%\d|\{\w*\})(?:e|ème)(?= )")
FIRST = re.compile(r"\b1er(?= )")


def french(text: str) -> str:
    """``text`` with French typography, its code parts untouched."""
    text = FIRST.sub("1ᵉʳ", ORDINAL.sub(r"\1ᵉ", text))
    codes = [m[0] for m in CODE.finditer(text)]
    prose = CODE.sub(MASK, text)  # a code part stands as one visible sign: "{name} !" ends a clause
    prose = ELISION.sub("’", prose)
    prose = PUNCT.sub(lambda m: NNBSP + m[1], prose)
    prose = CLOSE_QUOTE.sub(NNBSP + "»", OPEN_QUOTE.sub("«" + NNBSP, prose))
    pieces = iter(codes)
    return re.sub(MASK, lambda _: next(pieces), prose)


def _literal(prefix: str, value: str) -> str:
    """A Python literal of ``value``: double quotes, invisible spaces written as escapes."""
    body = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    body = body.replace("\t", "\\t").replace(NNBSP, "\\u202f").replace("\u00a0", "\\u00a0")
    return f'{prefix}"{body}"'


def _source_nodes(tree: ast.AST) -> list[ast.Constant]:
    nodes: list[ast.Constant] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        index = SOURCE_ARG.get(name)
        if index is None or len(node.args) <= index:
            continue
        arg = node.args[index]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            nodes.append(arg)
    return nodes


def _chars(line: str, byte_offset: int) -> int:
    """The ast's column (UTF-8 bytes) as tokenize's (characters)."""
    return len(line.encode("utf-8")[:byte_offset].decode("utf-8"))


def rewrite_python(text: str, where: str) -> tuple[str, list[str]]:
    """``text`` (a module) with its source strings fixed, and the problems left for a person."""
    tree = ast.parse(text)
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    tokens = [
        t for t in tokenize.generate_tokens(io.StringIO(text).readline) if t.type == tokenize.STRING
    ]
    edits: list[tuple[int, int, str]] = []
    problems: list[str] = []
    for node in _source_nodes(tree):
        start = (node.lineno, _chars(lines[node.lineno - 1], node.col_offset))
        end_line = node.end_lineno or node.lineno
        end = (end_line, _chars(lines[end_line - 1], node.end_col_offset or 0))
        parts = [t for t in tokens if start <= t.start and t.end <= end]
        wanted = french(str(node.value))
        if wanted == node.value:
            if "'" in CODE.sub("", wanted):
                problems.append(f"{where}:{node.lineno}: straight quote left in {wanted!r}")
            continue
        fixed: list[tuple[tokenize.TokenInfo, str]] = []
        for token in parts:
            prefix = re.match(r"[A-Za-z]*", token.string)[0]  # type: ignore[index]
            value = ast.literal_eval(token.string)
            fixed.append((token, _literal(prefix, french(value)) if "r" not in prefix.lower()
                          else token.string))  # fmt: skip
        if "".join(ast.literal_eval(new) for _, new in fixed) != wanted:
            problems.append(f"{where}:{node.lineno}: split literal, fix by hand: {wanted!r}")
            continue
        for token, new in fixed:
            if new != token.string:
                a = offsets[token.start[0] - 1] + token.start[1]
                b = offsets[token.end[0] - 1] + token.end[1]
                edits.append((a, b, new))
        if "'" in CODE.sub("", wanted):
            problems.append(f"{where}:{node.lineno}: straight quote left in {wanted!r}")
    for a, b, new in sorted(edits, reverse=True):
        text = text[:a] + new + text[b:]
    return text, problems


def rewrite_ts(text: str) -> str:
    """The catalogue with each French source rewritten as the Python literal now reads."""

    def fix(match: re.Match[str]) -> str:
        return f"<source>{escape(french(unescape(match[1])), quote=False)}</source>"

    return re.sub(r"<source>([^<]*)</source>", fix, text)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    problems: list[str] = []
    changed = 0
    for path in sorted((ROOT / "ui").rglob("*.py")):
        if "cli" in path.relative_to(ROOT).parts:
            continue  # the operators' command line has its own table (ui/cli/texts.py)
        old = path.read_text(encoding="utf-8")
        new, found = rewrite_python(old, str(path.relative_to(ROOT)))
        problems += found
        if new != old:
            changed += 1
            print(f"{'would change' if check else 'changed'} {path.relative_to(ROOT)}")
            if not check:
                path.write_text(new, encoding="utf-8")
    ts_old = TS.read_text(encoding="utf-8")
    sources = [unescape(m) for m in re.findall(r"<source>([^<]*)</source>", ts_old)]
    stale = [text for text in sources if french(text) != text]  # lupdate's escapes aside
    ts_new = rewrite_ts(ts_old) if stale else ts_old
    if stale and not check:
        TS.write_text(ts_new, encoding="utf-8")
        subprocess.run([sys.executable, str(ROOT / "tools/translate.py")], check=False)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems or (check and (changed or stale)) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
