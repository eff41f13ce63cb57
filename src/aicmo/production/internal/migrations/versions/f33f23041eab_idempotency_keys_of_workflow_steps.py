"""idempotency keys of workflow steps

Revision ID: f33f23041eab
Revises: f0b4f10e1bfb
Create Date: 2026-11-26 03:04:18.267698
"""

from alembic import op
import sqlalchemy as sa


revision = "f33f23041eab"
down_revision = "f0b4f10e1bfb"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("production_packs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("request_key", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("revision_keys", sa.JSON(), nullable=False, server_default=sa.text("'[]'")))
        batch_op.create_unique_constraint(batch_op.f("uq_production_packs_request_key"), ["request_key"])


def downgrade() -> None:
    with op.batch_alter_table("production_packs", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_production_packs_request_key"), type_="unique")
        batch_op.drop_column("revision_keys")
        batch_op.drop_column("request_key")
