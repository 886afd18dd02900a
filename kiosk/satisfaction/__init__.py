"""Satisfaction after an event: « Comment était … ? » on the room kiosk's attract screen."""
