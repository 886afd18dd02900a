"""Devices on screen: the Qt bridge, camera, wedge scanner, hardware and print-spool screens."""
