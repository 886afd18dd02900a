"""Smart Tour sync status on screen."""
