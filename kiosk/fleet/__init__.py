"""Fleet health: each kiosk's heartbeat in the shared database, the incidents they raise, and
the fleet described in words (``smartcorner fleet``, the « Parc des bornes » screen)."""
