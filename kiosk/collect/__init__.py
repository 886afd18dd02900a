"""Click & Collect (issue 5): catalogue, allocation policy, orders, hand-overs, receipts.

Pure domain and application services: no Qt, no device. The tables are declared in
:mod:`kiosk.collect.tables` (migration 0004); the screens live in ``ui/screens/collect``.
Nothing is imported here so that the models can import :mod:`kiosk.collect.status` cheaply.
"""
