"""Shared fixtures. They live in tests/helpers/ modules; this file only registers them."""

import os

# Before anything imports Qt: the tests never need a screen (CI has none).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["tests.helpers.db", "tests.helpers.postgres", "tests.helpers.rigs"]
