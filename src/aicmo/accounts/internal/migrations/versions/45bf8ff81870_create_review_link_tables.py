"""create review link tables

Revision ID: 45bf8ff81870
Revises: b19280f2a283
Create Date: 2026-11-26 22:35:14.847176
"""

from alembic import op
import sqlalchemy as sa
from aicmo.platform.db import UtcDateTime

revision = "45bf8ff81870"
down_revision = "b19280f2a283"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "accounts_review_links",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("run_id", sa.Uuid(), nullable=False),
        sa.Column("client", sa.String(length=200), nullable=False),
        sa.Column("pack_digest", sa.String(length=64), nullable=False),
        sa.Column("created_by", sa.String(length=320), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("expires_at", UtcDateTime(), nullable=False),
        sa.Column("sent_to", sa.String(length=320), nullable=True),
        sa.Column("sent_at", UtcDateTime(), nullable=True),
        sa.Column("revoked_at", UtcDateTime(), nullable=True),
        sa.Column("decision", sa.String(length=20), nullable=True),
        sa.Column("decided_at", UtcDateTime(), nullable=True),
        sa.Column("decision_comment", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts_review_links")),
    )
    with op.batch_alter_table("accounts_review_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_accounts_review_links_run_id"), ["run_id"], unique=False)

    op.create_table(
        "accounts_review_comments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("link_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("item_label", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["link_id"],
            ["accounts_review_links.id"],
            name=op.f("fk_accounts_review_comments_link_id_accounts_review_links"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts_review_comments")),
    )
    with op.batch_alter_table("accounts_review_comments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_accounts_review_comments_link_id"), ["link_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("accounts_review_comments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_accounts_review_comments_link_id"))

    op.drop_table("accounts_review_comments")
    with op.batch_alter_table("accounts_review_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_accounts_review_links_run_id"))

    op.drop_table("accounts_review_links")
