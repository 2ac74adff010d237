"""Drafts of open forms, saved as the user types so that a crash or a kill loses nothing.

A draft is not a record: saving or deleting one writes no audit event, and no list or report
reads it. It lives in the database, so an encrypted database keeps its drafts encrypted too.
Each call is one short transaction; saving is a single upsert statement.
"""

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, delete, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from rp_desktop.db.models import FormDraftRow
from rp_desktop.services.safekeeping.database import Database

# Column sizes of form_draft (migration 0004).
LONGEST_KEY = 80
LONGEST_FORM = 40
LONGEST_LABEL = 100

JsonObject = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Draft:
    """What one form held when it was last typed in.

    `label` describes the form without quoting what was typed ("Tier 2 case"); `fields` is what
    the form needs to fill itself in again, as JSON values."""

    id: int
    key: str
    form: str
    record_id: int | None
    label: str
    fields: JsonObject
    saved_at: datetime


def save_draft(
    db: Database,
    key: str,
    form: str,
    record_id: int | None,
    label: str,
    fields: JsonObject,
) -> None:
    """Keep `fields` as the draft called `key`, replacing the one saved before."""
    if not key or len(key) > LONGEST_KEY:
        raise ValueError(f"a draft key is 1 to {LONGEST_KEY} characters")
    if not form or len(form) > LONGEST_FORM:
        raise ValueError(f"a form name is 1 to {LONGEST_FORM} characters")
    values = {
        "form": form,
        "record_id": record_id,
        "label": label[:LONGEST_LABEL],
        "fields": json.dumps(fields, ensure_ascii=False, separators=(",", ":")),
        "saved_at": db.now(),
    }
    statement = insert(FormDraftRow).values(key=key, **values)
    statement = statement.on_conflict_do_update(index_elements=[FormDraftRow.key], set_=values)
    with Session(db.engine) as session, session.begin():
        session.execute(statement)


def delete_draft(db: Database, key: str) -> bool:
    """Forget the draft called `key`; True if there was one."""
    with Session(db.engine) as session, session.begin():
        result = session.execute(delete(FormDraftRow).where(FormDraftRow.key == key))
        return cast(CursorResult[Any], result).rowcount > 0


def get_draft(db: Database, key: str) -> Draft | None:
    with Session(db.engine) as session:
        row = session.scalars(select(FormDraftRow).where(FormDraftRow.key == key)).one_or_none()
        return None if row is None else _record(row)


def list_drafts(db: Database) -> list[Draft]:
    """Every draft, the most recently saved first."""
    with Session(db.engine) as session:
        rows = session.scalars(
            select(FormDraftRow).order_by(FormDraftRow.saved_at.desc(), FormDraftRow.id.desc())
        )
        return [_record(row) for row in rows]


def _record(row: FormDraftRow) -> Draft:
    return Draft(
        id=row.id,
        key=row.key,
        form=row.form,
        record_id=row.record_id,
        label=row.label,
        fields=_fields(row.fields),
        saved_at=row.saved_at,
    )


def _fields(text: str) -> JsonObject:
    """The saved fields; a draft that cannot be read gives an empty form, not an error."""
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def delete_replaced(session: Session, key: str | None) -> None:
    """Inside the transaction that saves a form's record: delete that form's draft (`key`; None
    when the save does not come from a form), so a crash can never leave both a saved record and
    a draft that would save it again. Each service that saves what a form holds calls this with
    the key the form gives it."""
    if key:
        session.execute(delete(FormDraftRow).where(FormDraftRow.key == key))
