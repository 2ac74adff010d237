"""The files of the school's own record export, and each column with what it holds: the
README.txt beside the files is written from this list, so the two cannot drift apart."""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from rp_desktop.domain.casework.support_plans import MonitoringFrequency
from rp_desktop.domain.circle.types import Timing
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
from rp_desktop.domain.roster.demographics import DemographicField
from rp_desktop.domain.vocabulary import (
    AgreementStatus,
    CaseStatus,
    CategoryKind,
    CircleKind,
    CircleStage,
    CircleStatus,
    ClosureReason,
    GroupKind,
    MeetingKind,
    Role,
    StaffRole,
    Tier3Kind,
)
from rp_desktop.services.exports.records import circles as r
from rp_desktop.services.exports.records import continuum as c
from rp_desktop.services.exports.records import queries as q


@dataclass(frozen=True, slots=True)
class RecordFile:
    name: str
    about: str
    columns: tuple[tuple[str, str], ...]  # (header, what it holds)
    query: q.Query

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(header for header, _ in self.columns)


def one_of(values: type[Enum]) -> str:
    return "one of: " + ", ".join(str(member.value) for member in values)


def _file(name: str, about: str, query: q.Query, *columns: tuple[str, str]) -> RecordFile:
    return RecordFile(name, about, columns, query)


ANSWERS_FILE = "meeting_answers.csv"  # written only when asked for (export_records)
YES_NO = "1 for yes, 0 for no"
STUDENT = ("student_id", "the student (students.csv)")
STAFF = "a staff member (staff.csv); empty when none"
CASE = ("case_id", "the case (cases.csv)")
RUN = ("run_id", "the circle run")
PARTICIPANT = "a participant of the case (participants.csv)"
FREE_TEXT = "free text as typed"
LANGUAGE = "a language code, such as en for English or es for Spanish"
BECAME = "the case it became (cases.csv of the period the case happened in); empty when none"

CONTINUUM_FILES = (
    _file("practice_logs.csv", "Everyday practice logged in the period (by the day it "
          "happened): affective statements, restorative chats, impromptu conferences, "
          "check-ins. No case is made for them.", c.practice_logs,
          ("log_id", "the log"), ("kind", one_of(PracticeKind)), ("happened_on", "date"),
          ("minutes", "empty when not recorded"), ("tally", "how many times (1 or more)"),
          ("staff_id", STAFF), ("case_id", "the Tier 2 case opened from it (cases.csv of the "
          "period the case happened in); empty when none"), ("note", FREE_TEXT)),
    _file("practice_log_students.csv", "The students of each log of practice_logs.csv (a "
          "log may have none).", c.practice_log_students,
          ("log_id", "practice_logs.csv"), STUDENT),
    _file("referrals.csv", "Referrals received in the period, and the decision made on "
          "each.", c.referrals,
          ("referral_id", "the referral"), ("received_on", "date"),
          ("referred_by_staff_id", STAFF),
          ("referred_by_name", "who referred, when not on the staff list; empty otherwise"),
          ("what_happened", FREE_TEXT), ("tried", f"what was tried; {FREE_TEXT}"),
          ("asks_for", f"what the referrer asks for; {FREE_TEXT}"),
          ("suspension_proposed", f"a suspension was proposed: {YES_NO}"),
          ("suspension_days", "days of suspension proposed; empty when none"),
          ("suspension_proposed_by_staff_id", STAFF),
          ("decision", one_of(ReferralDecision) + "; empty while it waits"),
          ("decided_on", "date; empty while it waits"), ("decision_reason", FREE_TEXT),
          ("case_id", BECAME),
          ("practice_log_id", "the quick log it became (practice_logs.csv); empty when none")),
    _file("referral_students.csv", "The students each referral of referrals.csv is about.",
          c.referral_students, ("referral_id", "referrals.csv"), STUDENT),
    _file("caregivers.csv", "Every caregiver, whatever the period: parents, guardians and "
          "other family.", c.CAREGIVERS,
          ("caregiver_id", "the caregiver"), ("first_name", ""), ("last_name", ""),
          ("phone", "as typed; empty when none"), ("email", "as typed; empty when none"),
          ("home_language", LANGUAGE),
          ("interpreter_needed", YES_NO), ("active", YES_NO)),
    _file("caregiver_students.csv", "Which students each caregiver is linked to, and how.",
          c.CAREGIVER_STUDENTS, ("caregiver_id", "caregivers.csv"), STUDENT,
          ("relation", one_of(CaregiverRelationship))),
    _file("caregiver_contacts.csv", "Each case's contacts with caregivers: calls, meetings, "
          "letters and messages.", c.CAREGIVER_CONTACTS,
          ("contact_id", "the contact"), CASE,
          ("caregiver_id", "caregivers.csv; empty when not recorded"), ("staff_id", STAFF),
          ("kind", one_of(ContactKind)), ("contacted_on", "date"),
          ("outcome", one_of(ContactOutcome)), ("language", f"the language used: {LANGUAGE}"),
          ("note", FREE_TEXT)),
    _file("preparations.csv", "The preparation of each participant before a meeting: the "
          "process explained, their choice about taking part, safety, supporters and "
          "consent.", c.preparations,
          ("preparation_id", "the preparation"), ("participant_id", PARTICIPANT), CASE,
          ("met_on", "date of the preparation meeting; empty when none"),
          ("explained", f"the process was explained: {YES_NO}"),
          ("willingness", one_of(Willingness)), ("safety_concerns", FREE_TEXT),
          ("supporters_chosen", YES_NO), ("supporters", f"who will support them; {FREE_TEXT}"),
          ("consent_on", "date consent was given; empty when not yet"), ("note", FREE_TEXT)),
)  # fmt: skip

RECORD_FILES: Sequence[RecordFile] = (
    _file("students.csv", "Every student on the roster, whatever the period.", q.STUDENTS,
          STUDENT, ("student_number", "the school's own student number"),
          ("first_name", ""), ("last_name", ""), ("preferred_name", "empty when none"),
          ("grade", "-1 is pre-K, 0 kindergarten, 1 to 12"), ("homeroom", "empty when none"),
          ("active", f"enrolled now: {YES_NO}")),
    _file("student_demographics.csv", "The roster's demographic fields, one row per student "
          "and field; a missing row means unknown.", q.DEMOGRAPHICS,
          STUDENT, ("field", one_of(DemographicField)), ("value", "as the roster gives it")),
    _file("staff.csv", "Every staff member.", q.STAFF,
          ("staff_id", "the staff member"), ("first_name", ""), ("last_name", ""),
          ("role", one_of(StaffRole)), ("active", YES_NO)),
    _file("groups.csv", "Every class, advisory and section.", q.GROUPS,
          ("group_id", "the group"), ("name", ""), ("kind", one_of(GroupKind)),
          ("school_year", "the year the school year starts in (2025 is 2025-26)"),
          ("staff_id", STAFF), ("active", YES_NO)),
    _file("group_members.csv", "Who is in each group.", q.GROUP_MEMBERS,
          ("group_id", "the group (groups.csv)"), STUDENT),
    _file("circles.csv", "Tier 1 community circles held, planned or cancelled in the period "
          "(by the day held).", q.circles,
          ("circle_id", "the circle"), ("held_on", "date"), ("status", one_of(CircleStatus)),
          ("kind", one_of(CircleKind)), ("group_id", "the group (groups.csv); empty when none"),
          ("keeper_staff_id", STAFF), ("purpose", FREE_TEXT),
          ("duration_minutes", "empty when not recorded"),
          ("attendees", "how many students were there (circle_attendance.csv)"),
          ("notes", FREE_TEXT),
          ("staff_attendees", "how many staff were there (circle_staff_attendance.csv)"),
          ("guests", "how many other adults were there (parents, guests): a count, never a "
           "name")),
    _file("circle_attendance.csv", "Who was at each circle of circles.csv.",
          q.circle_attendance, ("circle_id", "the circle (circles.csv)"), STUDENT),
    _file("circle_staff_attendance.csv", "The staff at each circle of circles.csv (its keeper "
          "among them when they sat in it).", r.circle_staff_attendance,
          ("circle_id", "the circle (circles.csv)"), ("staff_id", "the staff member (staff.csv)")),
    _file("group_agreements.csv", "A group's agreements (how we treat each other here) made in "
          "the period, in a values circle or typed in later.", r.group_agreements,
          ("group_agreement_id", "the agreement"), ("group_id", "the group (groups.csv)"),
          ("circle_id", "the circle it was made in (circles.csv); empty when none"),
          ("position", "its place among those made together, from 0"), ("made_on", "date"),
          ("text", FREE_TEXT), ("active", f"still in force: {YES_NO}")),
    _file("circle_run_seats.csv", "Who sat where in each circle run from the console, for a "
          "Tier 1 circle of circles.csv or a meeting of meetings.csv. The role is the person's "
          "part in the case: confidential, as the case is.", r.run_seats,
          RUN, ("circle_id", "circles.csv; empty for a circle run for a case"),
          ("meeting_id", "meetings.csv; empty for a Tier 1 circle"),
          ("position", "the seat's place in the ring, from 0"),
          ("label", "the name the circle knew them by, as shown on the wall"),
          ("is_keeper", YES_NO), ("student_id", "students.csv; empty when not a student"),
          ("staff_id", "staff.csv; empty when not staff"),
          ("caregiver_id", "caregivers.csv; empty when not a caregiver"),
          ("role", "keeper, staff, or one of: " + ", ".join(str(m.value) for m in Role)
           + "; empty when none")),
    _file("circle_run_rounds.csv", "The rounds of each run of circle_run_seats.csv, as they "
          "were run.", r.run_rounds,
          RUN, ("number", "the round, from 0"), ("stage", one_of(CircleStage)),
          ("prompt", FREE_TEXT), ("second_prompt", f"the prompt in a second language; {FREE_TEXT}"),
          ("timing", one_of(Timing)), ("seconds", "per speaker or per round, as timing says; "
          "empty when not timed"),
          ("to_roles", "the roles it went to, in speaking order, comma-separated; empty: "
           "everyone"),
          ("to_seats", "the seats it went to (their position), in speaking order, "
           "comma-separated; empty: everyone")),
    _file("cases.csv", "Tier 2 and Tier 3 cases whose harm or concern happened in the period. "
          "A counselor's private note is never exported.", q.cases,
          ("case_id", "the case"), ("tier", "2 or 3: the tier the case is in now"),
          ("occurred_on", "date"),
          ("place", FREE_TEXT), ("category_id", "the school's category"),
          ("category", "the category's name, as the school set it"),
          ("category_kind", one_of(CategoryKind)), ("description", FREE_TEXT),
          ("status", one_of(CaseStatus)),
          ("closure_reason", one_of(ClosureReason) + "; empty while open"),
          ("repair_felt", "whether the person harmed feels the harm was repaired, "
           f"{one_of(RepairFelt)}; empty when not recorded"),
          ("tier3_kind", one_of(Tier3Kind) + "; empty for Tier 2"),
          ("suspension_days_avoided", "days of instruction kept, as typed; empty when not "
           "recorded (referrals.csv holds the suspensions proposed)"),
          ("suspension_override_reason", "why the typed days replace those the referrals "
           f"give; {FREE_TEXT}"),
          ("closed_on", "date; empty while open"),
          ("hold", f"kept under a legal or district hold: {YES_NO}")),
    _file("participants.csv", "The people in each case, one row per person and role: a "
          "student, a staff member, a caregiver or someone named only in the case.",
          q.PARTICIPANTS,
          ("participant_id", "the participant"), CASE, ("role", one_of(Role)),
          ("student_id", "students.csv; empty when not a student"),
          ("staff_id", "staff.csv; empty when not staff"),
          ("caregiver_id", "caregivers.csv; empty when not a caregiver"),
          ("other_name", "the name of someone not on the roster; empty otherwise")),
    _file("tier_changes.csv", "Moves of a case between tiers.", q.TIER_CHANGES,
          ("tier_change_id", ""), CASE, ("changed_on", "date"), ("from_tier", "1, 2 or 3"),
          ("to_tier", "1, 2 or 3"), ("reason", FREE_TEXT)),
    _file("meetings.csv", "Restorative conversations, conferences and circles held, planned "
          "or cancelled on the cases of cases.csv.", q.meetings,
          ("meeting_id", "the meeting"), CASE, ("kind", one_of(MeetingKind)),
          ("status", one_of(MeetingStatus)),
          ("held_on", "date: the day it was held, or is planned for"),
          ("starts_at", "time of day, HH:MM (24-hour clock); empty when not set"),
          ("facilitator_staff_id", STAFF),
          ("duration_minutes", "empty when not recorded"),
          ("attendees", "how many participants were there (meeting_attendance.csv)"),
          ("notes", FREE_TEXT), ("cancel_reason", f"why it was cancelled; {FREE_TEXT}"),
          ("proceed_reason", "why a conference went ahead without the person harmed's choice "
           f"recorded; {FREE_TEXT}"),
          ("keep_answers", f"the facilitator chose to keep the answers word for word: {YES_NO}")),
    _file("meeting_attendance.csv", "Which participants were at each meeting, with the short "
          "summary kept of each person's part.",
          q.MEETING_ATTENDANCE, ("meeting_id", "meetings.csv"), ("participant_id", PARTICIPANT),
          ("summary", f"a short summary of the person's part; {FREE_TEXT}")),
    _file(ANSWERS_FILE, "Answers to the restorative questions, one row per "
          "participant and question.", q.MEETING_ANSWERS,
          ("answer_id", ""), ("meeting_id", "meetings.csv"), ("participant_id", PARTICIPANT),
          ("question", "the question's key"), ("answer", FREE_TEXT)),
    _file("agreements.csv", "One row per agreement item, with its agreement's id and date; an "
          "agreement without items has one row with the item columns empty.", q.agreements,
          ("agreement_id", "the agreement"), CASE,
          ("meeting_id", "the meeting it was made at (meetings.csv); empty when none"),
          ("made_on", "date"), ("agreement_notes", FREE_TEXT), ("item_id", "the item"),
          ("item", "what was agreed, as typed"), ("owner_participant_id", PARTICIPANT),
          ("owner_staff_id", STAFF), ("due_on", "date; empty when none"),
          ("status", one_of(AgreementStatus))),
    _file("follow_ups.csv", "The follow-up log of each case.", q.FOLLOW_UPS,
          ("follow_up_id", ""), CASE, ("on", "date"), ("staff_id", STAFF),
          ("agreement_item_id", "the item followed up (agreements.csv); empty when none"),
          ("note", FREE_TEXT)),
    _file("support_plans.csv", "Tier 3 individual support plans: those of the cases in "
          "cases.csv, and plans of their own that started in the period.", q.support_plans,
          ("plan_id", "the plan"), ("case_id", "cases.csv; empty for a plan of its own"),
          STUDENT, ("goal", FREE_TEXT), ("strategies", FREE_TEXT), ("owner_staff_id", STAFF),
          ("start_on", "date"), ("review_on", "date; empty when none"),
          ("frequency", one_of(MonitoringFrequency)), ("active", YES_NO)),
    _file("progress_entries.csv", "Progress checks on the plans of support_plans.csv.",
          q.progress_entries,
          ("progress_id", ""), ("plan_id", "support_plans.csv"), ("on", "date"),
          ("rating", "1 to 5"), ("note", FREE_TEXT)),
    _file("re_entry_plans.csv", "Re-entry plans of the cases in cases.csv.", q.RE_ENTRY_PLANS,
          CASE, ("supports", FREE_TEXT), ("needs", FREE_TEXT),
          ("responsibilities", FREE_TEXT), ("returned_on", "date; empty when not yet")),
    *CONTINUUM_FILES,
)  # fmt: skip
