"""Keeping records safe, as pure rules: the audit chain, backup thinning, passphrases, retention."""
