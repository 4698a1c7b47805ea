"""Campus sign-in: the typed password goes to SCRAM only, and only the typed one counts.

A tiny fake server (a real socket, speaking the PostgreSQL protocol's first messages)
asks for the password in cleartext, as a machine put in place of the campus server
would: ExportDesk stops without sending it. Changing one's own password needs the
old one typed, whatever ~/.pgpass or PGPASSWORD hold; the own-password path changes
the session's role, never the owner's.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
from urllib.parse import quote

import psycopg
import pytest
from psycopg.conninfo import conninfo_to_dict

from exportdesk.store import StoreError
from exportdesk.store.pg import schema
from exportdesk.store.pg.engine import PostgresEngine, auth_requirement, check_password, redact
from exportdesk.store.pg.signin import sign_in
from tests.campus_world import PASSWORD, World
from tests.test_campus_logins import NEW_PASSWORD, address, world  # noqa: F401 (fixture)
from tests.test_campus_pg import snapshot

SECRET = "a typed secret 42"


class CleartextServer:
    """Answers every startup with AuthenticationCleartextPassword ('R', code 3) and keeps
    all bytes the client sends afterwards."""

    def __init__(self, auth_code: int = 3) -> None:
        self.auth_code = auth_code  # 3 cleartext password, 7 GSSAPI, 0 none (trust)
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.received = bytearray()
        self.asked = 0
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(5)
                with contextlib.suppress(OSError, struct.error):
                    self._one(conn)

    def _read(self, conn: socket.socket, n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = conn.recv(n - len(data))
            if not chunk:
                raise OSError("closed")
            data += chunk
        return data

    def _one(self, conn: socket.socket) -> None:
        while True:
            length = struct.unpack("!I", self._read(conn, 4))[0]
            body = self._read(conn, length - 4)
            code = struct.unpack("!I", body[:4])[0]
            if code in (80877103, 80877104):  # SSLRequest, GSSENCRequest: no
                conn.sendall(b"N")
                continue
            break  # the startup message
        # Counted before the request goes out, so the client cannot finish (and the test
        # read the count) before this thread has counted it.
        self.asked += 1
        conn.sendall(b"R" + struct.pack("!II", 8, self.auth_code))
        while True:
            chunk = conn.recv(4096)
            if not chunk:
                return
            self.received += chunk

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def fake() -> CleartextServer:  # type: ignore[misc]
    server = CleartextServer()
    yield server
    server.close()


def test_the_fake_server_does_get_a_password_from_a_plain_client(fake: CleartextServer) -> None:
    # The check below can fail: without require_auth libpq sends the password.
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(
            host="127.0.0.1", port=fake.port, dbname="x", user="prof", password=SECRET,
            connect_timeout=5,
        )  # fmt: skip
    assert SECRET.encode() in bytes(fake.received)


def test_a_cleartext_request_gets_no_password(fake: CleartextServer) -> None:
    dsn = f"postgresql://127.0.0.1:{fake.port}/exportdesk"
    with pytest.raises(StoreError) as refused:
        sign_in(dsn, "prof", SECRET)
    assert refused.value.code == "unsafe_authentication"
    assert SECRET not in refused.value.en and SECRET not in refused.value.ja
    # Nor with the password in the address, nor through the set-up tools' engine.
    with pytest.raises(StoreError) as refused:
        PostgresEngine(f"postgresql://prof:{quote(SECRET)}@127.0.0.1:{fake.port}/exportdesk")
    assert refused.value.code == "unsafe_authentication"
    assert fake.asked == 2
    assert SECRET.encode() not in bytes(fake.received)


def test_what_the_server_may_ask_for() -> None:
    plain = "postgresql://db.example.ac.jp/exportdesk"
    verified = plain + "?sslmode=verify-full"
    assert auth_requirement(plain, True) == "scram-sha-256,gss,sspi"
    assert auth_requirement(plain + "?sslmode=require", True) == "scram-sha-256,gss,sspi"
    # LDAP's cleartext password only inside TLS to the certified host.
    assert auth_requirement(verified, True) == "scram-sha-256,gss,sspi,password"
    assert auth_requirement(plain, False) == "!password,!md5"
    assert auth_requirement(verified, False) is None
    # libpq ignores sslmode on a Unix socket: verify-full there is no TLS at all.
    for local in (
        "postgresql:///exportdesk?sslmode=verify-full",
        "postgresql://%2Fvar%2Frun%2Fpostgresql/exportdesk?sslmode=verify-full",
        "host=/tmp dbname=exportdesk sslmode=verify-full",
        "host=db.example.ac.jp,/tmp dbname=exportdesk sslmode=verify-full",
        "host=db.example.ac.jp,@abstract dbname=exportdesk sslmode=verify-full",
        "host=db.example.ac.jp, dbname=exportdesk sslmode=verify-full",
    ):
        assert auth_requirement(local, True) == "scram-sha-256,gss,sspi", local
        assert auth_requirement(local, False) == "!password,!md5", local
    # An explicit hostaddr is TCP whatever the host says.
    tcp = "host=/tmp hostaddr=192.0.2.1 dbname=exportdesk sslmode=verify-full"
    assert auth_requirement(tcp, True) == "scram-sha-256,gss,sspi,password"
    # Checking a typed password: only methods that check it.
    assert auth_requirement(plain, True, checking=True) == "scram-sha-256"
    assert auth_requirement(verified, True, checking=True) == "scram-sha-256,password"
    local = "host=/tmp dbname=exportdesk sslmode=verify-full"
    assert auth_requirement(local, True, checking=True) == "scram-sha-256"


@pytest.mark.parametrize("auth_code", [7, 0], ids=["gssapi", "trust"])
def test_a_server_that_does_not_check_passwords_never_vouches_for_one(auth_code: int) -> None:
    # Under Kerberos (or trust) any "current password" would connect: it is refused with
    # a message saying where to change it, and the password is not sent.
    server = CleartextServer(auth_code)
    try:
        dsn = f"postgresql://127.0.0.1:{server.port}/exportdesk?sslmode=disable"
        with pytest.raises(StoreError) as refused:
            check_password(dsn, "prof", SECRET)
        assert refused.value.code == "password_not_checked"
        assert "Kerberos" in refused.value.en and "Kerberos" in refused.value.ja
        assert server.asked == 1
        assert SECRET.encode() not in bytes(server.received)
    finally:
        server.close()
    # A server asking for the password in cleartext is still the unsafe one.
    server = CleartextServer(3)
    try:
        with pytest.raises(StoreError) as refused:
            check_password(f"postgresql://127.0.0.1:{server.port}/x", "prof", SECRET)
        assert refused.value.code == "unsafe_authentication"
        assert SECRET.encode() not in bytes(server.received)
    finally:
        server.close()


def test_the_sign_in_still_works_with_scram(world: World) -> None:  # noqa: F811
    store, user = sign_in(address(world), world.prof.login, PASSWORD)
    store.close()
    assert user.id == world.prof.id


def test_changing_ones_password_needs_the_old_one_typed(
    world: World,  # noqa: F811
    tmp_path,
    monkeypatch,
) -> None:  # type: ignore[no-untyped-def]
    w = world
    c = w.cluster  # type: ignore[attr-defined]
    from tests.test_campus_logins import create, new_login

    login = new_login(w)
    create(w, login, [("applicant", None)])
    store, user = sign_in(address(w), login, PASSWORD)
    try:
        # ~/.pgpass and PGPASSWORD both hold the right password: they do not vouch.
        pgpass = tmp_path / "pgpass"
        pgpass.write_text(f"{c.host}:{c.port}:*:{login}:{PASSWORD}\n")
        pgpass.chmod(0o600)
        monkeypatch.setenv("PGPASSFILE", str(pgpass))
        monkeypatch.setenv("PGPASSWORD", PASSWORD)
        before = snapshot(w)
        with pytest.raises(StoreError) as refused:
            store.change_password(user, "", NEW_PASSWORD)
        assert refused.value.code == "old_password_required"
        assert refused.value.ja == "現在のパスワードを入力してください。"
        with pytest.raises(StoreError) as refused:
            store.change_password(user, "wrong", NEW_PASSWORD)
        assert refused.value.code == "login_failed"
        assert snapshot(w) == before
        monkeypatch.delenv("PGPASSWORD")
        monkeypatch.delenv("PGPASSFILE")
        with pytest.raises(StoreError):
            sign_in(address(w), login, NEW_PASSWORD)
        sign_in(address(w), login, PASSWORD)[0].close()
        store.change_password(user, PASSWORD, NEW_PASSWORD)
    finally:
        store.close()
    sign_in(address(w), login, NEW_PASSWORD)[0].close()


def _password_of(w: World, role: str) -> str | None:
    with psycopg.connect(w.admin_dsn) as conn:
        row = conn.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s", [role])
        found = row.fetchone()
    return found[0] if found else None


def test_ones_own_password_under_set_role_is_the_sessions(world: World) -> None:  # noqa: F811
    w = world
    c = w.cluster  # type: ignore[attr-defined]
    it = f"{w.dbname}-it"
    with psycopg.connect(w.admin_dsn, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE \"{it}\" LOGIN PASSWORD 'x' IN ROLE {schema.OWNER}")
    owner_before = _password_of(w, schema.OWNER)
    engine = PostgresEngine(
        f"postgresql://{quote(it)}:x@{c.host}:{c.port}/{w.dbname}", role=schema.OWNER
    )
    try:
        engine.set_login_password(it, NEW_PASSWORD)
    finally:
        engine.close()
    assert _password_of(w, schema.OWNER) == owner_before
    psycopg.connect(
        host=c.host, port=c.port, dbname=w.dbname, user=it, password=NEW_PASSWORD
    ).close()


@pytest.mark.parametrize(
    ("dsn", "redacted"),
    [
        # libpq's credentials end at the FIRST '@' (a raw '@' after it is the host's).
        ("postgresql://bob:pa?ss@db/x", "postgresql://bob:***@db/x"),
        (
            "postgresql://bob:pa#ss@db/x?sslmode=require",
            "postgresql://bob:***@db/x?sslmode=require",
        ),
        ("postgresql://bob:p%40ss@db:5432/x", "postgresql://bob:***@db:5432/x"),
        ("postgresql://bob:p@ss@db/x", "postgresql://bob:***@ss@db/x"),
        ("postgres://:pw@db/x", "postgres://:***@db/x"),
        ("postgresql://bob:pw@db/x?password=sec", "postgresql://bob:***@db/x?password=***"),
        (
            "postgresql://db/x?pass%77ord=a%26b&user=bob",
            "postgresql://db/x?pass%77ord=***&user=bob",
        ),
        ("host=db password='p@ss word' user=bob", "host=db password=*** user=bob"),
        ("host=db password=a\\ b user=bob", "host=db password=*** user=bob"),
        ("host=db password = 'it\\'s' user=bob", "host=db password = *** user=bob"),
    ],
)
def test_redact_hides_the_password_libpq_would_use(dsn: str, redacted: str) -> None:
    assert redact(dsn) == redacted
    password = conninfo_to_dict(dsn)["password"]
    assert password and password not in redact(dsn).replace("postgres", "")


@pytest.mark.parametrize(
    "dsn",
    [
        # A '/' before any '@': libpq reads no credentials (host bob, port p).
        "postgresql://bob:p/ss@db/x",
        "postgresql://bob@db/x?sslmode=verify-full",
        "host=db user=bob sslmode=require",
    ],
)
def test_redact_leaves_an_address_without_a_password(dsn: str) -> None:
    assert "password" not in conninfo_to_dict(dsn)
    assert redact(dsn) == dsn
