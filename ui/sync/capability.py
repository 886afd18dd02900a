"""Smart Tour sync as a service of the tour kiosk: no tile, a status chip and a worker."""

from __future__ import annotations

from kiosk.settings import Profile
from ui.host import Host, ScreenDeps, Service


def _install_sync(host: Host, deps: ScreenDeps) -> object:
    from ui.sync.status import install  # the sync's domain loads with it, on tour kiosks only

    return install(host, deps)


# The Smart Tour meets the central database when it can (setting central_db; no tile).
SYNC = Service(key="sync", install=_install_sync, profiles=frozenset({Profile.TOUR}))
