"""Report arithmetic: the shapes of reports (model), months, shares and medians (measures),
follow-up timeliness, equity of voice, and disproportionality (risk). Pure Python; the services
count records in SQL and hand the figures here."""
