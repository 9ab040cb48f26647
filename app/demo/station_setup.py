"""The demo station's first-run set-up: settings, three accounts and their demo signing keys.

Only for the demo profile: a real station is set up by the administrator in the setup wizard. The
demo passwords are printed in README.md; the demo keys come from a throw-away CA made here.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from app.core.accounts import Role
from app.core.station_config import StationConfig
from app.pdf.certs import cert_pem, issue_person_cert, make_test_ca, write_pkcs12
from app.store import SqliteStore

log = logging.getLogger(__name__)

DEMO_PASSWORD = "demo1234"  # noqa: S105 - a published demo password, see README
DEMO_STATION = StationConfig(station_code="DEMO-01", agency_key="h26.2025.bat-trang")


@dataclass(frozen=True)
class DemoAccount:
    login: str
    full_name: str
    role: Role


DEMO_ACCOUNTS = (
    DemoAccount("quantri", "Quản trị viên", Role.ADMIN),
    DemoAccount("canbo", "Nguyễn Thị Lan", Role.OFFICER),
    DemoAccount("lanhdao", "Trần Văn Minh", Role.SUPERVISOR),
)


def ensure_demo_station(store: SqliteStore, data_dir: Path, central_url: str = "", token: str = "") -> None:
    """Set the demo station up once (settings, accounts, keys); later calls change nothing but the
    central repository address, which the demo service may get anew on each start."""
    if not store.accounts.has_accounts():
        store.config.save(None, DEMO_STATION, setup=True)
        admin = store.accounts.create(
            None, "quantri", "Quản trị viên", DEMO_PASSWORD, frozenset({Role.ADMIN})
        )
        keys = data_dir / "demo-keys"
        ca = make_test_ca()
        (keys / "demo-ca.pem").parent.mkdir(parents=True, exist_ok=True)
        (keys / "demo-ca.pem").write_bytes(cert_pem(ca.cert))
        for account in DEMO_ACCOUNTS[1:]:
            user = store.accounts.create(
                admin, account.login, account.full_name, DEMO_PASSWORD, frozenset({account.role})
            )
            key, cert = issue_person_cert(ca, account.full_name, organization="UBND xã Bát Tràng (demo)")
            p12 = write_pkcs12(keys / f"{account.login}.p12", key, cert, [ca.cert], None)
            store.accounts.set_signer(admin, user.id, {"kind": "pkcs12", "pkcs12_path": str(p12)})
        log.info("demo station set up with %d accounts", len(DEMO_ACCOUNTS))
    if central_url:
        admin = next(u for u in store.accounts.list() if Role.ADMIN in u.roles)
        config = store.config.get().with_changes(central_url=central_url, central_token=token)
        store.config.save(admin, config)
