"""Besoin d'aide ? on screen: the request flow, the ticket, the staff desk and the calling board."""
