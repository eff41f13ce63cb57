"""writer, prompt version and fallback of items

Revision ID: 41f5da906616
Revises: d5e14719a568
Create Date: 2026-11-26 16:24:10.683116
"""

from alembic import op
import sqlalchemy as sa


revision = "41f5da906616"
down_revision = "d5e14719a568"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("production_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("writer", sa.String(length=200), server_default="template", nullable=False))
        batch_op.add_column(sa.Column("prompt_version", sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column("fallback_reason", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("production_items", schema=None) as batch_op:
        batch_op.drop_column("fallback_reason")
        batch_op.drop_column("prompt_version")
        batch_op.drop_column("writer")
