"""Smart Tour sync: the tour kiosk's records go up, what it needs comes down."""
