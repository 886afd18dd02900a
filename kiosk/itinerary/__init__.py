"""The Smart Tour's itinerary: where the mobile kiosk stops, when, and what it offers there.

Imported centrally (``smartcorner import tour FILE``), pulled down to the tour kiosk with the
rest of its sync, shown on every kiosk's attract and programme screens; on the tour kiosk,
today's stop is the site it records check-ins and visits for (:mod:`kiosk.itinerary.stops`).
"""
