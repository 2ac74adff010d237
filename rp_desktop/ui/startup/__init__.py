"""The first screens: opening the database (new school, unlock, recovery) and the welcome."""
