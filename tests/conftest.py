"""Fixtures shared by the server tests and the browser tests."""

import flask_migrate
import pytest
import sqlalchemy as sa

from lpb import create_app
from lpb.extensions import db
from tests.postgres import running_postgres


@pytest.fixture
def app(tmp_path):
    """Return an app on a temporary instance folder and SQLite file, migrated."""
    app = create_app(
        {
            "TESTING": True,
            "INSTANCE_PATH": tmp_path / "instance",
            "SECRET_KEY": "test",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'test.sqlite'}",
        }
    )
    with app.app_context():
        flask_migrate.upgrade()
    return app


@pytest.fixture
def client(app):
    """Return a test client for the app."""
    return app.test_client()


@pytest.fixture(scope="session")
def postgres_url():
    """Start one PostgreSQL server for the whole run."""
    with running_postgres() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_app(request, tmp_path):
    """Return a migrated app on SQLite, then on PostgreSQL: server tests run on both."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'test.sqlite'}"
    else:
        url = request.getfixturevalue("postgres_url")
        engine = sa.create_engine(url)
        with engine.begin() as connection:
            connection.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
        engine.dispose()
    app = create_app(
        {
            "TESTING": True,
            "INSTANCE_PATH": tmp_path / "instance",
            "SECRET_KEY": "test",
            "SQLALCHEMY_DATABASE_URI": url,
            "WTF_CSRF_ENABLED": True,
            # The sync model signs up an account per example, all from one address.
            "RATE_LIMITS": {"register": 1000},
        }
    )
    with app.app_context():
        flask_migrate.upgrade()
    yield app
    with app.app_context():
        db.engine.dispose()
