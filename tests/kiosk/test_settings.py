from pathlib import Path

import pytest

from kiosk.domain import EventKind
from kiosk.settings import (
    Language,
    Profile,
    SettingsError,
    load_settings,
    masked_url,
    with_overrides,
)


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {"SMARTCORNER_DATA_DIR": str(tmp_path / "data"), **extra}


def _config(tmp_path: Path, text: str) -> str:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_defaults_use_sqlite_in_the_data_dir(tmp_path: Path) -> None:
    s = load_settings(_env(tmp_path))
    assert s.profile is Profile.ROOM
    assert s.lang is Language.FR
    assert s.printer == "none"
    assert s.reader == "none"
    assert s.camera is False
    assert s.database_url == f"sqlite:///{tmp_path / 'data' / 'smartcorner.sqlite3'}"


def test_toml_file_is_read(tmp_path: Path) -> None:
    cfg = _config(
        tmp_path,
        'profile = "store"\nprinter = "tcp://127.0.0.1:9100?profile=TM-T88V"\n'
        'camera = true\nidle_timeout = 45\nlang = "en"\n',
    )
    s = load_settings(_env(tmp_path, SMARTCORNER_CONFIG=cfg))
    assert s.profile is Profile.STORE
    assert s.printer == "tcp://127.0.0.1:9100?profile=TM-T88V"
    assert s.camera is True
    assert s.idle_timeout == 45
    assert s.lang is Language.EN


def test_environment_wins_over_the_file(tmp_path: Path) -> None:
    cfg = _config(tmp_path, 'profile = "store"\nreader = "pcsc"\ndb = "sqlite:////x.db"\n')
    env = _env(
        tmp_path,
        SMARTCORNER_CONFIG=cfg,
        SMARTCORNER_PROFILE="TOUR",
        SMARTCORNER_READER="pcsc:ACR1252",
        SMARTCORNER_DB="postgresql+psycopg://kiosk:secret@db.local/smartcorner",
        SMARTCORNER_CAMERA="1",
    )
    s = load_settings(env)
    assert s.profile is Profile.TOUR
    assert s.reader == "pcsc:ACR1252"
    assert s.camera is True
    assert s.database_url == "postgresql+psycopg://kiosk:secret@db.local/smartcorner"


@pytest.mark.parametrize(
    ("var", "value", "expected_in_message"),
    [
        ("SMARTCORNER_PROFILE", "kiosque", "store, room or tour"),
        ("SMARTCORNER_PRINTER", "lpt1", "tcp://host:port"),
        ("SMARTCORNER_READER", "nfc", "pcsc"),
        ("SMARTCORNER_CAMERA", "maybe", "0 or 1"),
        ("SMARTCORNER_LANG", "de", "fr or en"),
        ("SMARTCORNER_IDLE_TIMEOUT", "-3", "seconds"),
        ("SMARTCORNER_ADMIN_PIN", "12ab", "4 to 8 digits"),
        ("SMARTCORNER_DB", "not a url", "SQLAlchemy URL"),
        ("SMARTCORNER_SCANNER_SUFFIX", "newline", "return_or_tab, return, tab or none"),
        ("SMARTCORNER_SCANNER_MAX_GAP_MS", "120", "from 10 to 70"),
        ("SMARTCORNER_SCANNER_PREFIX", "TOOLONGPREFIX", "up to 8 printable"),
    ],
)
def test_bad_environment_value_names_variable_and_value(
    tmp_path: Path, var: str, value: str, expected_in_message: str
) -> None:
    with pytest.raises(SettingsError) as err:
        load_settings(_env(tmp_path, **{var: value}))
    message = str(err.value)
    assert var in message
    assert repr(value) in message
    assert expected_in_message in message


def test_bad_file_value_names_file_and_key(tmp_path: Path) -> None:
    cfg = _config(tmp_path, 'idle_timeout = "soon"\n')
    with pytest.raises(
        SettingsError, match=r"kiosk\.toml: key 'idle_timeout': invalid value 'soon'"
    ):
        load_settings(_env(tmp_path, SMARTCORNER_CONFIG=cfg))


def test_unknown_key_in_file_is_refused(tmp_path: Path) -> None:
    cfg = _config(tmp_path, 'profil = "room"\n')
    with pytest.raises(SettingsError, match="unknown key 'profil'"):
        load_settings(_env(tmp_path, SMARTCORNER_CONFIG=cfg))


def test_broken_toml_and_missing_file_are_reported(tmp_path: Path) -> None:
    cfg = _config(tmp_path, "profile = \n")
    with pytest.raises(SettingsError, match="not valid TOML"):
        load_settings(_env(tmp_path, SMARTCORNER_CONFIG=cfg))
    with pytest.raises(SettingsError, match="not found"):
        load_settings(_env(tmp_path, SMARTCORNER_CONFIG=str(tmp_path / "nope.toml")))


def test_overrides_and_masked_url(tmp_path: Path) -> None:
    s = with_overrides(load_settings(_env(tmp_path)), idle_timeout=5)
    assert s.idle_timeout == 5
    with pytest.raises(TypeError):
        with_overrides(s, idle=5)
    assert (
        masked_url("postgresql+psycopg://kiosk:s3cr:et@db/sc")
        == "postgresql+psycopg://kiosk:***@db/sc"
    )
    assert masked_url("sqlite:////var/lib/x.db") == "sqlite:////var/lib/x.db"


def test_event_type_words_come_from_a_toml_table_or_the_environment(tmp_path: Path) -> None:
    assert load_settings(_env(tmp_path)).event_types["Webinaire"] is EventKind.FORMATION
    cfg = _config(tmp_path, '[event_types]\n"Hackathon" = "atelier_technologique"\n')
    s = load_settings(_env(tmp_path, SMARTCORNER_CONFIG=cfg))
    assert dict(s.event_types) == {"Hackathon": EventKind.ATELIER_TECHNOLOGIQUE}
    s = load_settings(_env(tmp_path, SMARTCORNER_EVENT_TYPES="Débat=table_ronde"))
    assert dict(s.event_types) == {"Débat": EventKind.TABLE_RONDE}
    with pytest.raises(SettingsError, match="SMARTCORNER_EVENT_TYPES"):
        load_settings(_env(tmp_path, SMARTCORNER_EVENT_TYPES="Débat=karaoke"))


def test_scanner_settings_have_out_of_the_box_defaults_and_are_read(tmp_path: Path) -> None:
    s = load_settings(_env(tmp_path))
    assert (s.scanner_prefix, s.scanner_suffix, s.scanner_max_gap_ms) == ("", "return_or_tab", 50)
    cfg = _config(tmp_path, 'scanner_prefix = "]Q"\nscanner_suffix = "none"\n')
    s = load_settings(_env(tmp_path, SMARTCORNER_CONFIG=cfg, SMARTCORNER_SCANNER_MAX_GAP_MS="40"))
    assert (s.scanner_prefix, s.scanner_suffix, s.scanner_max_gap_ms) == ("]Q", "none", 40)


def test_speech_output_and_engine_are_read_and_checked(tmp_path: Path) -> None:
    s = load_settings(_env(tmp_path))
    assert (s.speech_output, s.speech_engine) == ("auto", "speechd")
    cfg = _config(tmp_path, 'speech_output = "headset"\n')
    s = load_settings(_env(tmp_path, SMARTCORNER_CONFIG=cfg, SMARTCORNER_SPEECH_ENGINE="none"))
    assert (s.speech_output, s.speech_engine) == ("headset", "none")
    with pytest.raises(SettingsError, match=r"SMARTCORNER_SPEECH_OUTPUT.*speaker, headset or auto"):
        load_settings(_env(tmp_path, SMARTCORNER_SPEECH_OUTPUT="bluetooth"))
