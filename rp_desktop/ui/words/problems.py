"""Validation problems in plain words, to show beside the field they belong to."""

from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from rp_desktop.domain.characters import code_point
from rp_desktop.domain.validation import FieldProblem, Problem

# Marked for translation here (PySide6's stubs say QT_TRANSLATE_NOOP returns object; it returns
# the text it was given), translated in `problem_text`.

# Where a field needs its own words for a problem.
_SPECIFIC = {
    ("grade", Problem.REQUIRED): QT_TRANSLATE_NOOP("Problems", "Choose a grade."),
    ("category_id", Problem.REQUIRED): QT_TRANSLATE_NOOP("Problems", "Choose a category."),
    ("participants", Problem.REQUIRED): QT_TRANSLATE_NOOP(
        "Problems", "Add at least one person involved."
    ),
    ("closure_reason", Problem.REQUIRED): QT_TRANSLATE_NOOP(
        "Problems", "Choose why the case was closed."
    ),
    ("tier3_kind", Problem.REQUIRED): QT_TRANSLATE_NOOP("Problems", "Choose the Tier 3 practice."),
    ("held_on", Problem.IN_FUTURE): QT_TRANSLATE_NOOP(
        "Problems",
        "This date is in the future. Choose an earlier day, or set the status to Planned.",
    ),
    ("description", Problem.REQUIRED): QT_TRANSLATE_NOOP(
        "Problems", "Say in a few words what happened."
    ),
    ("email", Problem.OUT_OF_RANGE): QT_TRANSLATE_NOOP(
        "Problems", "This does not look like an email address (like name@example.org)."
    ),
    ("home_language", Problem.OUT_OF_RANGE): QT_TRANSLATE_NOOP(
        "Problems", "Choose a language from the list, or type a language code like “so”."
    ),
    ("language", Problem.OUT_OF_RANGE): QT_TRANSLATE_NOOP(
        "Problems", "Choose a language from the list, or type a language code like “so”."
    ),
    ("summaries", Problem.SAME_PERSON_TWICE): QT_TRANSLATE_NOOP(
        "Problems", "This person already has a summary."
    ),
    ("cancel_reason", Problem.REQUIRED): QT_TRANSLATE_NOOP(
        "Problems", "Say in a few words why the meeting was cancelled."
    ),
    ("willingness", Problem.REQUIRED): QT_TRANSLATE_NOOP(
        "Problems", "A consent date needs their choice to take part (directly or not)."
    ),
    # A referral and its triage.
    ("what_happened", Problem.REQUIRED): QT_TRANSLATE_NOOP(
        "Problems", "Say in a few words what happened."
    ),
    ("referred_by", Problem.REQUIRED): QT_TRANSLATE_NOOP(
        "Problems", "Choose who referred, or type their name."
    ),
    ("referred_by", Problem.TWO_PEOPLE_AT_ONCE): QT_TRANSLATE_NOOP(
        "Problems", "Choose a staff member or type a name, not both."
    ),
    ("student_ids", Problem.REQUIRED): QT_TRANSLATE_NOOP("Problems", "Add at least one student."),
    ("decision", Problem.REQUIRED): QT_TRANSLATE_NOOP("Problems", "Choose a decision."),
    ("practice_kind", Problem.REQUIRED): QT_TRANSLATE_NOOP("Problems", "Choose the practice."),
    ("suspension_override_reason", Problem.REQUIRED): QT_TRANSLATE_NOOP(
        "Problems", "Say why these days replace the ones the referral gives."
    ),
}

# Words with a number in them: the problem's limit, in the plural form it needs.
_COUNTED = {
    Problem.TOO_LONG: QT_TRANSLATE_NOOP(
        "Problems", "This is too long: keep it under %n characters."
    ),
    Problem.TOO_MANY_ROUNDS: QT_TRANSLATE_NOOP("Problems", "A plan can hold at most %n rounds."),
}

# The words for a problem on any field.
_GENERAL = {
    Problem.REQUIRED: QT_TRANSLATE_NOOP("Problems", "This needs to be filled in."),
    Problem.IN_FUTURE: QT_TRANSLATE_NOOP(
        "Problems", "This date is in the future. Choose today or an earlier day."
    ),
    Problem.TOO_EARLY: QT_TRANSLATE_NOOP(
        "Problems", "This date is too far in the past. Check the year."
    ),
    Problem.NOT_A_GRADE: QT_TRANSLATE_NOOP("Problems", "Choose a grade from Pre-K to 12."),
    Problem.OUT_OF_RANGE: QT_TRANSLATE_NOOP(
        "Problems", "This value is outside what is possible here."
    ),
    Problem.HAS_SPACES: QT_TRANSLATE_NOOP("Problems", "A student number cannot contain spaces."),
    Problem.DUPLICATE: QT_TRANSLATE_NOOP("Problems", "Another student already has this number."),
    Problem.UNKNOWN: QT_TRANSLATE_NOOP("Problems", "This choice no longer exists. Choose again."),
    Problem.NEEDS_PERSON: QT_TRANSLATE_NOOP("Problems", "Each person needs a name."),
    Problem.NEEDS_ROLE: QT_TRANSLATE_NOOP("Problems", "Choose this person's role in the case."),
    Problem.TWO_PEOPLE_AT_ONCE: QT_TRANSLATE_NOOP("Problems", "Each line names one person only."),
    Problem.SAME_PERSON_TWICE: QT_TRANSLATE_NOOP(
        "Problems", "This person is already listed in this role."
    ),
    Problem.NEEDS_ROUND: QT_TRANSLATE_NOOP("Problems", "Add at least one round."),
    Problem.SECONDS_WITHOUT_LIMIT: QT_TRANSLATE_NOOP(
        "Problems", "A round with no time limit takes no seconds."
    ),
    Problem.TIME_OUT_OF_RANGE: QT_TRANSLATE_NOOP(
        "Problems", "Give a time from 5 seconds to 2 hours."
    ),
    Problem.TEMPLATE_READ_ONLY: QT_TRANSLATE_NOOP(
        "Problems", "Templates cannot be changed. Copy this one to make a plan of your own."
    ),
    Problem.BEFORE_CASE: QT_TRANSLATE_NOOP(
        "Problems", "This date is before the date of the case. Check the day."
    ),
    Problem.BEFORE_START: QT_TRANSLATE_NOOP(
        "Problems", "This date is before the plan starts. Check the day."
    ),
    Problem.NOT_IN_CASE: QT_TRANSLATE_NOOP(
        "Problems", "This is not part of this case. Choose from the case's own people."
    ),
    Problem.QUESTION_NOT_FOR_ROLE: QT_TRANSLATE_NOOP(
        "Problems", "This question is not asked of someone in this role."
    ),
    Problem.ANSWERED_TWICE: QT_TRANSLATE_NOOP(
        "Problems", "This person already has an answer to this question."
    ),
    Problem.NEEDS_ITEM: QT_TRANSLATE_NOOP(
        "Problems", "Add at least one thing someone agrees to do."
    ),
    Problem.NEEDS_OWNER: QT_TRANSLATE_NOOP(
        "Problems", "An agreement item with no owner: choose who will do it."
    ),
    Problem.SAME_TIER: QT_TRANSLATE_NOOP(
        "Problems", "The case is already at this tier. Choose another tier."
    ),
    Problem.NAME_TAKEN: QT_TRANSLATE_NOOP("Problems", "Another category already has this name."),
    Problem.ANSWERS_NOT_KEPT: QT_TRANSLATE_NOOP(
        "Problems",
        "Answers are kept word for word only when “Keep the answers word for word” is ticked. "
        "Tick it, or write a short summary instead.",
    ),
    Problem.NOT_AT_MEETING: QT_TRANSLATE_NOOP(
        "Problems", "This person did not come to the meeting. Tick them under “Who came” first."
    ),
    Problem.CHOICE_NOT_RECORDED: QT_TRANSLATE_NOOP(
        "Problems",
        "The person harmed's choice about taking part is not recorded. Record it under "
        "Preparation, or give the reason to go ahead without it.",
    ),
    Problem.CHOSE_NOT_TO_MEET: QT_TRANSLATE_NOOP(
        "Problems",
        "The person harmed chose not to meet (a letter, a go-between, or not taking part). "
        "Give the reason the meeting went ahead without them.",
    ),
    Problem.NOT_A_CASE: QT_TRANSLATE_NOOP(
        "Problems",
        "A positive or neutral observation is not a case. Log it with Log a practice "
        "(Positive observation), or choose a category of harm or concern.",
    ),
    Problem.HARM_ROLE_IN_CONCERN: QT_TRANSLATE_NOOP(
        "Problems",
        "A concern is not harm: choose Student, Supporter, Family member, Staff or Facilitator.",
    ),
    Problem.NO_PERSON_HARMED: QT_TRANSLATE_NOOP(
        "Problems", "This is asked only in a case of harm with a person harmed in it."
    ),
    Problem.SAME_BUT_ZEROS: QT_TRANSLATE_NOOP(
        "Problems",
        "Another student has this number once leading zeros are ignored (0123 and 123 are one "
        "number). Check the number.",
    ),
}

# Words that name the invisible character found, by its code point ("U+202E").
_INVISIBLE = QT_TRANSLATE_NOOP(
    "Problems", "This contains an invisible character ({character}); retype it."
)
_INVISIBLE_UNNAMED = QT_TRANSLATE_NOOP(
    "Problems", "This contains an invisible character; retype it."
)

_ANY = QT_TRANSLATE_NOOP("Problems", "Check this field.")


def problem_text(problem: FieldProblem) -> str:
    """One short sentence saying what to fix."""
    if problem.problem == Problem.INVISIBLE_CHARACTER:
        return _invisible_text(problem.character)
    specific = _SPECIFIC.get((problem.field, problem.problem))
    if specific is None and problem.problem in _COUNTED:
        text = cast(str, _COUNTED[problem.problem])
        return QCoreApplication.translate("Problems", text, None, problem.limit or 0)
    words = specific or _GENERAL.get(problem.problem, _ANY)
    return QCoreApplication.translate("Problems", cast(str, words))


def _invisible_text(character: str) -> str:
    if not character:
        return QCoreApplication.translate("Problems", cast(str, _INVISIBLE_UNNAMED))
    text = QCoreApplication.translate("Problems", cast(str, _INVISIBLE))
    return text.format(character=code_point(character))
