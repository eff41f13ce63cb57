"""events: immutable outbox rows; onboarding

Revision ID: bba4c0786d9a
Revises: 82380a614ddd
Create Date: 2026-11-26 03:13:46.423356
"""

from alembic import op
import sqlalchemy as sa


revision = "bba4c0786d9a"
down_revision = "82380a614ddd"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("onboarding_intakes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("contact_email", sa.String(length=320), nullable=True))
        batch_op.add_column(sa.Column("contact_name", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("origin_key", sa.String(length=200), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_onboarding_intakes_origin_key"), ["origin_key"])

    with op.batch_alter_table("onboarding_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_onboarding_outbox_status"))
        batch_op.create_index(batch_op.f("ix_onboarding_outbox_occurred_at"), ["occurred_at"], unique=False)
        batch_op.drop_column("last_error")
        batch_op.drop_column("attempts")
        batch_op.drop_column("status")


def downgrade() -> None:
    with op.batch_alter_table("onboarding_outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("status", sa.VARCHAR(length=20), nullable=False))
        batch_op.add_column(sa.Column("attempts", sa.INTEGER(), nullable=False))
        batch_op.add_column(sa.Column("last_error", sa.TEXT(), nullable=True))
        batch_op.drop_index(batch_op.f("ix_onboarding_outbox_occurred_at"))
        batch_op.create_index(batch_op.f("ix_onboarding_outbox_status"), ["status"], unique=False)

    with op.batch_alter_table("onboarding_intakes", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_onboarding_intakes_origin_key"), type_="unique")
        batch_op.drop_column("origin_key")
        batch_op.drop_column("contact_name")
        batch_op.drop_column("contact_email")
