"""Values in the words a user reads: labels, problems, dates and numbers."""
