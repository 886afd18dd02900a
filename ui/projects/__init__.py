"""« Projets numériques »: the gallery of the council's digital projects."""
