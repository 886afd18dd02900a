"""Shared fixtures. They live in tests/helpers/ modules; this file only registers them."""

pytest_plugins = ["tests.helpers.db", "tests.helpers.postgres"]
