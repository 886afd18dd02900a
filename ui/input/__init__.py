"""Badges and scans into the screens: the Qt bridge for device callbacks, the wedge
scanner's filter, the camera, and the routing of each input to the screen that takes it.
"""
