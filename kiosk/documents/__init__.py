"""Kiosque numérique: catalogue, local full-text index, import, usage statistics (issue 6)."""
