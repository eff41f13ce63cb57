"""create accounts tables

Revision ID: b19280f2a283
Revises:
Create Date: 2026-11-26 19:48:16.411470
"""

from alembic import op
import sqlalchemy as sa
from aicmo.platform.db import UtcDateTime

revision = "b19280f2a283"
down_revision = None
branch_labels = ("accounts",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "accounts_audit",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.Column("actor", sa.String(length=320), nullable=True),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=True),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("target", sa.String(length=400), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts_audit")),
    )
    with op.batch_alter_table("accounts_audit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_accounts_audit_at"), ["at"], unique=False)

    op.create_table(
        "accounts_failed_sign_ins",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts_failed_sign_ins")),
    )
    with op.batch_alter_table("accounts_failed_sign_ins", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_accounts_failed_sign_ins_email"), ["email"], unique=False)

    op.create_table(
        "accounts_outbox",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.BigInteger(), nullable=False),
        sa.Column("event_type", sa.String(length=120), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("occurred_at", UtcDateTime(), nullable=False),
        sa.Column("correlation_id", sa.Uuid(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts_outbox")),
        sa.UniqueConstraint("position", name=op.f("uq_accounts_outbox_position")),
    )
    with op.batch_alter_table("accounts_outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_accounts_outbox_event_type"), ["event_type"], unique=False)
        batch_op.create_index("ix_accounts_outbox_event_type_position", ["event_type", "position"], unique=False)
        batch_op.create_index(batch_op.f("ix_accounts_outbox_occurred_at"), ["occurred_at"], unique=False)

    op.create_table(
        "accounts_tokens",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("prefix", sa.String(length=20), nullable=False),
        sa.Column("secret_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("last_used_at", UtcDateTime(), nullable=True),
        sa.Column("revoked_at", UtcDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts_tokens")),
        sa.UniqueConstraint("prefix", name=op.f("uq_accounts_tokens_prefix")),
    )
    with op.batch_alter_table("accounts_tokens", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_accounts_tokens_user_id"), ["user_id"], unique=False)

    op.create_table(
        "accounts_users",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("client", sa.String(length=200), nullable=True),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("session_version", sa.Integer(), nullable=False),
        sa.Column("disabled_at", UtcDateTime(), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts_users")),
        sa.UniqueConstraint("email", name=op.f("uq_accounts_users_email")),
    )


def downgrade() -> None:
    op.drop_table("accounts_users")
    with op.batch_alter_table("accounts_tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_accounts_tokens_user_id"))

    op.drop_table("accounts_tokens")
    with op.batch_alter_table("accounts_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_accounts_outbox_occurred_at"))
        batch_op.drop_index("ix_accounts_outbox_event_type_position")
        batch_op.drop_index(batch_op.f("ix_accounts_outbox_event_type"))

    op.drop_table("accounts_outbox")
    with op.batch_alter_table("accounts_failed_sign_ins", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_accounts_failed_sign_ins_email"))

    op.drop_table("accounts_failed_sign_ins")
    with op.batch_alter_table("accounts_audit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_accounts_audit_at"))

    op.drop_table("accounts_audit")
