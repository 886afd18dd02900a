"""The ``smartcorner`` command: one module per command group."""
