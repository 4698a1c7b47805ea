"""The same institution as store_fixtures.make_campus, on either engine.

On SQLite one store serves everyone (the window signs people in). On PostgreSQL the
institution is made by `campus init`, every person by `campus add-user`, and each
acts through their own connection as their own PostgreSQL role, so that the
server's policies apply to every call.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import psycopg
import psycopg.conninfo

from exportdesk.domain.profile import parse_profile
from exportdesk.store import Store
from exportdesk.store.users import User
from tests.store_fixtures import PASSWORD, FakeClock, make_campus

_counter = itertools.count(1)

PROFILE = {
    "name": {"ja": "架空工業大学", "en": "Example Institute of Technology"},
    "president_title": {"ja": "学長", "en": "President"},
    "chief_manager_post": {"ja": "研究担当理事", "en": "Executive Vice-President"},
    "office_name": {"ja": "安全保障輸出管理室", "en": "Export Control Office"},
    "office_email": "export@example.ac.jp",
    "effective_date": "2027-04-01",
    "departments": [
        {"code": "ENG", "ja": "工学部", "en": "Faculty of Engineering"},
        {"code": "SCI", "ja": "理学部", "en": "Faculty of Science"},
    ],
}

# login, name, roles (role, department code or None), department code, language
PEOPLE = [
    ("office1", "輸出 花子", [("office", None)], None, "ja"),
    ("office2", "審査 次郎", [("office", None)], None, "ja"),
    ("chief", "統括 三郎", [("chief_manager", None)], None, "ja"),
    ("mgr-eng", "工学 部長", [("dept_manager", "ENG"), ("applicant", None)], "ENG", "ja"),
    ("mgr-sci", "理学 部長", [("dept_manager", "SCI")], "SCI", "ja"),
    ("prof", "研究 一郎", [("applicant", None)], "ENG", "ja"),
    ("prof-sci", "理論 四郎", [("applicant", None)], "SCI", "en"),
    ("secretary", "秘書 五子", [("proxy", None)], "ENG", "ja"),
]
ATTRS = {
    "office1": "office",
    "office2": "office2",
    "chief": "chief",
    "mgr-eng": "manager_eng",
    "mgr-sci": "manager_sci",
    "prof": "prof",
    "prof-sci": "prof_sci",
    "secretary": "secretary",
}


@dataclass
class World:
    engine: str
    users: dict[str, User]
    stores: dict[int, Store]
    eng: int
    sci: int
    dsn: dict[str, str] = field(default_factory=dict)
    admin_dsn: str = ""
    dbname: str = ""

    def __getattr__(self, name: str) -> User:
        try:
            return self.users[name]
        except KeyError:
            raise AttributeError(name) from None

    def store(self, user: User) -> Store:
        return self.stores.get(user.id) or self.stores[0]

    def close(self) -> None:
        for store in {id(s): s for s in self.stores.values()}.values():
            store.close()


def sqlite_world(path: Path, icp_format: str = "small") -> World:
    c = make_campus(path, icp_format)
    users = {attr: getattr(c, attr) for attr in ATTRS.values()}
    users["admin"] = c.admin
    return World("sqlite", users, {0: c.store}, c.eng, c.sci)


def user_dsn(cluster: Any, dbname: str, login: str, password: str = PASSWORD) -> str:
    return f"postgresql://{quote(login)}:{quote(password)}@{cluster.host}:{cluster.port}/{dbname}"


def create_database(cluster: Any) -> tuple[str, str]:
    """A fresh database and the prefix that keeps its logins apart from other tests'."""
    n = next(_counter)
    dbname = f"campus_test_{n}"
    with psycopg.connect(cluster.dsn(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{dbname}"')
        conn.execute(f'CREATE DATABASE "{dbname}"')
    return dbname, f"t{n}-"


_templates: dict[tuple[int, str], str] = {}


def _template(cluster: Any, icp_format: str) -> str:
    """Build the institution once per cluster and format; tests copy it (CREATE DATABASE
    … TEMPLATE), which takes a fraction of a second. Login roles are cluster-wide, so
    every copy shares the same people, each copy with its own records."""
    from exportdesk.store.pg.campus import add_user, init_campus

    key = (cluster.port, icp_format)
    if key in _templates:
        return _templates[key]
    dbname, _ = create_database(cluster)
    prefix = f"{icp_format}-"
    admin_dsn = cluster.dsn(dbname)
    profile = parse_profile(PROFILE | {"icp_format": icp_format})
    init_campus(
        admin_dsn,
        profile,
        admin_login=prefix + "admin",
        admin_name="管理 太郎",
        admin_password=PASSWORD,
    )
    for login, name, roles, dep, lang in PEOPLE:
        add_user(
            admin_dsn,
            login=prefix + login,
            name=name,
            password=PASSWORD,
            roles=[r for r, _ in roles],
            department=dep or next((d for _, d in roles if d), None),
            language=lang,
            proxy_for=[prefix + "prof"] if login == "secretary" else None,
        )
    _templates[key] = dbname
    return dbname


def pg_world(cluster: Any, icp_format: str = "small", clock: FakeClock | None = None) -> World:
    """`clock`: one clock for every person's store (tests that move time on)."""
    template = _template(cluster, icp_format)
    prefix = f"{icp_format}-"
    dbname = f"campus_test_{next(_counter)}"
    with psycopg.connect(cluster.dsn(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{dbname}" TEMPLATE "{template}"')
    admin_dsn = cluster.dsn(dbname)
    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        # A template copy has no authority over the template's logins (pg/logins.py);
        # each test's copy stands for the database that made its people.
        conn.execute(
            "UPDATE exportdesk.own_logins SET db_oid ="
            " (SELECT oid FROM pg_database WHERE datname = current_database())"
        )
    users: dict[str, User] = {}
    stores: dict[int, Store] = {}
    dsns: dict[str, str] = {}
    for login in ["admin", *(p[0] for p in PEOPLE)]:
        dsn = user_dsn(cluster, dbname, prefix + login)
        store = Store(dsn, clock=clock or FakeClock())
        user = store.authenticate(prefix + login, PASSWORD)
        attr = ATTRS.get(login, login)
        users[attr] = user
        stores[user.id] = store
        dsns[attr] = dsn
    deps = {d["code"]: d["id"] for d in next(iter(stores.values())).departments()}
    return World("postgresql", users, stores, deps["ENG"], deps["SCI"], dsns, admin_dsn, dbname)


def pg_campus(cluster: Any, icp_format: str = "small") -> Any:
    """store_fixtures.Campus on a copy of the template database, through one connection as
    the schema owner (past the policies: this runs the Python rules and their SQL on
    PostgreSQL; the per-person connections of pg_world test the server's own checks)."""
    from exportdesk.store.pg.engine import PostgresEngine
    from exportdesk.store.pg.schema import OWNER
    from tests.store_fixtures import Campus

    w = pg_world(cluster, icp_format)
    w.close()
    clock = FakeClock()
    store = Store(engine=PostgresEngine(w.admin_dsn, role=OWNER), clock=clock)
    u = w.users
    return Campus(
        store,
        clock,
        u["admin"],
        u["office"],
        u["office2"],
        u["chief"],
        u["manager_eng"],
        u["manager_sci"],
        u["prof"],
        u["prof_sci"],
        u["secretary"],
        w.eng,
        w.sci,
    )


class PerPerson:
    """An object built on a store (Statistics, InternalAudits, Exchange…) for each person
    on PostgreSQL: a call whose first argument is a person runs on the one built on
    that person's own connection (their role, their policies); other calls on the
    office's."""

    def __init__(self, world: World, make: Callable[[Store], Any]) -> None:
        self.world = world
        self.make = make
        self.made: dict[int, Any] = {}

    def of(self, user: User | None) -> Any:
        store = self.world.store(user if user is not None else self.world.users["office"])
        if id(store) not in self.made:
            self.made[id(store)] = self.make(store)
        return self.made[id(store)]

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self.of(None), name)
        if not callable(attr):
            return attr

        def call(*args: Any, **kwargs: Any) -> Any:
            actor = args[0] if args else kwargs.get("actor")
            target = self.of(actor if isinstance(actor, User) else None)
            return getattr(target, name)(*args, **kwargs)

        return call


class PersonStores(PerPerson):
    """The single Store of the SQLite tests, on PostgreSQL (see PerPerson). `db` is the
    schema owner's engine, past every policy, for what a test reads or tampers with
    behind the store's back."""

    def __init__(self, world: World, owner: Store) -> None:
        super().__init__(world, lambda store: store)
        self.owner = owner

    @property
    def db(self) -> Any:
        return self.owner.db

    def close(self) -> None:
        """Close every connection and drop the test's copy of the template database (a
        session makes a few hundred; the cluster keeps only what tests still use)."""
        self.world.close()
        self.owner.close()
        server = psycopg.conninfo.make_conninfo(self.world.admin_dsn, dbname="postgres")
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.world.dbname}" WITH (FORCE)')


def per_person(c: Any, make: Callable[[Store], Any]) -> Any:
    """`make(store)` on SQLite's one store; on PostgreSQL one per person (PerPerson)."""
    return PerPerson(c.store.world, make) if isinstance(c.store, PersonStores) else make(c.store)


def person_campus(cluster: Any, icp_format: str = "small") -> Any:
    """store_fixtures.Campus on PostgreSQL, each person acting through their own
    connection (PersonStores), all on one clock."""
    from exportdesk.store.pg.engine import PostgresEngine
    from exportdesk.store.pg.schema import OWNER
    from tests.store_fixtures import Campus

    clock = FakeClock()
    w = pg_world(cluster, icp_format, clock)
    owner = Store(engine=PostgresEngine(w.admin_dsn, role=OWNER), clock=clock)
    u = w.users
    return Campus(
        PersonStores(w, owner),  # type: ignore[arg-type]
        clock,
        u["admin"],
        u["office"],
        u["office2"],
        u["chief"],
        u["manager_eng"],
        u["manager_sci"],
        u["prof"],
        u["prof_sci"],
        u["secretary"],
        w.eng,
        w.sci,
    )


ENGINES = ["sqlite", "postgresql"]


def campus_on(request: Any, path: Path, icp_format: str = "small") -> Any:
    """For a fixture parametrised over ENGINES: the campus on SQLite (`path`) or on
    PostgreSQL (the session's cluster); closed at the end of the test."""
    if request.param == "sqlite":
        c = make_campus(path, icp_format)
    else:
        c = person_campus(request.getfixturevalue("pg_cluster"), icp_format)
    request.addfinalizer(c.store.close)
    return c
