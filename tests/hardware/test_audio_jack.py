"""Headset detection from what ``pactl -f json list sinks`` says (PipeWire and PulseAudio)."""

from __future__ import annotations

from typing import Any

from hardware.audio_jack import headset_in_sinks


def sink(active: str, availability: str, name: str = "analog-output-headphones") -> dict[str, Any]:
    return {
        "name": "alsa_output.pci-0000_00_1f.3.analog-stereo",
        "active_port": active,
        "ports": [
            {"name": "analog-output-speaker", "description": "Speakers", "type": "Speaker",
             "availability": "availability unknown"},
            {"name": name, "description": "Headphones", "type": "Headphones",
             "availability": availability},
        ],
    }  # fmt: skip


def test_a_headset_in_the_jack_is_the_active_available_headphones_port() -> None:
    assert headset_in_sinks([sink("analog-output-headphones", "available")])


def test_an_empty_jack_or_the_loudspeaker_is_not_a_headset() -> None:
    assert not headset_in_sinks([sink("analog-output-headphones", "not available")])
    assert not headset_in_sinks([sink("analog-output-speaker", "available")])
    assert not headset_in_sinks([])


def test_a_card_without_jack_detection_is_not_taken_for_a_headset() -> None:
    assert not headset_in_sinks([sink("analog-output-headphones", "availability unknown")])
