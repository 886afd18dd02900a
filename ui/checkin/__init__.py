"""Check-in on screen: self check-in on the attract screen and the staff door mode."""
