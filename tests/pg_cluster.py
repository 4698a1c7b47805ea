"""A throwaway PostgreSQL cluster for the campus tests and benchmarks.

Debian's `postgresql` package puts initdb and pg_ctl in /usr/lib/postgresql/N/bin.
initdb refuses to run as root, so as root the cluster belongs to the `postgres`
system user the package creates (the same as `pg_virtualenv` does). Unlike
pg_virtualenv, whose root cluster has one fixed name, each cluster here lives in its
own temporary folder on a free port, so test runs beside each other do not collide.
EXPORTDESK_TEST_PG=postgresql://… (a superuser's DSN) uses an existing server instead.
"""

from __future__ import annotations

import glob
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Cluster:
    host: str
    port: int
    user: str
    password: str
    _folder: Path | None = None
    _run_as: list[str] = field(default_factory=list)
    _bin: Path | None = None
    _options: str = ""

    def dsn(self, dbname: str = "postgres") -> str:
        return f"postgresql://{self.user}:{self.password}@{self.host}:{self.port}/{dbname}"

    @property
    def can_restart(self) -> bool:
        return self._folder is not None and self._bin is not None

    def _ctl(self, *args: str) -> None:
        assert self._folder is not None and self._bin is not None
        data = str(self._folder / "data")
        subprocess.run(
            [*self._run_as, str(self._bin / "pg_ctl"), "-D", data, *args],
            check=True,
            capture_output=True,
        )

    def pause(self) -> None:
        """Shut the server down as an administrator's restart does (every client's
        connection is ended); `resume` starts it again on the same port."""
        self._ctl("stop", "-m", "fast", "-w")

    def resume(self) -> None:
        assert self._folder is not None
        self._ctl("-l", str(self._folder / "log"), "-o", self._options, "-w", "start")

    def stop(self) -> None:
        if self._folder is None or self._bin is None:
            return
        subprocess.run(
            [
                *self._run_as,
                str(self._bin / "pg_ctl"),
                "-D",
                str(self._folder / "data"),
                "stop",
                "-m",
                "immediate",
            ],
            check=False,
            capture_output=True,
        )
        shutil.rmtree(self._folder, ignore_errors=True)
        self._folder = None


def _bindir() -> Path | None:
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4])
    )
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _run_as() -> list[str] | None:
    if os.geteuid() != 0:
        return []
    runuser = shutil.which("runuser")
    try:
        import pwd

        pwd.getpwnam("postgres")
    except KeyError:
        return None
    return [runuser, "-u", "postgres", "--"] if runuser else None


def unavailable_reason() -> str | None:
    if os.environ.get("EXPORTDESK_TEST_PG"):
        return None
    if _bindir() is None:
        return "PostgreSQL's initdb not found (apt-get install postgresql)"
    if _run_as() is None:
        return "running as root without a 'postgres' system user to own the cluster"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start() -> Cluster:
    existing = os.environ.get("EXPORTDESK_TEST_PG")
    if existing:
        from psycopg.conninfo import conninfo_to_dict

        info = conninfo_to_dict(existing)
        return Cluster(
            str(info.get("host", "localhost")),
            int(info.get("port", 5432)),
            str(info.get("user", "postgres")),
            str(info.get("password", "")),
        )
    bindir, run_as = _bindir(), _run_as()
    assert bindir is not None and run_as is not None, unavailable_reason()
    folder = Path(tempfile.mkdtemp(prefix="exportdesk-pg-"))
    password = secrets.token_hex(16)
    (folder / "pw").write_text(password)
    if run_as:
        shutil.chown(folder, "postgres", "postgres")
        shutil.chown(folder / "pw", "postgres", "postgres")
    data = folder / "data"
    subprocess.run(
        [
            *run_as,
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "--auth=scram-sha-256",
            f"--pwfile={folder / 'pw'}",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        ],
        check=True,
        capture_output=True,
    )
    port = _free_port()
    options = (
        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    )
    subprocess.run(
        [
            *run_as,
            str(bindir / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(folder / "log"),
            "-o",
            options,
            "-w",
            "start",
        ],
        check=True,
        capture_output=True,
    )
    _stop_when_gone(os.getpid(), bindir, data, folder, run_as)
    return Cluster("127.0.0.1", port, "postgres", password, folder, run_as, bindir, options)


def _stop_when_gone(pid: int, bindir: Path, data: Path, folder: Path, run_as: list[str]) -> None:
    """A killed test run skips its teardown; a small watcher then stops and removes the
    cluster once the process that started it is gone."""
    stop = " ".join([*run_as, str(bindir / "pg_ctl"), "-D", str(data), "stop", "-m", "immediate"])
    watcher = (
        f"while kill -0 {pid} 2>/dev/null; do sleep 2; done; "
        f"{stop} >/dev/null 2>&1; rm -rf {folder}"
    )
    # Put in the background by a shell that exits at once: nothing left to wait for.
    subprocess.run(
        ["sh", "-c", f"({watcher}) </dev/null >/dev/null 2>&1 &"],
        check=False,
        start_new_session=True,
    )
