"""Statistiques on screen."""
