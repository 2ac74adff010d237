"""Report arithmetic: the shapes of reports (model), months, shares and medians (measures),
follow-up timeliness, equity of voice, disproportionality (risk), the continuum's levels
(continuum) and the outcomes of harm cases (outcomes). Pure Python; the services
count records in SQL and hand the figures here."""
