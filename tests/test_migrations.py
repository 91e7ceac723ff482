"""The migration of this branch on data written before it: emails normalised, nothing lost."""

from datetime import datetime

import flask_migrate
import sqlalchemy as sa

from lpb.extensions import db
from lpb.models import User

BEFORE = "b20fead1691d"


def test_stored_emails_are_normalised_and_lookalikes_kept_apart(db_app):
    """A Unicode domain or trailing dot is rewritten; where that would merge two accounts, not."""
    with db_app.app_context():
        flask_migrate.downgrade(revision=BEFORE)
        users = sa.table(
            "users",
            sa.column("email", sa.String),
            sa.column("password_hash", sa.String),
            sa.column("version", sa.BigInteger),
            sa.column("created_at", sa.DateTime),
        )
        stored = [
            "anna@bücher.example",
            "bert@example.org.",
            "carla@example.org",
            "carla@example.org.",
        ]
        with db.engine.begin() as connection:
            connection.execute(
                users.insert(),
                [
                    {
                        "email": email,
                        "password_hash": "x",
                        "version": 0,
                        "created_at": datetime(2026, 1, 1),
                    }
                    for email in stored
                ],
            )
        flask_migrate.upgrade()
        emails = set(db.session.scalars(sa.select(User.email)))
    assert emails == {
        "anna@xn--bcher-kva.example",
        "bert@example.org",
        "carla@example.org",
        "carla@example.org.",
    }
