"""Fill English translations without Qt Linguist, then compile the .qm.

    .venv/bin/python tools/translate.py                      # list what is unfinished
    .venv/bin/python tools/translate.py 'espace=space' 'Majuscule=Shift'

Runs ``pyside6-lupdate`` first (new strings in ui/ enter the catalogue, translations kept),
sets each given ``French=English`` pair on the matching unfinished messages (a pair whose
French text has no message is an error), and runs ``pyside6-lrelease``. Suggestions that
lupdate guessed from identical sources stay unfinished until confirmed here.
"""

from __future__ import annotations

import re
import subprocess
import sys
from html import escape, unescape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "assets/translations/smartcorner_en.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent
MESSAGE = re.compile(
    r"(<source>(?P<source>[^<]*)</source>\s*(?:<comment>[^<]*</comment>\s*)?)"
    r'<translation type="unfinished">(?P<guess>[^<]*)</translation>'
)


def main(argv: list[str]) -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run(
        [BIN / "pyside6-lupdate", *sources, "-locations", "relative", "-no-obsolete",
         "-ts", str(TS.relative_to(ROOT))],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    pairs = dict(arg.split("=", 1) for arg in argv)
    used: set[str] = set()
    text = TS.read_text(encoding="utf-8")

    def fill(match: re.Match[str]) -> str:
        source = unescape(match["source"])
        if source not in pairs:
            return match[0]
        used.add(source)
        return f"{match[1]}<translation>{escape(pairs[source], quote=False)}</translation>"

    text = MESSAGE.sub(fill, text)
    TS.write_text(text, encoding="utf-8")
    missing = sorted(set(pairs) - used)
    for source in missing:
        print(f"no unfinished message with source {source!r}", file=sys.stderr)
    left = [unescape(m["source"]) for m in MESSAGE.finditer(text)]
    for source in left:
        print(f"unfinished: {source!r}")
    subprocess.run([BIN / "pyside6-lrelease", str(TS), "-qm", str(QM)], check=True,
                   capture_output=True)  # fmt: skip
    return 1 if missing or left else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
