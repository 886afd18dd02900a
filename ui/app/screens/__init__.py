"""The shell's own screens: attract, home (one tile per capability), the admin PIN and the
administration."""
