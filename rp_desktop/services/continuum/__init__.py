"""Use cases of the continuum's informal end and its way in: practice logs, referrals,
caregivers, preparation and consent."""
