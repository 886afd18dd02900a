"""Announcements: a banner staff put on the kiosks' attract and home screens for a while
(« Le Smart Corner sera fermé le 24/12 »), on every kiosk or only some."""
