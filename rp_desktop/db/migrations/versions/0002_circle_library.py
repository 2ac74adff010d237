"""The circle library: keys for built-in prompts and templates, translations, plan timestamps,
and the rounds of a circle run as they were run.

Built-in prompts and templates are not inserted here: the services seed them from resources/ on
every start, by key, so later versions can add more without a migration.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 12:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("prompt", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seed_key", sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column("translation_of", sa.Integer(), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_prompt_seed_key"), ["seed_key"])
        batch_op.create_foreign_key(
            batch_op.f("fk_prompt_translation_of_prompt"),
            "prompt",
            ["translation_of"],
            ["id"],
            ondelete="SET NULL",
        )

    # Plans saved before this revision get the time of the upgrade: the best there is.
    with op.batch_alter_table("circle_plan", schema=None) as batch_op:
        batch_op.add_column(sa.Column("template_key", sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column("created_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("updated_at", sa.DateTime(), nullable=True))
        batch_op.create_unique_constraint(
            batch_op.f("uq_circle_plan_template_key"), ["template_key"]
        )
    op.execute(
        "UPDATE circle_plan SET created_at = CURRENT_TIMESTAMP, updated_at = CURRENT_TIMESTAMP"
    )
    with op.batch_alter_table("circle_plan", schema=None) as batch_op:
        batch_op.alter_column("created_at", existing_type=sa.DateTime(), nullable=False)
        batch_op.alter_column("updated_at", existing_type=sa.DateTime(), nullable=False)

    op.create_table(
        "run_round",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=40), nullable=False),
        sa.Column("prompt_text", sa.Text(), nullable=False),
        sa.Column("timing", sa.String(length=40), nullable=False),
        sa.Column("budget_seconds", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["circle_run.id"],
            name=op.f("fk_run_round_run_id_circle_run"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_run_round")),
        sa.UniqueConstraint("run_id", "number", name=op.f("uq_run_round_run_id_number")),
    )


def downgrade() -> None:
    op.drop_table("run_round")
    with op.batch_alter_table("circle_plan", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_circle_plan_template_key"), type_="unique")
        batch_op.drop_column("updated_at")
        batch_op.drop_column("created_at")
        batch_op.drop_column("template_key")
    with op.batch_alter_table("prompt", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_prompt_translation_of_prompt"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("uq_prompt_seed_key"), type_="unique")
        batch_op.drop_column("translation_of")
        batch_op.drop_column("seed_key")
