"""Smart Corner kiosk: domain, application services and persistence (no Qt, no devices)."""

from typing import Any


def __getattr__(name: str) -> Any:
    # importlib.metadata costs ~40 ms at start-up; only screens that show the version pay it
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("smartcorner-kiosk")
        except PackageNotFoundError:  # a source tree that was not installed
            return "0.0.0+source"
    raise AttributeError(f"module 'kiosk' has no attribute {name!r}")
