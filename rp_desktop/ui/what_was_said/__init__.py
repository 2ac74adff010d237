"""What each person said at a meeting, as the case's screens keep and show it: a short summary
per person, and the answers word for word only when the facilitator chose to keep them."""
