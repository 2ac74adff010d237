"""The words of a sample school's casework: answers to the restorative questions, the rounds of a
re-entry plan, support plans and their progress notes, and counselors' memory aids. Short, plain
sentences in the words people use in a circle, with no names in them."""

from rp_desktop.domain.casework.restorative import RestorativeQuestion as Q

ANSWERS_OF_PERSON_WHO_CAUSED_HARM: dict[Q, tuple[str, ...]] = {
    Q.WHAT_HAPPENED: (
        "We were arguing and I pushed them.",
        "I said things in the group chat that I should not have said.",
        "I got angry, walked out and said something rude on the way.",
        "I was joking around and it went too far.",
        "Someone said something about me and I reacted without thinking.",
    ),
    Q.THINKING_AT_THE_TIME: (
        "I was not really thinking; I was just angry.",
        "I thought it was funny and that nobody would mind.",
        "I thought they were talking about me.",
        "I wanted my friends to see I was not scared.",
        "I was stressed about other things and let it out.",
    ),
    Q.THOUGHT_ABOUT_SINCE: (
        "That I should have walked away.",
        "How it looked to everyone who was there.",
        "I feel bad about it and I want to fix it.",
        "That it was not worth it.",
        "What I would feel if it happened to my little sister.",
    ),
    Q.WHO_HAS_BEEN_AFFECTED: (
        "The person I hurt, and their friends.",
        "My family, because they had to come in.",
        "The whole class, because the lesson stopped.",
        "My teacher, and me too.",
        "The people who saw it.",
    ),
    Q.IN_WHAT_WAY: (
        "They felt embarrassed in front of everyone.",
        "They did not feel safe coming to class.",
        "My family was worried and had to leave work.",
        "The class lost time and people were upset.",
        "It hurt our friendship.",
    ),
    Q.WHAT_YOU_NEED_TO_DO: (
        "Apologize and mean it.",
        "Give them space and stop talking about it.",
        "Fix what I broke.",
        "Tell someone when I start getting angry.",
        "Take the posts down and ask my friends to stop sharing them.",
    ),
}
ANSWERS_OF_PERSON_HARMED: dict[Q, tuple[str, ...]] = {
    Q.THOUGHT_WHEN_REALISED: (
        "I was shocked; I did not see it coming.",
        "I thought, why me?",
        "I was scared it would keep happening.",
        "I felt embarrassed and wanted to leave.",
        "I was angry at first, then just tired.",
    ),
    Q.IMPACT_ON_YOU_AND_OTHERS: (
        "It was hard to focus for the rest of the week.",
        "I did not want to come to school the next day.",
        "My friends were upset too and did not know what to do.",
        "I kept checking my phone and could not sleep.",
    ),
    Q.HARDEST_THING: (
        "Walking into the room the next day.",
        "Feeling like people were talking about it.",
        "Not knowing if it would happen again.",
        "Telling my family about it.",
    ),
    Q.WHAT_NEEDS_TO_HAPPEN: (
        "An apology, and for it to stop.",
        "I want to feel safe in that room again.",
        "I want us to be able to share a room without trouble.",
        "Take down what was posted.",
        "Some space for a while, and then we will see.",
    ),
}
ANSWERS_OF_FAMILY: dict[Q, tuple[str, ...]] = {
    Q.THOUGHT_WHEN_REALISED: (
        "I was worried when the school called.",
        "I was upset and wanted to understand what happened.",
        "I was surprised; this is not like my child.",
        "I felt let down and worried at the same time.",
    ),
    Q.IMPACT_ON_YOU_AND_OTHERS: (
        "It has been tense at home all week.",
        "I had to take time off work to come in.",
        "The younger kids at home picked up on it too.",
        "My child has been quiet and not sleeping well.",
    ),
    Q.HARDEST_THING: (
        "Seeing my child this upset.",
        "Not knowing the whole story at first.",
        "Worrying about what happens next at school.",
    ),
    Q.WHAT_NEEDS_TO_HAPPEN: (
        "My child needs to make it right and learn from it.",
        "Keep us in the loop, and check in with my child.",
        "A plan so this does not happen again.",
        "Both kids need to come to school and feel okay.",
    ),
}
# Supporters and witnesses: members of the school community who were affected too.
ANSWERS_OF_COMMUNITY: dict[Q, tuple[str, ...]] = {
    Q.THOUGHT_WHEN_REALISED: (
        "I was surprised; I know both of them well.",
        "I was worried about everyone who saw it.",
        "I thought it could have been much worse.",
        "I was sad that it got this far.",
    ),
    Q.IMPACT_ON_YOU_AND_OTHERS: (
        "The room was unsettled for the rest of the day.",
        "People took sides and the hallway felt tense.",
        "We lost time we needed for other things.",
        "Friends were stuck in the middle.",
    ),
    Q.HARDEST_THING: (
        "Watching it happen and not knowing how to help.",
        "Seeing friends stop talking to each other.",
        "Keeping things going for everyone else afterwards.",
    ),
    Q.WHAT_NEEDS_TO_HAPPEN: (
        "A fresh start for everyone once things are made right.",
        "A check-in next week to see how it is going.",
        "Clear steps that everyone agrees to.",
        "I can help by checking in on both of them.",
    ),
}
# Staff who were there: what they saw, what they need.
ANSWERS_OF_STAFF: dict[Q, tuple[str, ...]] = {
    Q.WHAT_YOU_SAW: (
        "Raised voices by the lockers, then a push.",
        "The posts on the class page, shown to me by another student.",
        "Two students arguing as the bell went.",
    ),
    Q.WHAT_YOU_NEED: (
        "A heads-up if it starts again in my room.",
        "Nothing more; I am glad it was talked through.",
        "A seating change for a couple of weeks.",
    ),
}

RE_ENTRY_SUPPORTS = (
    "A daily check-in with the counselor for the first two weeks.",
    "The counseling office as a quiet place to go when things get hard.",
    "Teachers put the missed work in one folder.",
    "A mentor to eat lunch with on the first days back.",
    "A call home at the end of the first week.",
    "Tutoring after school to catch up.",
)
RE_ENTRY_NEEDS = (
    "To feel welcome back and not talked about.",
    "Time to catch up on missed work.",
    "A way to step out of class for a moment without trouble.",
    "To know which adult to go to when something comes up.",
    "A fresh start with the classmates involved.",
)
RE_ENTRY_RESPONSIBILITIES = (
    "Check in each morning before first period.",
    "Use the pass instead of walking out.",
    "Ask for help with missed work by Friday.",
    "Stay out of the group chat where this started.",
    "Come to the follow-up meeting with family.",
    "Talk to the mentor before things build up.",
)

SUPPORT_PLAN_GOALS = (  # a goal and the strategies towards it
    (
        "Stay in class for the whole period on most days.",
        "Calm-down pass for up to ten minutes. Check-in with the counselor before first period. "
        "Teachers note on the daily sheet when the pass is used.",
    ),
    (
        "Get through passing time without conflict.",
        "Walk with a staff member between the two hardest periods. Use the east stairs. "
        "Talk it through with the counselor when tension builds.",
    ),
    (
        "Come to school on time four days a week.",
        "Morning text from the mentor. Breakfast in the counseling office. "
        "Weekly look at attendance with the family.",
    ),
    (
        "Handle disagreements with words.",
        "Weekly session with the social worker on noticing anger early. "
        "A signal to the teacher when a break is needed.",
    ),
    (
        "Turn in missing work and keep up in every class.",
        "Planner signed by each teacher. Tutoring twice a week after school. "
        "Friday look at grades with the counselor.",
    ),
    (
        "Rebuild trust with the teacher and the class.",
        "Short check-in with the teacher at the start of class. A job in the room that helps "
        "the class. Meet with the teacher and the facilitator every two weeks.",
    ),
    (
        "Use phones and group chats safely and kindly.",
        "Phone stays in the locker during class. A phone plan made at home. "
        "Monday check-in about the group chat.",
    ),
    (
        "Feel connected to at least one adult and one activity at school.",
        "Weekly lunch with a mentor. Try one club or team this semester. "
        "Family invited to the next school event.",
    ),
)
# Notes on a progress check, by how it went: ratings 1-2, 3, and 4-5.
PROGRESS_NOTES = (
    (
        "Hard week; walked out twice.",
        "Rough start; talked about what got in the way.",
        "Did not use the plan this week.",
        "Absent two days; hard to tell.",
    ),
    (
        "Some good days and some hard ones.",
        "Used the pass twice instead of leaving.",
        "Better in the mornings than the afternoons.",
        "Getting there; one setback on Thursday.",
    ),
    (
        "Good week; met the goal every day.",
        "Teachers report real progress.",
        "Used the strategies without reminders.",
        "Family called to say things are better at home too.",
    ),
)

PRIVATE_NOTES = (
    "Call home after 4 pm.",
    "Check in before first period.",
    "Prefers to talk in the counseling office, not the hallway.",
    "Ask how the new bus route is going.",
    "Family prefers text messages to calls.",
    "Bring the missed-work folder to the next check-in.",
    "Ask about the art club sign-up.",
    "Check whether the seating change is working.",
    "Family needs an interpreter for calls home.",
    "Mornings are hard; talk in the afternoon.",
)
