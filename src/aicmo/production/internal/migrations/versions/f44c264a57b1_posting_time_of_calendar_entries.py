"""posting time of calendar entries

Revision ID: f44c264a57b1
Revises: 171a8308efd2
Create Date: 2026-11-26 13:22:04.622377
"""

from alembic import op
import sqlalchemy as sa


revision = "f44c264a57b1"
down_revision = "171a8308efd2"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("production_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("scheduled_time", sa.Time(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("production_items", schema=None) as batch_op:
        batch_op.drop_column("scheduled_time")
