"""create qc tables

Revision ID: c345911961e7
Revises:
Create Date: 2026-11-26 02:19:34.982670
"""

from alembic import op
import sqlalchemy as sa
from aicmo.platform.db import UtcDateTime

revision = "c345911961e7"
down_revision = None
branch_labels = ("qc",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "qc_outbox",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("event_type", sa.String(length=120), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("occurred_at", UtcDateTime(), nullable=False),
        sa.Column("correlation_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qc_outbox")),
    )
    with op.batch_alter_table("qc_outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_qc_outbox_event_type"), ["event_type"], unique=False)
        batch_op.create_index(batch_op.f("ix_qc_outbox_status"), ["status"], unique=False)

    op.create_table(
        "qc_runs",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("pack_id", sa.Uuid(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("threshold", sa.Integer(), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("voided_at", UtcDateTime(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qc_runs")),
    )
    with op.batch_alter_table("qc_runs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_qc_runs_pack_id"), ["pack_id"], unique=False)

    op.create_table(
        "qc_findings",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("run_id", sa.Uuid(), nullable=False),
        sa.Column("rule_id", sa.String(length=60), nullable=False),
        sa.Column("severity", sa.String(length=10), nullable=False),
        sa.Column("item_id", sa.Uuid(), nullable=True),
        sa.Column("message", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["run_id"], ["qc_runs.id"], name=op.f("fk_qc_findings_run_id_qc_runs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qc_findings")),
    )
    with op.batch_alter_table("qc_findings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_qc_findings_run_id"), ["run_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("qc_findings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_qc_findings_run_id"))

    op.drop_table("qc_findings")
    with op.batch_alter_table("qc_runs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_qc_runs_pack_id"))

    op.drop_table("qc_runs")
    with op.batch_alter_table("qc_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_qc_outbox_status"))
        batch_op.drop_index(batch_op.f("ix_qc_outbox_event_type"))

    op.drop_table("qc_outbox")
