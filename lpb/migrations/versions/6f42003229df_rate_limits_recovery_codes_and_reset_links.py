"""rate limits, recovery codes and reset links; emails normalised (NFKC, IDNA)

Revision ID: 6f42003229df
Revises: b20fead1691d
Create Date: 2026-11-28 08:30:00.000000

"""
import unicodedata

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '6f42003229df'
down_revision = 'b20fead1691d'
branch_labels = None
depends_on = None


def normalised_email(email: str) -> str:
    """The app's normalisation as of this revision (stored emails are lower-case already)."""
    email = unicodedata.normalize("NFKC", email.strip())
    local, _, domain = email.rpartition("@")
    try:
        domain = domain.lower().removesuffix(".").encode("idna").decode("ascii")
    except UnicodeError:
        return email
    return f"{local.lower()}@{domain.lower()}"


def upgrade() -> None:
    op.create_table('rate_limits',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('tries', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('blocked_until', sa.DateTime(), nullable=True),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_rate_limits_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_rate_limits'))
    )
    with op.batch_alter_table('rate_limits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rate_limits_expires_at'), ['expires_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_rate_limits_user_id'), ['user_id'], unique=False)

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('recovery_codes', sa.JSON(), nullable=False, server_default=sa.text("'[]'")))
        batch_op.add_column(sa.Column('reset_token_hash', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('reset_expires_at', sa.DateTime(), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_users_reset_token_hash'), ['reset_token_hash'])

    with op.batch_alter_table('failed_sign_ins', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_failed_sign_ins_email'))
        batch_op.drop_index(batch_op.f('ix_failed_sign_ins_at'))
        batch_op.drop_index(batch_op.f('ix_failed_sign_ins_address'))
    op.drop_table('failed_sign_ins')

    # Lookalike addresses now meet at one account; where two accounts would, both keep theirs.
    users = sa.table('users', sa.column('id', sa.Integer), sa.column('email', sa.String))
    connection = op.get_bind()
    rows = connection.execute(sa.select(users.c.id, users.c.email)).all()
    taken = {email for _, email in rows}
    for user_id, email in rows:
        new = normalised_email(email)
        if new != email and new not in taken:
            connection.execute(users.update().where(users.c.id == user_id).values(email=new))
            taken.add(new)


def downgrade() -> None:
    op.create_table('failed_sign_ins',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('address', sa.String(length=64), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_failed_sign_ins'))
    )
    with op.batch_alter_table('failed_sign_ins', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_failed_sign_ins_address'), ['address'], unique=False)
        batch_op.create_index(batch_op.f('ix_failed_sign_ins_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_failed_sign_ins_email'), ['email'], unique=False)

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_users_reset_token_hash'), type_='unique')
        batch_op.drop_column('reset_expires_at')
        batch_op.drop_column('reset_token_hash')
        batch_op.drop_column('recovery_codes')

    with op.batch_alter_table('rate_limits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rate_limits_user_id'))
        batch_op.drop_index(batch_op.f('ix_rate_limits_expires_at'))

    op.drop_table('rate_limits')
