"""Projets numériques: the council's digital projects shown on the room and store kiosks."""
