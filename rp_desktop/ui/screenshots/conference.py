"""A conference for `rp-desktop screenshot --view circle-console-conference`: the latest Tier 2
case of harm with a person who caused harm and a person harmed, its circle set up with the
conference script (the case's people with their parts, the facilitator keeping), at the first
question to the person who caused harm, on a clock that stands still."""

from rp_desktop.domain.circle import Move
from rp_desktop.domain.records import Case, ListQuery
from rp_desktop.domain.vocabulary import Role, Tier
from rp_desktop.services.casework import cases
from rp_desktop.services.safekeeping.database import Database
from rp_desktop.ui.run_circle.chime import SilentChime
from rp_desktop.ui.run_circle.runner import CircleRunner
from rp_desktop.ui.run_circle.setup_tab import CircleSetupTab

CONFERENCE_VIEW = "circle-console-conference"
LOOKED_AT = 50  # the latest cases looked through for one with both sides of a harm


def conference_circle(db: Database, school_year: int) -> CircleRunner:
    """The conference of the latest case with both sides of a harm, at its first step."""
    case = _case_of_harm(db)
    if case is None:
        raise ValueError("This database has no Tier 2 case of harm to show a conference with.")
    seconds = [0.0]
    setup = CircleSetupTab(db, school_year, clock=lambda: seconds[0], chime=SilentChime())
    setup.set_case(case)
    setup.conference.on.setChecked(True)
    runner = setup.start_circle()
    if runner is None:
        raise ValueError("The case's circle could not be set up.")
    runner.setParent(None)  # the "Run a circle" tab is only scaffolding here
    session = runner.session
    session.move(Move.START)
    while runner.console.guide.step(session.snapshot.round.index) is None:
        if not session.move(Move.NEXT_ROUND):
            break
    seconds[0] += 48.0
    session.refresh()
    return runner


def _case_of_harm(db: Database) -> Case | None:
    both = {Role.PERSON_WHO_CAUSED_HARM, Role.PERSON_HARMED}
    for item in cases.list_cases(db, Tier.TARGETED, ListQuery(), limit=LOOKED_AT).rows:
        case = cases.get_case(db, item.id)
        if both <= {p.fields.role for p in case.participants}:
            return case
    return None
