"""The pre-conference checklist of a case, one row per participant: read it for the case, put
one participant's, and read the choices of the case's persons harmed for the consent rule
(domain/continuum/preparation.py). Audit events carry ids and counts, never a name or a word
of what was said."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from rp_desktop.db.models import CaseParticipantRow, PreparationRow
from rp_desktop.domain.continuum.kinds import Willingness
from rp_desktop.domain.continuum.preparation import (
    Preparation,
    PreparationFields,
    validate_preparation,
)
from rp_desktop.domain.validation import EARLIEST_DATE
from rp_desktop.domain.vocabulary import AuditAction, Role
from rp_desktop.services import drafts
from rp_desktop.services.audit import record_event
from rp_desktop.services.casework.cases import load_case
from rp_desktop.services.casework.checks import refuse, touch
from rp_desktop.services.safekeeping.database import Database

ENTITY = "preparation"


class ParticipantNotFound(LookupError):
    def __init__(self, participant_id: int) -> None:
        super().__init__(f"There is no case participant with id {participant_id}.")


def case_preparations(db: Database, case_id: int) -> tuple[Preparation, ...]:
    """Each participant of the case with their preparation, in the case's order; one with
    none recorded has the defaults (not asked) and `saved` False."""
    with Session(db.engine) as session:
        load_case(session, case_id)  # CaseNotFound when it is gone
        rows = session.execute(
            select(CaseParticipantRow.id, PreparationRow)
            .outerjoin(PreparationRow, PreparationRow.participant_id == CaseParticipantRow.id)
            .where(CaseParticipantRow.case_id == case_id)
            .order_by(CaseParticipantRow.id)
        ).all()
        return tuple(
            Preparation(pid, _fields(row), saved=True)
            if row is not None
            else Preparation(pid, PreparationFields(), saved=False)
            for pid, row in rows
        )


def put_preparation(
    db: Database,
    participant_id: int,
    fields: PreparationFields,
    *,
    replaces_draft: str | None = None,
) -> Preparation:
    """Save one participant's preparation (added, or replacing what was there); InvalidInput
    (nothing written) when a rule is broken."""
    with Session(db.engine) as session, session.begin():
        drafts.delete_replaced(session, replaces_draft)
        participant = session.get(CaseParticipantRow, participant_id)
        if participant is None:
            raise ParticipantNotFound(participant_id)
        case_row = load_case(session, participant.case_id)
        case_on = case_row.occurred_on or EARLIEST_DATE
        refuse(validate_preparation(fields, case_on, db.today()))
        row = session.scalar(
            select(PreparationRow).where(PreparationRow.participant_id == participant_id)
        )
        action = AuditAction.UPDATE if row is not None else AuditAction.CREATE
        if row is None:
            row = PreparationRow(participant_id=participant_id)
            session.add(row)
        _fill(row, fields)
        touch(case_row, db)
        session.flush()
        detail = f"case={case_row.id} participant={participant_id}"
        record_event(session, db, action, ENTITY, row.id, detail)
        return Preparation(participant_id, _fields(row))


def harmed_choices(session: Session, case_id: int) -> list[Willingness]:
    """The choice about taking part of each person harmed on the case, NOT_ASKED for one with
    no preparation: what the consent rule looks at."""
    rows = session.execute(
        select(PreparationRow.willingness)
        .select_from(CaseParticipantRow)
        .outerjoin(PreparationRow, PreparationRow.participant_id == CaseParticipantRow.id)
        .where(
            CaseParticipantRow.case_id == case_id,
            CaseParticipantRow.role == Role.PERSON_HARMED,
        )
    ).all()
    return [choice or Willingness.NOT_ASKED for (choice,) in rows]


def _fill(row: PreparationRow, fields: PreparationFields) -> None:
    row.met_on = fields.met_on
    row.explained = fields.explained
    row.willingness = fields.willingness
    row.safety_concerns = fields.safety_concerns
    row.supporters_chosen = fields.supporters_chosen
    row.supporters = fields.supporters
    row.consent_on = fields.consent_on
    row.note = fields.note


def _fields(row: PreparationRow) -> PreparationFields:
    return PreparationFields(
        met_on=row.met_on,
        explained=row.explained,
        willingness=row.willingness,
        safety_concerns=row.safety_concerns,
        supporters_chosen=row.supporters_chosen,
        supporters=row.supporters,
        consent_on=row.consent_on,
        note=row.note,
    )
