"""Personal data (RGPD): retention and purge, the right of access."""
