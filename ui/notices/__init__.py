"""What the kiosks announce on their attract, home and programme screens: staff's banners and
the Smart Tour's next stops, loaded off the GUI thread after the first paint."""
