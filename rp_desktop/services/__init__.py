"""Use cases, one function per user action. Each owns its transaction, validates, writes the audit
event and returns plain domain records, never live database objects. No Qt here."""
