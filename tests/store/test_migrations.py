"""Opening a store: Alembic migrates a new one; one already at the newest schema is opened without it."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory

from chidao.store import Store
from chidao.store.engine import HEAD_REVISION

ROOT = Path(__file__).resolve().parents[2]


def test_the_head_revision_the_store_checks_is_alembics_head():
    config = Config()
    config.set_main_option("script_location", str(resources.files("chidao.store") / "migrations"))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD_REVISION


def test_a_store_at_the_newest_schema_opens_without_importing_alembic(tmp_path):
    url = f"sqlite:///{tmp_path / 'store.db'}"
    Store(url).close()  # a new database: migrated by Alembic
    probe = ("import sys; from chidao.store import Store; Store(sys.argv[1]).close(); "
             "print('alembic' in sys.modules)")
    opened = subprocess.run([sys.executable, "-c", probe, url], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    assert opened.stdout.strip() == "False"


def test_a_new_database_is_migrated_to_the_head(tmp_path):
    import sqlite3

    path = tmp_path / "new.db"
    Store(f"sqlite:///{path}").close()
    assert sqlite3.connect(path).execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD_REVISION,)
