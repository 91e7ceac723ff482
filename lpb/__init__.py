"""Levensloopbaan: daily micro-reflections on life and work."""

import secrets
from datetime import timedelta
from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from lpb import jsonapi, security, tokens
from lpb.accounts import links, sessions
from lpb.extensions import csrf, db, migrate
from lpb.sqlite_writer import engine_options

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config: dict | None = None) -> Flask:
    """Create and configure the Flask application."""
    instance_path = (test_config or {}).get("INSTANCE_PATH") or PROJECT_ROOT / "instance"
    app = Flask(
        __name__,
        instance_path=str(instance_path),
        instance_relative_config=True,
        static_folder=str(PROJECT_ROOT / "static"),
        template_folder=str(PROJECT_ROOT / "templates"),
    )
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config.from_mapping(
        SQLALCHEMY_DATABASE_URI=f"sqlite:///{Path(app.instance_path) / 'levensloopbaan.sqlite'}",
        MAX_CONTENT_LENGTH=4 * 1024 * 1024,
        PERMANENT_SESSION_LIFETIME=timedelta(days=30),
        SESSION_COOKIE_SAMESITE="Lax",
        TRUSTED_PROXIES=0,
    )
    if test_config is None:
        app.config.from_prefixed_env()
    else:
        app.config.from_mapping(test_config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret_key(Path(app.instance_path))
    links.warn_at_start(app)

    app.config.setdefault(
        "SQLALCHEMY_ENGINE_OPTIONS", engine_options(str(app.config["SQLALCHEMY_DATABASE_URI"]))
    )
    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(__file__).parent / "migrations"))
    csrf.init_app(app)
    app.session_interface = security.SessionInterface()
    if app.config["TRUSTED_PROXIES"]:
        hops = int(app.config["TRUSTED_PROXIES"])
        # Not X-Forwarded-Host: links and checks must not follow a host name the client chose.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)  # type: ignore[method-assign]

    from lpb import cli, i18n, models  # noqa: F401  (models: migrations)
    from lpb.accounts import routes as auth
    from lpb.guidance import practice_routes, suggestion_routes
    from lpb.guidance import routes as guidance
    from lpb.portability import routes as portability
    from lpb.reminders import routes as reminders
    from lpb.shell import routes as pages
    from lpb.sync import routes as api

    i18n.init_app(app)
    pages.init_app(app)
    cli.init_app(app)
    app.register_blueprint(api.bp)
    app.register_blueprint(auth.bp)
    app.register_blueprint(portability.bp)
    app.register_blueprint(reminders.bp)
    app.register_blueprint(guidance.bp)
    app.register_blueprint(suggestion_routes.bp)
    app.register_blueprint(practice_routes.bp)
    jsonapi.init_app(app)
    security.init_app(app)
    app.after_request(sessions.touch_session)
    return app


def _instance_secret_key(instance: Path) -> str:
    """Return the secret key kept in the instance folder, creating it on first run."""
    key = tokens.instance_secret(instance, "secret_key", lambda: secrets.token_hex(32).encode())
    return key.decode().strip()
