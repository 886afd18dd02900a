"""Retrait Click & Collect on screen: pickup flow and the staff desk."""
