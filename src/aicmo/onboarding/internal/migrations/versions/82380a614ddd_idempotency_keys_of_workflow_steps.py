"""idempotency keys of workflow steps

Revision ID: 82380a614ddd
Revises: 57fd10a90500
Create Date: 2026-11-26 03:04:11.091724
"""

from alembic import op
import sqlalchemy as sa


revision = "82380a614ddd"
down_revision = "57fd10a90500"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("onboarding_brief_versions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("capture_key", sa.String(length=200), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_onboarding_brief_versions_capture_key"), ["capture_key"])


def downgrade() -> None:
    with op.batch_alter_table("onboarding_brief_versions", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_onboarding_brief_versions_capture_key"), type_="unique")
        batch_op.drop_column("capture_key")
