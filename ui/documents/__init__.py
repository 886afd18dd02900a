"""Kiosque numérique on screen: browse, search, read, take away."""
