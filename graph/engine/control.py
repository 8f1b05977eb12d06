"""Start, stop and inspect the embedded engine process (`medgraph engine start|stop|status`).

The pid file says which process is ours; a pid file whose process is gone, or is not our engine, is stale
and does not block a start. Start returns once the database answers over Bolt.
"""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from neo4j import GraphDatabase
from neo4j import exceptions as neo4j_errors

from graph.config import EngineConfig
from graph.errors import EngineAlreadyRunning, EngineError

START_TIMEOUT = 120.0
STOP_TIMEOUT = 30.0
ENGINE_MODULE = "graph.engine.server_main"
ROOT_USER = "root"


@dataclass(frozen=True, slots=True)
class EngineStatus:
    running: bool
    pid: int | None
    bolt_url: str
    home: Path
    answering: bool = False

    def describe(self) -> str:
        if not self.running:
            return f"engine stopped (home {self.home})"
        state = "answering" if self.answering else "not answering yet"
        return f"engine running, pid {self.pid}, {self.bolt_url} {state} (home {self.home})"


class EngineControl:
    def __init__(self, config: EngineConfig) -> None:
        self.config = config

    @property
    def bolt_url(self) -> str:
        return f"bolt://127.0.0.1:{self.config.bolt_port}"

    def status(self) -> EngineStatus:
        pid = self._live_pid()
        return EngineStatus(
            running=pid is not None,
            pid=pid,
            bolt_url=self.bolt_url,
            home=self.config.home,
            answering=pid is not None and self._answers(),
        )

    def start(self, timeout: float = START_TIMEOUT) -> EngineStatus:
        pid = self._live_pid()
        if pid is not None:
            raise EngineAlreadyRunning(f"the engine is already running (pid {pid}, {self.bolt_url})")
        for port in (self.config.bolt_port, self.config.http_port):
            if _port_taken(port):
                raise EngineError(f"port {port} on 127.0.0.1 is in use by another program; set another port")
        self.config.home.mkdir(parents=True, exist_ok=True)
        self.config.pid_file.unlink(missing_ok=True)
        with self.config.log_file.open("ab") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", ENGINE_MODULE, *self._arguments()],
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # Ctrl-C in a terminal goes to `serve`, which stops us in order
                env={
                    **os.environ,
                    "MEDGRAPH_ENGINE_ROOT_PASSWORD": self.config.password,
                    "MEDGRAPH_ENGINE_ANALYST_PASSWORD": self.config.analyst_password,
                },
                cwd=self.config.home,
            )
        self.config.pid_file.write_text(f"{process.pid}\n")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                self.config.pid_file.unlink(missing_ok=True)
                code = process.returncode
                raise EngineError(f"the engine exited during start (code {code}); see {self._log_tail()}")
            if self._answers():
                return self.status()
            time.sleep(0.25)
        self._terminate(process.pid)
        raise EngineError(
            f"the engine did not answer on {self.bolt_url} within {timeout:.0f} s; see {self._log_tail()}"
        )

    def stop(self, timeout: float = STOP_TIMEOUT) -> bool:
        """Stop the engine; False when it was not running."""
        pid = self._live_pid()
        if pid is None:
            self.config.pid_file.unlink(missing_ok=True)
            return False
        self._terminate(pid, timeout)
        self.config.pid_file.unlink(missing_ok=True)
        return True

    def _arguments(self) -> list[str]:
        c = self.config
        return [
            "--home", str(c.home), "--bolt-port", str(c.bolt_port), "--http-port", str(c.http_port),
            "--database", c.database, "--heap", c.heap,
        ]  # fmt: skip

    def _live_pid(self) -> int | None:
        try:
            pid = int(self.config.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        return pid if _is_our_engine(pid) else None

    def _answers(self) -> bool:
        try:
            with (
                GraphDatabase.driver(
                    self.bolt_url, auth=(ROOT_USER, self.config.password), connection_timeout=2.0
                ) as driver,
                driver.session(database=self.config.database) as session,
            ):
                session.run("RETURN 1 AS ok").consume()
            return True
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError):
            return False

    def _terminate(self, pid: int, timeout: float = STOP_TIMEOUT) -> None:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not _pid_alive(pid):
                return
            time.sleep(0.1)
        os.kill(pid, signal.SIGKILL)
        while _pid_alive(pid):
            time.sleep(0.05)

    def _log_tail(self) -> str:
        try:
            lines = self.config.log_file.read_text(errors="replace").splitlines()[-3:]
        except FileNotFoundError:
            return str(self.config.log_file)
        return f"{self.config.log_file}: " + " | ".join(line.strip() for line in lines)


def _pid_alive(pid: int) -> bool:
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reap our own child so it does not linger as a zombie
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _is_our_engine(pid: int) -> bool:
    if not _pid_alive(pid):
        return False
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return ENGINE_MODULE.encode() in cmdline


def _port_taken(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return True
    return False
