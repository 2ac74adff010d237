"""What every list screen shares: the table model, search, filters and exporting a list."""
