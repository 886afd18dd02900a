"""Event sign-up at the kiosk (places, waiting list, cancellation), « Mon espace » (what one
agent has on: registrations, requests and orders) and the notifications outbox (mail)."""
