"""The demo data set: the council, its agents and programme, then each capability's seed."""
