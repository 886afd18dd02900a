"""The four faces and the one-word reasons of « Comment était … ? », as stable codes."""

from __future__ import annotations

import enum
from typing import Final


class Face(enum.IntEnum):
    """The answer, 1 (worst) to 4 (best): the score is the mean of these."""

    BAD = 1
    MEH = 2
    GOOD = 3
    GREAT = 4


class Reason(enum.StrEnum):
    """The optional one-word reason (preset chips, never free text: nothing personal is typed)."""

    CONTENT = "contenu"
    SPEAKER = "intervenant"
    PRACTICAL = "pratique"
    LENGTH = "duree"
    ROOM = "salle"
    EXCHANGES = "echanges"


# Minutes after an event's end during which its kiosk asks for answers.
WINDOW_MINUTES: Final = 30
# Seconds between two anonymous answers on one kiosk: a child tapping ten times counts once.
ANONYMOUS_GAP_SECONDS: Final = 20
# Seconds after a face during which a badge names whose answer it was.
BADGE_CLAIM_SECONDS: Final = 15
# Minutes after which an answer changes no more (its window, a badge's claim and the reason are
# over): the Smart Tour pushes an answer only then, so what went up is never taken back.
SETTLED_AFTER_MINUTES: Final = WINDOW_MINUTES + 5
