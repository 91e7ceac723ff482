"""ids never reused (SQLite AUTOINCREMENT), device keys per account, several live reset links

Revision ID: e5a1c7d93b20
Revises: d4b8e2f61a37
Create Date: 2026-12-06 16:20:00.000000

"""
import secrets

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e5a1c7d93b20'
down_revision = 'd4b8e2f61a37'
branch_labels = None
depends_on = None


def _rebuild_with_autoincrement(table: str) -> None:
    """SQLite: rebuild a table so its ids are never reused (AUTOINCREMENT); elsewhere nothing."""
    if op.get_bind().dialect.name != 'sqlite':
        return
    with op.batch_alter_table(
        table, recreate='always', table_kwargs={'sqlite_autoincrement': True}
    ):
        pass


def upgrade() -> None:
    op.create_table('reset_links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_reset_links_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reset_links')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_reset_links_token_hash')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('reset_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reset_links_user_id'), ['user_id'], unique=False)

    users = sa.table(
        'users',
        sa.column('id', sa.Integer),
        sa.column('reset_token_hash', sa.String),
        sa.column('reset_expires_at', sa.DateTime),
        sa.column('device_key', sa.String),
    )
    bind = op.get_bind()
    # A link mailed before the upgrade keeps working until it expires.
    for row in bind.execute(
        sa.select(users.c.id, users.c.reset_token_hash, users.c.reset_expires_at).where(
            users.c.reset_token_hash.is_not(None)
        )
    ).all():
        bind.execute(
            sa.text(
                'INSERT INTO reset_links (user_id, token_hash, expires_at) VALUES (:u, :t, :e)'
            ),
            {'u': row.id, 't': row.reset_token_hash, 'e': row.reset_expires_at},
        )

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('device_key', sa.String(length=32), nullable=True))
    for (user_id,) in bind.execute(sa.select(users.c.id)).all():
        bind.execute(
            users.update().where(users.c.id == user_id).values(device_key=secrets.token_hex(16))
        )
    sqlite = bind.dialect.name == 'sqlite'
    with op.batch_alter_table(
        'users',
        schema=None,
        recreate='always' if sqlite else 'auto',
        table_kwargs={'sqlite_autoincrement': True} if sqlite else {},
    ) as batch_op:
        batch_op.alter_column('device_key', existing_type=sa.String(length=32), nullable=False)
        batch_op.drop_constraint(batch_op.f('uq_users_reset_token_hash'), type_='unique')
        batch_op.drop_column('reset_expires_at')
        batch_op.drop_column('reset_token_hash')
    _rebuild_with_autoincrement('guide_invitations')


def downgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reset_token_hash', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('reset_expires_at', sa.DateTime(), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_users_reset_token_hash'), ['reset_token_hash'])
        batch_op.drop_column('device_key')
    with op.batch_alter_table('reset_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reset_links_user_id'))
    op.drop_table('reset_links')
