"""Qt's own messages (qDebug, qWarning...) go to Python logging, hence to the kiosk's log file."""

from __future__ import annotations

import logging

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


# Harmless notes of the offscreen and kiosk-compositor platforms, not worth a warning a day.
_NOISE = ("This plugin does not support propagateSizeHints", "This plugin does not support raise")


def _handle(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    level = _LEVELS.get(kind, logging.WARNING)
    if level == logging.WARNING and message.startswith(_NOISE):
        level = logging.DEBUG
    log.log(level, "[%s] %s", context.category or "default", message)


def forward_qt_messages() -> None:
    qInstallMessageHandler(_handle)
