"""events: outbox positions and subscription cursors; orchestration

Revision ID: 4f2112a035aa
Revises: 70fecc850870
Create Date: 2026-11-26 16:24:10.516503
"""

from alembic import op
import sqlalchemy as sa


revision = "4f2112a035aa"
down_revision = "70fecc850870"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "orchestration_event_cursors",
        sa.Column("subscriber", sa.String(length=120), nullable=False),
        sa.Column("event_type", sa.String(length=120), nullable=False),
        sa.Column("source", sa.String(length=60), nullable=False),
        sa.Column("position", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("subscriber", "event_type", "source", name=op.f("pk_orchestration_event_cursors")),
    )
    with op.batch_alter_table("orchestration_outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("position", sa.BigInteger(), nullable=True))
    # Rows stored before positions existed are numbered in the order they occurred.
    op.execute(
        "UPDATE orchestration_outbox SET position = (SELECT count(*) FROM orchestration_outbox AS earlier"
        " WHERE earlier.occurred_at < orchestration_outbox.occurred_at"
        " OR (earlier.occurred_at = orchestration_outbox.occurred_at AND earlier.id <= orchestration_outbox.id))"
    )
    with op.batch_alter_table("orchestration_outbox", schema=None) as batch_op:
        batch_op.alter_column("position", existing_type=sa.BigInteger(), nullable=False)
        batch_op.create_index("ix_orchestration_outbox_event_type_position", ["event_type", "position"], unique=False)
        batch_op.create_unique_constraint(batch_op.f("uq_orchestration_outbox_position"), ["position"])


def downgrade() -> None:
    with op.batch_alter_table("orchestration_outbox", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_orchestration_outbox_position"), type_="unique")
        batch_op.drop_index("ix_orchestration_outbox_event_type_position")
        batch_op.drop_column("position")

    op.drop_table("orchestration_event_cursors")
