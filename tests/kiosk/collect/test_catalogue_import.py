"""``smartcorner import catalogue`` and ``smartcorner collect requests``: CSV and JSON with
pictures and stock per site, errors per line and nothing written, re-import changes nothing,
a count made at the kiosk is kept and reported; the orders import leaves kiosk requests alone."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.collect.catalogue import catalogue
from kiosk.collect.demo import CATALOGUE
from kiosk.collect.requests import NewRequest, place_request
from kiosk.collect.status import Delivery, Family, LineStatus, OrderSource
from kiosk.collect.stock import SET_BY_STAFF, counts, set_count
from kiosk.collect.tables import CatalogueItem, CollectOrder, OrderLine, SiteStock
from kiosk.db.demo import DemoSummary
from kiosk.db.models import Site
from tests.helpers import collect as c
from tests.helpers.collect import NOW
from ui.cli.main import main

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


@pytest.fixture
def site_code(
    session_factory: sessionmaker[Session], sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> str:
    monkeypatch.setenv("SMARTCORNER_DB", sqlite_url)
    with session_factory.begin() as s:
        return c.kiosk(s).site.code


def write_csv(folder: Path, site: str) -> Path:
    (folder / "ecran.png").write_bytes(PNG)
    path = folder / "catalogue.csv"
    path.write_text(
        "code;name;family;delivery;picture;roles;max_per_agent;renewal_days;stocked;stock;"
        "description\n"
        f'ECRAN-24;Écran 24";postes et écrans;retrait;ecran.png;;1;1825;oui;{site}=6;'
        "Un second écran\n"
        "VPN;Accès VPN;logiciels et accès;accès;;;1;;non;;Le réseau depuis chez vous\n"
        f"PC-PRET;Portable de prêt;workstations;installation;;staff admin;1;;oui;{site}=2;\n",
        encoding="utf-8",
    )
    return path


def test_a_csv_catalogue_imports_with_pictures_and_stock_and_reimports_without_change(
    session_factory: sessionmaker[Session],
    site_code: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = write_csv(tmp_path, site_code)
    assert main(["import", "catalogue", str(path)]) == 0, capsys.readouterr().err
    assert "3 items created, 0 changed, 0 unchanged, 2 stock counts set" in capsys.readouterr().out
    with session_factory() as s:
        screen = s.scalar(select(CatalogueItem).where(CatalogueItem.code == "ECRAN-24"))
        assert screen is not None
        assert (screen.family, screen.delivery, screen.picture) == (
            Family.WORKSTATIONS,
            Delivery.PICKUP,
            PNG,
        )
        assert (screen.max_per_agent, screen.renewal_days) == (1, 1825)
        vpn = s.scalar(select(CatalogueItem).where(CatalogueItem.code == "VPN"))
        assert vpn is not None
        assert (vpn.family, vpn.delivery, vpn.stocked) == (
            Family.SOFTWARE,
            Delivery.OPEN_ACCESS,
            False,
        )
        loan = s.scalar(select(CatalogueItem).where(CatalogueItem.code == "PC-PRET"))
        assert loan is not None
        assert loan.allowed_roles == ["admin", "staff"]
    assert main(["import", "catalogue", str(path)]) == 0
    assert "0 items created, 0 changed, 3 unchanged, 0 stock counts set" in capsys.readouterr().out


def test_bad_rows_are_all_reported_with_their_line_and_nothing_is_written(
    session_factory: sessionmaker[Session],
    site_code: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "catalogue.csv"
    path.write_text(
        "code,name,family,picture,stock,max_per_agent\n"
        "OK,Souris,accessoires,,,\n"
        "BAD1,Clavier,cuisine,,,\n"
        "BAD2,Écran,,absent.png,,\n"
        "BAD3,Casque,,,NOWHERE=3,\n"
        "BAD4,Webcam,,,,zéro\n"
        "OK,Encore,,,,\n",
        encoding="utf-8",
    )
    assert main(["import", "catalogue", str(path)]) == 1
    err = capsys.readouterr().err
    assert "line 3: family 'cuisine': expected one of workstations" in err
    assert "line 4: picture 'absent.png': no such file" in err
    assert "line 5: stock: no site NOWHERE" in err
    assert "line 6: max_per_agent 'zéro': expected a whole number" in err
    assert "line 7: code OK already at line 2" in err
    assert "5 error(s), nothing imported" in err
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(CatalogueItem)) == 0


def test_a_count_staff_made_since_the_last_import_is_kept_and_reported(
    session_factory: sessionmaker[Session],
    site_code: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "catalogue.json"
    doc = {"items": [{"code": "DOCK", "name": "Station d'accueil", "stock": {site_code: 4}}]}
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["import", "catalogue", str(path)]) == 0
    capsys.readouterr()
    with session_factory.begin() as s:
        site = s.scalar(select(Site).where(Site.code == site_code))
        item = s.scalar(select(CatalogueItem).where(CatalogueItem.code == "DOCK"))
        assert site is not None
        assert item is not None
        set_count(s, site.id, item.id, 1, now=NOW, by=SET_BY_STAFF)
        site_id, item_id = site.id, item.id
    assert main(["import", "catalogue", str(path)]) == 0
    out = capsys.readouterr()
    assert "1 stock counts kept (changed at the kiosk)" in out.out
    assert f"stock of DOCK at {site_code}: 1 counted at the kiosk" in out.err
    with session_factory() as s:
        assert counts(s, site_id) == {item_id: 1}


def test_the_orders_import_leaves_a_request_made_at_the_kiosk_alone(
    session_factory: sessionmaker[Session],
    sqlite_url: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SMARTCORNER_DB", sqlite_url)
    with session_factory.begin() as s:
        kiosk, who = c.kiosk(s), c.agent(s)
        mouse = c.item(s, "SOURIS")
        mouse.stocked = False
        placed = place_request(
            s, NewRequest(who.id, mouse.id, 1, "", kiosk.id, uuid.uuid4().hex), NOW
        )
        matricule = who.matricule
    path = tmp_path / "orders.csv"
    path.write_text(
        "order,line,matricule,item,status,placed_at\n"
        f"{placed.reference},1,{matricule},SOURIS,cancelled,2026-11-20 09:00\n",
        encoding="utf-8",
    )
    assert main(["import", "orders", str(path)]) == 0, capsys.readouterr().err
    assert "1 rows left alone (made at a kiosk)" in capsys.readouterr().out
    with session_factory() as s:
        assert s.scalars(select(OrderLine.status)).all() == [LineStatus.PLACED]

    assert main(["collect", "requests", "--status", "placed"]) == 0
    out = capsys.readouterr().out
    assert placed.reference in out
    assert "1 request(s)" in out
    assert main(["collect", "requests", "--status", "declined"]) == 0
    assert "0 request(s)" in capsys.readouterr().out


def test_the_demo_catalogue_fills_the_five_shelves_with_stock_and_kiosk_requests(
    session_factory: sessionmaker[Session], demo_seeded: DemoSummary
) -> None:
    assert len(CATALOGUE) >= 20
    with session_factory() as s:
        families = set(s.scalars(select(CatalogueItem.family)))
        assert families == set(Family)
        assert (s.scalar(select(func.count()).select_from(SiteStock)) or 0) >= 10
        sources = set(s.scalars(select(CollectOrder.source)))
        assert sources == set(OrderSource)
        declined = s.scalars(
            select(OrderLine.decline_reason).where(OrderLine.status == LineStatus.DECLINED)
        ).all()
        assert declined
        assert all(declined)


def test_english_names_and_descriptions_import_from_csv_and_json_and_are_shown_in_english(
    session_factory: sessionmaker[Session],
    site_code: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    csv_file = tmp_path / "catalogue.csv"
    csv_file.write_text(
        "code;name;description;name_en;description_en;stocked\n"
        "SOURIS;Souris optique;Souris filaire;Optical mouse;Wired mouse;non\n"
        "VPN;Accès VPN;Le réseau depuis chez vous;;;non\n",
        encoding="utf-8",
    )
    assert main(["import", "catalogue", str(csv_file)]) == 0, capsys.readouterr().err
    json_file = tmp_path / "more.json"
    json_file.write_text(
        json.dumps({"items": [{"code": "CASQUE", "name": "Casque", "name_en": "Headset",
                               "stocked": False}]}),
        encoding="utf-8",
    )  # fmt: skip
    assert main(["import", "catalogue", str(json_file)]) == 0, capsys.readouterr().err
    with session_factory() as s:
        site = s.scalars(select(Site).where(Site.code == site_code)).one()
        shown = {e.code: e for e in catalogue(s, site.id, NOW).entries}
    mouse, vpn, headset = shown["SOURIS"], shown["VPN"], shown["CASQUE"]
    assert (mouse.name_in(True), mouse.description_in(True)) == ("Optical mouse", "Wired mouse")
    assert (mouse.name_in(False), mouse.description_in(False)) == (
        "Souris optique", "Souris filaire"
    )  # fmt: skip
    assert (vpn.name_in(True), vpn.description_in(True)) == (  # none given: the French
        "Accès VPN", "Le réseau depuis chez vous"
    )  # fmt: skip
    assert (headset.name_in(True), headset.description_in(True)) == ("Headset", "")
    capsys.readouterr()
    assert main(["import", "catalogue", str(csv_file)]) == 0
    assert "0 items created, 0 changed, 2 unchanged" in capsys.readouterr().out
    too_long = tmp_path / "long.json"
    too_long.write_text(json.dumps([{"code": "X1", "name": "X", "name_en": "y" * 201}]))
    assert main(["import", "catalogue", str(too_long)]) == 1
    assert "items[0]: name_en: at most 200 characters" in capsys.readouterr().err
