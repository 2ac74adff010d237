"""The circle on screen: the projector view of a running circle and the chime at time-up."""
