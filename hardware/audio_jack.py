"""Is a headset plugged in? Asked of the audio server (PipeWire or PulseAudio) through
``pactl`` (run by ``ui.speech.headset``, without blocking): the sound card's jack detection
shows as the availability of its headphone port.

Used by ``speech_output = auto``: a headset hears personal data (a name, items), a loudspeaker
does not. Any doubt (no pactl, no server, an unknown answer) counts as a loudspeaker.
"""

from __future__ import annotations

from typing import Any, Final

# What to run to ask (``pactl`` of pulseaudio-utils talks to PipeWire's pulse server too).
PACTL_SINKS: Final = ("pactl", "-f", "json", "list", "sinks")
_HEADSET_WORDS: Final = ("headphone", "headset", "casque")


def _is_headset_port(port: dict[str, Any]) -> bool:
    words = f"{port.get('name', '')} {port.get('description', '')} {port.get('type', '')}".lower()
    return any(word in words for word in _HEADSET_WORDS)


def headset_in_sinks(sinks: list[dict[str, Any]]) -> bool:
    """True if a sink's active port is a headphone/headset port the jack reports plugged in.

    ``sinks`` is ``pactl -f json list sinks`` as parsed; availability "not available" means the
    jack is empty (cards without jack detection say "availability unknown": not a headset).
    """
    for sink in sinks:
        active = sink.get("active_port")
        for port in sink.get("ports", []):
            if (
                port.get("name") == active
                and _is_headset_port(port)
                and port.get("availability") == "available"
            ):
                return True
    return False
