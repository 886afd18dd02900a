"""Check-in: one transaction per scan or badge, the door mode's operations, demo history."""
