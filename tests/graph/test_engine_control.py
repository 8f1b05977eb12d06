"""The embedded engine's lifecycle, on engines of these tests' own (the session engine stays untouched).

Each test stands alone: the ones that need a running engine share one started by a fixture; the lifecycle
through `medgraph engine start|stop|status` runs on an engine of its own.
"""

import dataclasses
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.engine.control import EngineControl
from graph.errors import EngineAlreadyRunning, EngineError
from server.settings import Settings
from tests.conftest import engine_environ, engine_of_its_own


def unstarted(home: Path) -> EngineControl:
    return EngineControl(Settings.from_environ(engine_environ(home)).engine_config())


@pytest.fixture(scope="module")
def started(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EngineControl]:
    with engine_of_its_own(tmp_path_factory.mktemp("lifecycle")) as (_, control):
        yield control


def test_status_of_a_never_started_engine_is_stopped(tmp_path: Path) -> None:
    status = unstarted(tmp_path).status()
    assert not status.running
    assert status.pid is None


def test_the_database_is_created_on_first_start(started: EngineControl) -> None:
    assert (started.config.home / "server" / "databases" / started.config.database).is_dir()
    assert started.config.log_file.exists()


def test_a_second_start_is_refused(started: EngineControl) -> None:
    pid = started.status().pid
    with pytest.raises(EngineAlreadyRunning, match=f"already running \\(pid {pid}"):
        started.start()
    assert started.status().pid == pid and started.status().answering


def test_a_port_in_use_is_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        busy = sock.getsockname()[1]
        other = EngineControl(dataclasses.replace(unstarted(tmp_path).config, bolt_port=busy))
        with pytest.raises(EngineError, match=f"port {busy} on 127.0.0.1 is in use"):
            other.start()
        assert not other.status().running
        assert not other.config.pid_file.exists()


# ------------------------------------------------------------------- `medgraph engine start|stop|status`


def medgraph_engine(environ: dict[str, str], command: str) -> tuple[int, str]:
    """Run `medgraph engine <command>`; its exit code and what it said (on stderr, one line)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("MEDGRAPH_", "NEO4J_"))}
    result = subprocess.run(
        [sys.executable, "-m", "server", "engine", command],
        env={**clean, **environ},
        capture_output=True,
        text=True,
        timeout=180,
    )
    return result.returncode, " ".join(result.stderr.split())  # rich wraps long lines at 80 columns


def dead_pid() -> int:
    """The pid of a process that has exited (and been reaped), as a crash leaves in the pid file."""
    gone = subprocess.Popen(["true"])
    gone.wait()
    return gone.pid


def test_the_engine_cli_starts_stops_and_reports_refusing_a_double_start(tmp_path: Path) -> None:
    environ = engine_environ(tmp_path)
    control = EngineControl(Settings.from_environ(environ).engine_config())
    home = control.config.home
    running = f"engine running, pid {{}}, {control.bolt_url} answering (home {home})"
    control.config.home.mkdir(parents=True)
    crashed = dead_pid()
    control.config.pid_file.write_text(f"{crashed}\n")
    try:
        assert medgraph_engine(environ, "status") == (
            3,
            f"engine stopped (home {home})",
        )  # stale: not running

        code, said = medgraph_engine(environ, "start")  # the stale pid file does not block a start
        pid = control.status().pid
        assert pid is not None and pid != crashed
        assert (code, said) == (0, running.format(pid))
        assert control.config.pid_file.read_text() == f"{pid}\n"

        code, said = medgraph_engine(environ, "start")
        assert (code, said) == (1, f"medgraph: the engine is already running (pid {pid}, {control.bolt_url})")
        assert control.status().pid == pid and control.status().answering  # the first one is untouched

        assert medgraph_engine(environ, "status") == (0, running.format(pid))
        assert medgraph_engine(environ, "stop") == (0, "engine stopped")
        assert not Path(f"/proc/{pid}").exists()
        assert not control.config.pid_file.exists()
        assert medgraph_engine(environ, "stop") == (0, "engine was not running")
        assert medgraph_engine(environ, "status") == (3, f"engine stopped (home {home})")
    finally:
        control.stop()


def test_a_pid_file_naming_another_live_program_is_stale_and_that_program_is_left_alone(
    tmp_path: Path,
) -> None:
    environ = engine_environ(tmp_path)
    control = EngineControl(Settings.from_environ(environ).engine_config())
    control.config.home.mkdir(parents=True)
    # After a reboot the pid in the file may be another program's: here, this test's own process.
    control.config.pid_file.write_text(f"{os.getpid()}\n")
    assert medgraph_engine(environ, "status") == (3, f"engine stopped (home {control.config.home})")
    assert medgraph_engine(environ, "stop") == (0, "engine was not running")
    assert not control.config.pid_file.exists()  # the stale file is cleared; this process still runs
