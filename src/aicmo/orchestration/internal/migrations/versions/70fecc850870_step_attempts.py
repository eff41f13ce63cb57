"""step attempts

Revision ID: 70fecc850870
Revises: ffd7552936ac
Create Date: 2026-11-26 05:23:23.331778
"""

from alembic import op
import sqlalchemy as sa
from aicmo.platform.db import UtcDateTime

revision = "70fecc850870"
down_revision = "ffd7552936ac"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "orchestration_step_attempts",
        sa.Column("run_id", sa.Uuid(), nullable=False),
        sa.Column("function_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(length=60), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_started_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"], ["orchestration_runs.id"], name=op.f("fk_orchestration_step_attempts_run_id_orchestration_runs")
        ),
        sa.PrimaryKeyConstraint("run_id", "function_id", name=op.f("pk_orchestration_step_attempts")),
    )


def downgrade() -> None:
    op.drop_table("orchestration_step_attempts")
