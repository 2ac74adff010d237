"""What the sample school's referrals say, in a teacher's plain words. Invented throughout: no
real person or event. Names of people who are not on the staff list are made up."""

SMALL_MATTERS = (
    "Two students keep arguing over a seat in class; it got loud today.",
    "Name-calling at lunch, back and forth between the two.",
    "Left class without asking and would not come back in.",
    "Rumour passed around by phone; one student came to me upset.",
    "Pushing in the line for the bus; nobody was hurt.",
    "A group project fell apart; the students blame each other.",
    "Took another student's calculator and would not give it back.",
    "Refused to work with the group and said hurtful things about it.",
    "Laughing at a classmate who answered wrong; it has happened before.",
    "Kicking chairs in the back row through the lesson.",
)

TRIED = (
    "Talked with them after class.",
    "Moved seats and called home.",
    "A warning, then a talk in the hallway.",
    "Separated them for the rest of the period.",
    "Emailed the family; no answer yet.",
    "Nothing yet: it happened at the end of the day.",
    "A quiet word and a check-in the next morning.",
)

ASKS = (
    "A conversation between the two before it grows.",
    "Help repairing things with the class.",
    "A circle for the group.",
    "Someone to check in with this student this week.",
    "Advice on what to do next time.",
    "Something other than a suspension, if it can be done.",
)

NO_ACTION_REASONS = (
    "Already settled between the students; the teacher confirmed it.",
    "Handled by the teacher the same day; nothing more needed.",
    "A duplicate of a referral already being worked on.",
    "The family is handling it at home, and asked for time.",
    "Not enough to go on; the teacher will refer again if it comes back.",
)

# Someone who is not on the staff list refers now and then.
OTHER_REFERRERS = (
    "Dolores Quintanilla (bus driver)",
    "Mr. Obuya (lunchroom aide)",
    "Ms. Haverkamp (after-school program)",
    "Coach Ferreira (community league)",
)
