"""Smart Corner kiosk: domain, application services and persistence (no Qt, no devices)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("smartcorner-kiosk")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+source"
