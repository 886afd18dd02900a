"""``smartcorner selftest`` sees a broken disk and says, in the kiosk's language, what to do."""

from __future__ import annotations

import os
import re
import string
import subprocess
import sys
from pathlib import Path

from sqlalchemy import Engine

import hardware.selftest
from kiosk.db.engine import create_db_engine
from kiosk.db.migrate import ensure_schema
from tests.helpers.storage import damage_pages, read_only, root_page, small_disk
from ui.cli.texts import FRENCH, TEXTS


def selftest(data: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SMARTCORNER_")}
    clean |= {"SMARTCORNER_DATA_DIR": str(data)} | env
    return subprocess.run(
        [sys.executable, "-m", "ui.cli.main", "selftest"],
        env=clean, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def kiosk_data(folder: Path) -> Path:
    """A data folder with a migrated database and a nightly backup, as installed."""
    engine: Engine = create_db_engine(f"sqlite:///{folder / 'smartcorner.sqlite3'}")
    ensure_schema(engine)
    engine.dispose()
    (folder / "backups").mkdir()
    (folder / "backups" / "smartcorner-20261205-030000.sqlite3").touch()
    return folder


def database_line(result: subprocess.CompletedProcess[str]) -> str:
    return next(line for line in result.stdout.splitlines() if line.startswith("["))


def test_overwritten_pages_fail_the_selftest_with_the_restore_command(tmp_path: Path) -> None:
    data = kiosk_data(tmp_path / "data")
    database = data / "smartcorner.sqlite3"
    damage_pages(database, root_page(database, "sqlite_autoindex_attendance_1"))
    result = selftest(data)
    assert result.returncode == 1, result.stdout + result.stderr
    line = database_line(result)
    assert line.startswith("[FAIL] base de données")
    assert "base abîmée (integrity errors: 1" in line
    backup = data / "backups" / "smartcorner-20261205-030000.sqlite3"
    assert line.endswith(f"(la borne redémarre dessus)\u202f: smartcorner restore {backup}")
    assert result.stdout.splitlines()[-1] == "ÉCHEC\u202f: base de données, file d’impression"

    english = selftest(data, SMARTCORNER_LANG="en")
    line = database_line(english)
    assert line.startswith("[FAIL] database")
    assert line.endswith(f"(the kiosk restarts on it): smartcorner restore {backup}")
    assert english.stdout.splitlines()[-1] == "FAILED: database, print spool"


def test_an_empty_database_file_fails_and_is_left_as_it_is(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "smartcorner.sqlite3").touch()
    result = selftest(data)
    assert result.returncode == 1
    line = database_line(result)
    assert "le fichier de la base est vide (0 octet)" in line
    assert "smartcorner db init --force" in line
    assert (data / "smartcorner.sqlite3").stat().st_size == 0


def test_a_read_only_database_fails_the_selftest(tmp_path: Path) -> None:
    with small_disk(tmp_path / "data") as data:
        kiosk_data(data)
        with read_only(data):
            result = selftest(data)
    assert result.returncode == 1, result.stdout + result.stderr
    line = database_line(result)
    assert line.startswith("[FAIL] base de données")
    assert "en lecture seule" in line
    assert f"chown -R kiosk: {data}" in line


def test_a_sound_database_passes_in_french(tmp_path: Path) -> None:
    result = selftest(kiosk_data(tmp_path / "data"))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Autotest Smart Corner\u202f:")
    assert lines[1].startswith("[ OK ] base de données")
    assert "[ -- ] lecteur de badges" in result.stdout
    assert "simulé (reader = none)" in result.stdout
    assert lines[-1] == "prêt"


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_wording_has_both_languages_with_the_same_values() -> None:
    source = Path(hardware.selftest.__file__).read_text(encoding="utf-8")
    hardware_codes = set(re.findall(r'"((?:reader|printer|camera)\.\w+)"', source))
    assert hardware_codes <= set(FRENCH), hardware_codes - set(FRENCH)
    for code, (french, english) in TEXTS.items():
        assert _fields(french) == _fields(english), code
        assert "'" not in french, f"{code}: French typography uses ’"
