"""Steering statistics: the quarter's dashboard and its exports."""
