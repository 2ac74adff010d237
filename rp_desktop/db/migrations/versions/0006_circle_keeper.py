"""The circle's keeper: a Tier 1 circle's `facilitator_id` becomes `keeper_id` (a circle has a
keeper; a case meeting keeps its facilitator), with its foreign key named after it.

The circle form's field is called `keeper_id` too, so the drafts of circle forms saved before
this revision have their value moved to that name: a draft left by a crash is not lost. Nothing
else of a circle, a circle run or the circle library was called facilitator.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-09 10:00:00.000000
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The form name ui/circles/form.py gives its drafts.
CIRCLE_FORM = "circle"


def upgrade() -> None:
    _rename_column("facilitator_id", "keeper_id")
    _rename_draft_field("facilitator_id", "keeper_id")


def downgrade() -> None:
    _rename_draft_field("keeper_id", "facilitator_id")
    _rename_column("keeper_id", "facilitator_id")


def _rename_column(old: str, new: str) -> None:
    # Two steps: a foreign key added in the batch that renames its column is not kept.
    with op.batch_alter_table("community_circle", schema=None) as batch_op:
        batch_op.alter_column(
            old, new_column_name=new, existing_type=sa.Integer(), existing_nullable=True
        )
    with op.batch_alter_table("community_circle", schema=None) as batch_op:
        batch_op.drop_constraint(f"fk_community_circle_{old}_staff", type_="foreignkey")
        batch_op.create_foreign_key(
            op.f(f"fk_community_circle_{new}_staff"),
            "staff",
            [new],
            ["id"],
            ondelete="SET NULL",
        )


def _rename_draft_field(old: str, new: str) -> None:
    """Move the value of the field `old` to `new` in every circle form draft, in its place."""
    connection = op.get_bind()
    drafts = connection.execute(
        sa.text("SELECT id, fields FROM form_draft WHERE form = :form"), {"form": CIRCLE_FORM}
    ).all()
    for draft_id, text in drafts:
        renamed = _renamed(text, old, new)
        if renamed is not None:
            connection.execute(
                sa.text("UPDATE form_draft SET fields = :fields WHERE id = :id"),
                {"fields": renamed, "id": draft_id},
            )


def _renamed(text: str, old: str, new: str) -> str | None:
    """The draft's JSON with the field renamed, written as services/drafts.py writes it; None
    when there is nothing to rename (a draft that is not JSON is left as it is)."""
    try:
        content = json.loads(text)
    except ValueError:
        return None
    values = content.get("values") if isinstance(content, dict) else None
    if not isinstance(values, dict) or old not in values:
        return None
    content["values"] = {(new if name == old else name): value for name, value in values.items()}
    return json.dumps(content, ensure_ascii=False, separators=(",", ":"))
