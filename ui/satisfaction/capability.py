"""« Comment était … ? » on room and Smart Tour kiosks: a service without a tile, installed on
the attract screen, and asked first for badges (right after a face, a badge names the answer)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.settings import Profile
from ui.host import Host, ScreenDeps, Service

if TYPE_CHECKING:
    from ui.satisfaction.prompt import FeedbackPrompt

ATTRACT = "attract"


def install_feedback(host: Host, deps: ScreenDeps) -> FeedbackPrompt:
    from PySide6.QtWidgets import QWidget

    from ui.satisfaction.desk import FeedbackDesk
    from ui.satisfaction.panel import FeedbackPanel
    from ui.satisfaction.prompt import FeedbackPrompt

    attract = host.router.screen(ATTRACT)
    desk = FeedbackDesk(deps.database, deps.settings, deps.clock, deps.executor, host.owner)
    panel = FeedbackPanel(host.theme, attract)  # owned by the screen it shows on
    panel.hide()

    def show(widget: QWidget | None) -> None:
        set_aside = getattr(attract, "set_aside", None)
        if set_aside is not None:
            set_aside(widget)

    prompt = FeedbackPrompt(
        desk,
        panel,
        deps.clock,
        show,
        lambda: host.router.current_key == ATTRACT,
        parent=host.owner,
    )
    host.input_router.add_fallback(prompt)
    host.session_reset.connect(prompt.reset)
    host.shutdown_hooks.append(prompt.stop)
    host.first_painted.connect(prompt.start)
    return prompt


# Room kiosks and the Smart Tour (its answers go up with its sync): asked before self
# check-in, which takes every badge the prompt leaves.
SATISFACTION = Service(
    key="satisfaction",
    install=install_feedback,
    profiles=frozenset({Profile.ROOM, Profile.TOUR}),
)
