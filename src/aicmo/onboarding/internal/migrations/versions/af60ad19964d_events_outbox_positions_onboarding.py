"""events: outbox positions; onboarding

Revision ID: af60ad19964d
Revises: bba4c0786d9a
Create Date: 2026-11-26 16:24:10.515845
"""

from alembic import op
import sqlalchemy as sa


revision = "af60ad19964d"
down_revision = "bba4c0786d9a"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("onboarding_outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("position", sa.BigInteger(), nullable=True))
    # Rows stored before positions existed are numbered in the order they occurred.
    op.execute(
        "UPDATE onboarding_outbox SET position = (SELECT count(*) FROM onboarding_outbox AS earlier"
        " WHERE earlier.occurred_at < onboarding_outbox.occurred_at"
        " OR (earlier.occurred_at = onboarding_outbox.occurred_at AND earlier.id <= onboarding_outbox.id))"
    )
    with op.batch_alter_table("onboarding_outbox", schema=None) as batch_op:
        batch_op.alter_column("position", existing_type=sa.BigInteger(), nullable=False)
        batch_op.create_index("ix_onboarding_outbox_event_type_position", ["event_type", "position"], unique=False)
        batch_op.create_unique_constraint(batch_op.f("uq_onboarding_outbox_position"), ["position"])


def downgrade() -> None:
    with op.batch_alter_table("onboarding_outbox", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_onboarding_outbox_position"), type_="unique")
        batch_op.drop_index("ix_onboarding_outbox_event_type_position")
        batch_op.drop_column("position")
