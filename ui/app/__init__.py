"""The running kiosk: composition root, shell, capability registry, idle, display, watchdog."""
