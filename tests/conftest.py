"""Fixtures shared by the server tests and the browser tests."""

import flask_migrate
import pytest
import sqlalchemy as sa

from lpb import create_app
from lpb.extensions import db
from tests.postgres import running_postgres


@pytest.fixture
def make_app(tmp_path):
    """Return the one factory of test apps: make_app(database_url=None, **config).

    Each app is migrated, on a temporary instance folder, on SQLite in tmp_path unless given a
    database URL; config overrides the test defaults.
    """
    apps = []

    def make(database_url=None, **config):
        app = create_app(
            {
                "TESTING": True,
                "INSTANCE_PATH": tmp_path / "instance",
                "SECRET_KEY": "test",
                "SQLALCHEMY_DATABASE_URI": database_url or f"sqlite:///{tmp_path / 'test.sqlite'}",
                **config,
            }
        )
        with app.app_context():
            flask_migrate.upgrade()
        apps.append(app)
        return app

    yield make
    for app in apps:
        with app.app_context():
            db.engine.dispose()


@pytest.fixture
def app(make_app):
    """Return an app on a temporary instance folder and SQLite file, migrated."""
    return make_app()


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
def db_app(request, make_app):
    """Return a migrated app on SQLite, then on PostgreSQL: server tests run on both."""
    url = None
    if request.param == "postgresql":
        url = request.getfixturevalue("postgres_url")
        engine = sa.create_engine(url)
        with engine.begin() as connection:
            connection.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
        engine.dispose()
    # The sync model signs up an account per example, all from one address.
    return make_app(url, WTF_CSRF_ENABLED=True, RATE_LIMITS={"register": 1000})
