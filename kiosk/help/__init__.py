"""Besoin d'aide ?: queue tickets, the technicians' desk, the calling board, demo data."""
