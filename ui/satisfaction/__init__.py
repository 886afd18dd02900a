"""« Comment était … ? »: the satisfaction question on the room kiosk's attract screen."""
