"""idempotency keys of workflow steps

Revision ID: 8fad921217f7
Revises: 4c8af7eddfee
Create Date: 2026-11-26 03:04:14.963100
"""

from alembic import op
import sqlalchemy as sa


revision = "8fad921217f7"
down_revision = "4c8af7eddfee"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("strategy_versions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("request_key", sa.String(length=200), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_strategy_versions_request_key"), ["request_key"])


def downgrade() -> None:
    with op.batch_alter_table("strategy_versions", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_strategy_versions_request_key"), type_="unique")
        batch_op.drop_column("request_key")
