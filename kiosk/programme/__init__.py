"""The event programme: events, registrations, their imports (iCalendar, CSV), the agenda."""
