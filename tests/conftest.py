"""Fixtures shared by the server tests and the browser tests."""

import pytest

from lpb import create_app


@pytest.fixture
def app(tmp_path):
    """Return an app on a temporary instance folder and SQLite file."""
    return create_app(
        {
            "TESTING": True,
            "INSTANCE_PATH": tmp_path / "instance",
            "SECRET_KEY": "test",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'test.sqlite'}",
        }
    )


@pytest.fixture
def client(app):
    """Return a test client for the app."""
    return app.test_client()
