"""The words a sample school's records are written in: circle purposes and notes, what happened in
a case, what people agreed to do. Plain, generic sentences with no names in them."""

from rp_desktop.domain.vocabulary import CategoryKind, CircleKind

CIRCLE_PURPOSES: dict[CircleKind, tuple[str, ...]] = {
    CircleKind.COMMUNITY_BUILDING: (
        "Getting to know each other",
        "A place where you feel at home",
        "Someone who believes in you",
        "What makes a good friend",
        "Highs and lows of the week",
        "A time you helped someone",
        "What our community needs from each of us",
        "Family traditions",
        "Hopes for this semester",
        "Dealing with stress",
        "Gratitude round",
        "What respect looks like",
    ),
    CircleKind.CHECK_IN: (
        "Monday check-in",
        "Check-in: one word for how you feel",
        "Check-in: a rose, a bud and a thorn",
        "Check-in: what do you need today",
        "Check-in: energy level from 1 to 5",
        "Check-in after the weekend",
    ),
    CircleKind.CHECK_OUT: (
        "Friday check-out",
        "Check-out: one thing you are proud of this week",
        "Check-out: plans for the weekend",
        "Check-out: one word to close the week",
        "Check-out: something you learned",
    ),
    CircleKind.ACADEMIC: (
        "Norms for group work",
        "Reflecting on the unit test",
        "Goals for the quarter",
        "Getting ready for presentations",
        "Book discussion",
        "What helps you learn",
        "Study habits before finals",
        "Feedback on the project",
    ),
    CircleKind.VALUES_AND_GUIDELINES: (
        "Making our class agreements",
        "Values we want in this room",
        "Revisiting our agreements",
        "Guidelines for respectful talk",
        "Norms for the new semester",
    ),
    CircleKind.CELEBRATION: (
        "Celebrating the end of the quarter",
        "Appreciations before winter break",
        "End-of-year celebration",
        "Celebrating our growth",
        "Thank-you round",
    ),
    CircleKind.SUPPORT: (
        "After a hard week in the building",
        "Support after a loss in our community",
        "Talking about the lockdown drill",
        "Stress before testing week",
        "Welcoming a new student",
    ),
    CircleKind.OTHER: (
        "Planning the service project",
        "Class meeting about the field trip",
        "Feedback for the teacher",
    ),
}

CIRCLE_NOTES = (
    "Several students passed in the first round and spoke when the piece came back.",
    "Ran short on time and skipped the closing.",
    "Students chose a new talking piece for the rest of the month.",
    "Good energy; students asked to do this again next week.",
    "Two students asked to talk privately afterwards; followed up the same day.",
    "A student new to the class joined for the first time.",
    "Moved to the library because of testing.",
    "Kept it short because of the assembly.",
)
CANCELLED_NOTES = (
    "Cancelled: assembly.",
    "Cancelled: fire drill.",
    "Cancelled: testing schedule.",
    "Cancelled: teacher absent.",
    "Cancelled: early release.",
)

PLACES = (
    "Classroom",
    "Hallway",
    "Cafeteria",
    "Bus",
    "Gym",
    "Locker room",
    "Library",
    "Bathroom",
    "Stairwell",
    "Courtyard",
    "Parking lot",
    "Bus stop",
    "After-school practice",
)
PLACES_BY_CATEGORY: dict[str, tuple[str, ...]] = {
    "Online or social media harm": ("Online", "Group chat", "Social media"),
    "Harm to a relationship with staff": ("Classroom", "Hallway", "Main office"),
    "Classroom disruption": ("Classroom", "Science lab", "Computer lab", "Library"),
    "Returning after absence or suspension": ("Counseling office", "Main office"),
}

DESCRIPTIONS: dict[str, tuple[str, ...]] = {
    "Conflict between students": (
        "Argument over a seat turned into pushing.",
        "Two students argued about a group project and stopped working together.",
        "A disagreement during a game became heated.",
        "A rumor led to an argument between two groups of friends.",
        "Insults were traded before the bell and a teacher stepped in.",
    ),
    "Hurtful words or teasing": (
        "Repeated comments about a classmate's clothes.",
        "Teasing about an accent during a presentation.",
        "Name-calling that went on for several days.",
        "Jokes about a classmate's family that went too far.",
        "Laughing at a classmate who answered a question wrong.",
    ),
    "Physical harm": (
        "Shoving during passing time; one student fell.",
        "A fight started after a dispute over a phone.",
        "A student was tripped on purpose.",
        "A thrown water bottle hit another student.",
        "Play fighting that ended with a student hurt.",
    ),
    "Bullying or harassment": (
        "A student was left out of the lunch table on purpose for several weeks.",
        "A student was followed and taunted after school more than once.",
        "Comments about a classmate's religion over several days.",
        "Repeated unwanted comments about a classmate's body.",
    ),
    "Online or social media harm": (
        "An embarrassing photo was shared in a group chat.",
        "A fake account was made to mock a classmate.",
        "Threatening messages were sent late at night.",
        "Hurtful comments under a classmate's video.",
    ),
    "Damage to property or belongings": (
        "Writing on a desk and a wall.",
        "A borrowed calculator came back broken.",
        "A classmate's artwork was torn down.",
        "A classmate's backpack was taken and hidden.",
    ),
    "Harm to a relationship with staff": (
        "Walked out of class after swearing at the teacher.",
        "Argued loudly with a staff member and refused directions.",
        "A disrespectful comment to a substitute teacher.",
        "Slammed a door on a staff member.",
    ),
    "Classroom disruption": (
        "Repeated talking and phone use during a test.",
        "Paper thrown across the room during a lesson.",
        "A loud argument that stopped the lesson.",
    ),
    "Strained relationship": (
        "Two former friends stopped speaking and the tension spread to their friend groups.",
        "Ongoing tension between lab partners.",
        "Friction on the team after a disagreement about playing time.",
    ),
    "Returning after absence or suspension": (
        "Returning after a three-day suspension for a fight.",
        "Returning after a long absence; worried about how classmates will react.",
        "Returning after a suspension for a threat made online.",
    ),
}
DESCRIPTIONS_BY_KIND: dict[CategoryKind, tuple[str, ...]] = {
    CategoryKind.HARM: (
        "A classmate was hurt by what was said and done.",
        "Harm between students that others saw and talked about.",
    ),
    CategoryKind.CONCERN: ("Staff noticed a pattern that worries them.",),
    CategoryKind.POSITIVE: ("A student stepped in to help a classmate.",),
    CategoryKind.NEUTRAL: ("A check-in the student asked for.",),
}

ITEMS_FOR_PERSON_WHO_CAUSED_HARM = (
    "Apologize in person and talk about how to make things right.",
    "Write a letter of apology.",
    "Sit at a different table at lunch for two weeks.",
    "Check in with the counselor every Friday.",
    "Use the calm-down pass instead of leaving class.",
    "Help the teacher set up the room before class for a week.",
    "Meet again with the person harmed and the facilitator in two weeks.",
    "Stay away from the group chat where this started.",
    "Make up the missed work with tutoring support.",
)
ITEMS_BY_CATEGORY: dict[str, tuple[str, ...]] = {
    "Damage to property or belongings": ("Repair or pay for what was damaged.",),
    "Online or social media harm": ("Take down the posts and ask friends to delete copies.",),
    "Harm to a relationship with staff": ("Meet the teacher after school to talk it through.",),
    "Returning after absence or suspension": ("Meet with a mentor twice a week.",),
}
ITEMS_FOR_PERSON_HARMED = (
    "Tell a trusted adult right away if it happens again.",
    "Check in with the counselor on Mondays.",
    "Let the teacher know if the seating needs to change.",
)
ITEMS_FOR_STAFF = (
    "Check in with both students every Friday for three weeks.",
    "Change the seating chart.",
    "Call home to share how the first week went.",
    "Arrange a schedule change for the shared class.",
    "Keep an eye on the hallway during passing time.",
)
ITEMS_FOR_FAMILY = (
    "Talk at home about phone use and make a plan together.",
    "Come to the follow-up meeting.",
    "Check the planner each evening.",
)

FOLLOW_UP_DONE = (
    "Checked in; both students say things have been calm.",
    "Done: the apology was made and accepted.",
    "Teacher reports the change is working.",
    "Done and confirmed with the family.",
)
FOLLOW_UP_MISSED = (
    "Not done yet; talked about what got in the way.",
    "The check-in did not happen; rescheduled.",
    "Not done; the student asked for help with it.",
)
FOLLOW_UP_RENEGOTIATED = (
    "Changed by agreement: a smaller step for now.",
    "Talked it over and agreed on a new date.",
)
FOLLOW_UP_CHECK_INS = (
    "Short check-in; no new concerns.",
    "Called home; the family says things are better.",
    "Student asked for more time; agreed to check again next week.",
    "Teacher reports a good week.",
)

MEETING_NOTES = (
    "Everyone spoke and listened.",
    "Needed a short break halfway through.",
    "Family joined by phone.",
    "Met with each side separately first.",
    "Agreement written together and signed.",
    "Took longer than planned; worth it.",
)
AGREEMENT_NOTES = ("Signed by everyone present.", "Copies given to the family.", "")

ESCALATION_REASONS = (
    "Harm happened again after the first conversation.",
    "Serious enough that the team chose a formal process.",
    "The family asked for a formal conference.",
)
STEP_DOWN_REASONS = (
    "The plan is working; stepping down to regular check-ins.",
    "Goals met; follow-up continues at Tier 2.",
)
