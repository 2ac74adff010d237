"""Parts of the circle's set-up: who is not here today, the purpose, and the kind a plan gives."""
