"""The tasks of a counselor's day that are counted, with what they took before issue 13 and
the most they may take now (clicks plus non-text keys: typed words are free)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Task:
    words: str
    before: str
    target: int


TASKS: dict[str, Task] = {
    "tier1_circle": Task(
        "log a Tier 1 circle held today with one advisory, two absent",
        "10 clicks + 1 key",
        6,
    ),
    "conversation": Task(
        "record a restorative conversation between two students, with the restorative questions",
        "~40 clicks + 3 keys + 2 long scrolls",
        15,
    ),
    "agreement_print": Task(
        "add an agreement with two items to it and print it for signing",
        "15 clicks + 3 keys",
        10,
    ),
    "find_student": Task(
        "find a student by an accented surname typed without accents, see their timeline",
        "1 click + 5 keys (timeline empty)",
        3,
    ),
    "run_circle_setup": Task(
        "set up a circle for an advisory and start it",
        "9 clicks",
        5,
    ),
    "run_circle_keys": Task(
        "run the circle: pass the piece three times, a pass, back, next round, end",
        "6 keys + 2 clicks (ending needed the mouse)",
        8,
    ),
    "log_practice_tally": Task(
        "log a tally of 3 affective statements",
        "not possible: no practice log (a Tier 2 case with a category, a description and a role)",
        4,
    ),
    "log_practice_chat": Task(
        "log a restorative chat with one student",
        "not possible: no practice log (a Tier 2 case with a category, a description and a role)",
        6,
    ),
}
