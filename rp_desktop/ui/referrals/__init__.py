"""Referrals in, decisions out: the referral form, the queue on Home, and triage."""
