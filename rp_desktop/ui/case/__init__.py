"""One case and everything done on it: meetings, agreements, follow-up, plans."""
