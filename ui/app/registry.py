"""What the kiosk can do: each capability's home tile and installed service, by profile.

A capability that does not exist yet is simply not registered, so its tile is absent rather
than a dead button. To add one: give it a package ``ui/<capability>/`` whose ``capability``
module declares its :class:`~ui.host.Capability` (tile and screen factory; the screen's module
is imported on first visit, to keep the start fast) and/or its :class:`~ui.host.Service`
(installed on the :class:`~ui.host.Host` once the shell is built), then list them in
:func:`default_registry`.
"""

from __future__ import annotations

from collections.abc import Iterable

from kiosk.settings import Profile
from ui.checkin.capability import DOOR, SELF_CHECKIN
from ui.collect.capability import CATALOGUE, COLLECT, COLLECT_PICKUP
from ui.documents.capability import DOCUMENTS
from ui.events.capability import EVENTS
from ui.help.capability import HELP, HELP_FORWARDING
from ui.host import Capability, Service
from ui.myspace.capability import MY_SPACE, MY_SPACE_HOME, NOTICES
from ui.projects.capability import PROJECTS
from ui.satisfaction.capability import SATISFACTION
from ui.sync.capability import SYNC


class TileRegistry:
    def __init__(
        self, capabilities: Iterable[Capability] = (), services: Iterable[Service] = ()
    ) -> None:
        self._capabilities: dict[str, Capability] = {}
        self._services: dict[str, Service] = {}
        for capability in capabilities:
            self.register(capability)
        for service in services:
            self.register_service(service)

    def register(self, capability: Capability) -> None:
        if capability.key in self._capabilities:
            raise ValueError(f"capability {capability.key!r} is already registered")
        self._capabilities[capability.key] = capability

    def register_service(self, service: Service) -> None:
        if service.key in self._services:
            raise ValueError(f"service {service.key!r} is already registered")
        self._services[service.key] = service

    def for_profile(self, profile: Profile) -> list[Capability]:
        shown = [c for c in self._capabilities.values() if profile in c.profiles]
        return sorted(shown, key=lambda c: (c.order, c.key))

    def services_for(self, profile: Profile) -> list[Service]:
        return [s for s in self._services.values() if profile in s.profiles]


def default_registry() -> TileRegistry:
    """The capabilities that exist today."""
    return TileRegistry(
        [DOCUMENTS, PROJECTS, EVENTS, DOOR, HELP, COLLECT, CATALOGUE, MY_SPACE],
        services=[
            SATISFACTION,
            SELF_CHECKIN,
            HELP_FORWARDING,
            SYNC,
            COLLECT_PICKUP,
            MY_SPACE_HOME,
            NOTICES,
        ],
    )
