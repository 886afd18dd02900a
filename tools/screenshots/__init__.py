"""Development tool: screenshots of every screen (not shipped)."""
