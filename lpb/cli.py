"""Admin commands: `flask backup`, `flask export-user` and `flask reminders`."""

import json
import sqlite3
from pathlib import Path

import click
import sqlalchemy as sa
from flask import Flask, current_app
from flask.cli import with_appcontext

from lpb.extensions import db
from lpb.i18n import LANGUAGES
from lpb.models import User
from lpb.portability.export import export_document
from lpb.portability.export_words import time_zone
from lpb.portability.readable import export_csv, export_markdown
from lpb.reminders.sender import reminders_command


def sqlite_path() -> Path:
    """Return the path of the SQLite database file, or fail for another database."""
    url = sa.make_url(current_app.config["SQLALCHEMY_DATABASE_URI"])
    if url.get_backend_name() != "sqlite" or not url.database:
        raise click.ClickException(
            "flask backup copies an SQLite database; for PostgreSQL use pg_dump."
        )
    return Path(url.database)


@click.command("backup")
@with_appcontext
@click.argument("target", type=click.Path(dir_okay=False, writable=True, path_type=Path))
def backup_command(target: Path) -> None:
    """Copy the SQLite database to TARGET, consistently, while the app keeps running."""
    if target.exists():
        raise click.ClickException(f"{target} exists already; choose a new file.")
    source = sqlite3.connect(sqlite_path())
    copy = sqlite3.connect(target)
    try:
        # SQLite's online backup API: a consistent snapshot even with writers busy.
        with copy:
            source.backup(copy)
    finally:
        copy.close()
        source.close()
    click.echo(f"Backup written to {target}")


@click.command("export-user")
@with_appcontext
@click.argument("email")
@click.option("--format", "fmt", type=click.Choice(["json", "md", "csv"]), default="json")
@click.option(
    "--lang", type=click.Choice(LANGUAGES), default="en", help="Markdown and CSV language."
)
@click.option(
    "--tz", default="UTC", help="The time zone of Markdown and CSV, e.g. Europe/Brussels."
)
def export_user_command(email: str, fmt: str, lang: str, tz: str) -> None:
    """Print everything of the user with EMAIL as JSON, Markdown or CSV."""
    user = db.session.scalar(sa.select(User).where(User.email == email.strip().lower()))
    if user is None:
        raise click.ClickException(f"No account with email {email}.")
    zone = time_zone(tz)
    if zone is None:
        raise click.ClickException(f"No time zone {tz}; try one such as Europe/Brussels.")
    document = export_document(user)
    if fmt == "json":
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
    elif fmt == "md":
        click.echo(export_markdown(document, lang, tz, zone), nl=False)
    else:
        click.echo(export_csv(document, lang, tz, zone), nl=False)


def init_app(app: Flask) -> None:
    """Register the commands."""
    app.cli.add_command(backup_command)
    app.cli.add_command(export_user_command)
    app.cli.add_command(reminders_command)
