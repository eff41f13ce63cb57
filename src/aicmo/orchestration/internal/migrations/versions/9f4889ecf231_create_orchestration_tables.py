"""create orchestration tables

Revision ID: 9f4889ecf231
Revises:
Create Date: 2026-11-26 02:19:36.931193
"""

from alembic import op
import sqlalchemy as sa
from aicmo.platform.db import UtcDateTime

revision = "9f4889ecf231"
down_revision = None
branch_labels = ("orchestration",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "orchestration_outbox",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("event_type", sa.String(length=120), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("occurred_at", UtcDateTime(), nullable=False),
        sa.Column("correlation_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_orchestration_outbox")),
    )
    with op.batch_alter_table("orchestration_outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_orchestration_outbox_event_type"), ["event_type"], unique=False)
        batch_op.create_index(batch_op.f("ix_orchestration_outbox_status"), ["status"], unique=False)

    op.create_table(
        "orchestration_runs",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("workflow", sa.String(length=60), nullable=False),
        sa.Column("client_name", sa.String(length=200), nullable=False),
        sa.Column("state", sa.String(length=30), nullable=False),
        sa.Column("current_step", sa.String(length=60), nullable=True),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.Column("folder", sa.String(length=2000), nullable=False),
        sa.Column("started_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("finished_at", UtcDateTime(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("package_id", sa.String(length=36), nullable=True),
        sa.Column("qc_score", sa.Integer(), nullable=True),
        sa.Column("approval_comment", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_orchestration_runs")),
    )
    with op.batch_alter_table("orchestration_runs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_orchestration_runs_client_name"), ["client_name"], unique=False)
        batch_op.create_index(batch_op.f("ix_orchestration_runs_started_at"), ["started_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_orchestration_runs_state"), ["state"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("orchestration_runs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_orchestration_runs_state"))
        batch_op.drop_index(batch_op.f("ix_orchestration_runs_started_at"))
        batch_op.drop_index(batch_op.f("ix_orchestration_runs_client_name"))

    op.drop_table("orchestration_runs")
    with op.batch_alter_table("orchestration_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_orchestration_outbox_status"))
        batch_op.drop_index(batch_op.f("ix_orchestration_outbox_event_type"))

    op.drop_table("orchestration_outbox")
