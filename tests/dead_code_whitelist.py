# ruff: noqa: B018  (vulture whitelists are bare attribute reads)
"""What vulture cannot see used, for tests/test_dead_code.py (read by vulture, never imported).

Each line names a definition that is used in a way static analysis misses. Add a line only
with its reason; code that is really unused is deleted instead.
"""

from vulture.whitelist_utils import Whitelist

_ = Whitelist()

# Python and library protocols, called by the runtime
_.__getattr__  # kiosk/__init__.py: the module's lazy __version__
_.isolation_level  # kiosk/db/engine.py: set on the sqlite3 connection, read by the driver
_.impl, _.cache_ok, _.process_bind_param, _.process_result_value  # SQLAlchemy TypeDecorator

# Used only by the table modules, which the test leaves out (their columns are schema)
_.UTCDateTime  # kiosk/db/types.py
_.NONCE_LENGTH  # kiosk/domain.py: the nonce columns' length
_.TABLE_MODULES  # kiosk/schema.py: holds the table modules, imported for their tables
_.updated_at, _.imported_at  # ORM columns set by kiosk/documents and kiosk/programme

# Fields of result records, part of what a service returns (kept for callers and logs)
_.item_code, _.item_kind  # kiosk/collect/views.py
_.badge_id  # kiosk/identity.py
_.last_attempt_at  # kiosk/sync/tour.py
_.ticket_error  # kiosk/fleet/incidents.py: GLPI's last refusal, for whoever reads the table

# Theme tokens, read by the QSS templates in assets/theme/ (${accent_pressed}...)
_.accent_pressed, _.scrim, _.font_hero, _.font_hero_compact, _.font_clock, _.spacing, _.font_display
_.text_disabled
_.key_width, _.key_height  # the PIN pad keys (${key_width}, ${key_height})
_.min_target  # the on-screen keyboard keys' 15 mm floor (${min_target})

# Dead, in files other work was changing when this test came: delete each with its line here.
_.unlocked  # ui/checkin/door.py
_.visitor_name  # ui/checkin/door_actions.py
_.now_label  # ui/checkin/door_panels.py: an unused parameter
_._source  # ui/documents/screen.py: written, never read
_._deps  # ui/help/screen.py: written, never read
_.SIMULATED, _.last_print, _.on_print_result  # ui/input/bridge.py
_.full_text, _._monitor  # ui/sync/status.py

# ui/speech/speaker.py: the engine's host lives on the speech thread with no Qt parent; the
# reference keeps PySide from deleting it while the thread runs.
_._host

# ui/documents/pdf_page_view.py: QAbstractScrollArea calls it when a scroll bar moves
_.scrollContentsBy
