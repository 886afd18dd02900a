"""Speech output for people who cannot see the screen (EN 301 549 closed functionality).

Screens describe themselves (``spoken()`` returning :class:`~ui.speech.phrase.Phrase`), the
:class:`~ui.speech.narrator.Narrator` speaks them as they appear and as the focus moves, and the
:class:`~ui.speech.speaker.Speaker` owns the text-to-speech engine, its queue and its health.
"""
