"""Pictures of the real windows, drawn offscreen."""
