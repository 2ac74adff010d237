"""Every value a user can meet has words, and values shared between enums keep their own."""

from enum import Enum

import pytest

from rp_desktop.domain.casework.records import ConferenceStep
from rp_desktop.domain.casework.restorative import RestorativeQuestion
from rp_desktop.domain.casework.support_plans import MonitoringFrequency
from rp_desktop.domain.continuum.kinds import (
    CaregiverRelationship,
    ContactKind,
    ContactOutcome,
    MeetingStatus,
    PracticeKind,
    ReferralDecision,
    RepairFelt,
    Willingness,
)
from rp_desktop.domain.timeline import TimelineKind
from rp_desktop.domain.vocabulary import (
    AgreementStatus,
    AuditAction,
    CaseStatus,
    CategoryKind,
    CircleKind,
    CircleStage,
    CircleStatus,
    ClosureReason,
    MeetingKind,
    Role,
    StaffRole,
    Tier,
    Tier3Kind,
)
from rp_desktop.ui.words.labels import grade_label, label

SHOWN = (
    CaregiverRelationship,
    ContactKind,
    ContactOutcome,
    PracticeKind,
    AuditAction,
    RestorativeQuestion,
    MonitoringFrequency,
    ConferenceStep,
    TimelineKind,
    Tier,
    CategoryKind,
    RepairFelt,
    MeetingKind,
    MeetingStatus,
    Willingness,
    AgreementStatus,
    CircleKind,
    CircleStage,
    CircleStatus,
    CaseStatus,
    ClosureReason,
    Tier3Kind,
    Role,
    StaffRole,
    ReferralDecision,
)


@pytest.mark.parametrize("kind", SHOWN)
def test_every_value_has_words(kind: type[Enum]) -> None:
    words = [label(member) for member in kind]
    assert all(words)
    assert len(set(words)) == len(words)


def test_the_same_stored_value_in_two_enums_reads_differently() -> None:
    assert CircleKind.OTHER == StaffRole.OTHER  # both store "other"
    assert label(CircleKind.OTHER) == "Other"
    assert label(StaffRole.OTHER) == "Staff"
    assert label(ClosureReason.OTHER) == "Other reason"


def test_no_punitive_words() -> None:
    everything = " ".join(label(member) for kind in SHOWN for member in kind).lower()
    for word in ("victim", "offender", "perpetrator", "punishment", "consequence", "sanction"):
        assert word not in everything


def test_grades() -> None:
    assert [grade_label(g) for g in (-1, 0, 1, 12)] == ["Pre-K", "K", "1", "12"]
    assert grade_label(None) == ""
