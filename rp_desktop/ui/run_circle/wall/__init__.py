"""The wall: what the projector shows, drawn from circle snapshots only."""
