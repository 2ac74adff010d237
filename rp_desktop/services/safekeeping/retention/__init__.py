"""Removing records older than the school keeps them: the preview, the purge, their facts."""
