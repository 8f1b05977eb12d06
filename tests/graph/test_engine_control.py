"""The embedded engine's lifecycle, on an engine of this test's own (the session engine stays untouched)."""

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
from tests.conftest import engine_environ


@pytest.fixture(scope="module")
def control(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EngineControl]:
    settings = Settings.from_environ(engine_environ(tmp_path_factory.mktemp("lifecycle")))
    control = EngineControl(settings.engine_config())
    yield control
    control.stop()


def test_status_of_a_never_started_engine_is_stopped(control: EngineControl) -> None:
    status = control.status()
    assert not status.running
    assert status.pid is None


def test_a_stale_pid_file_does_not_block_a_start(control: EngineControl) -> None:
    control.config.home.mkdir(parents=True, exist_ok=True)
    # A pid that is alive but is not our engine (this test process), as after a reboot reuses pids.
    control.config.pid_file.write_text(f"{os.getpid()}\n")
    assert not control.status().running
    status = control.start()
    assert status.running and status.answering
    assert status.pid != os.getpid()
    assert control.config.pid_file.read_text().strip() == str(status.pid)


def test_the_database_is_created_on_first_start(control: EngineControl) -> None:
    assert (control.config.home / "server" / "databases" / control.config.database).is_dir()
    assert control.config.log_file.exists()


def test_a_second_start_is_refused(control: EngineControl) -> None:
    with pytest.raises(EngineAlreadyRunning, match="already running"):
        control.start()


def test_engine_status_cli_reports_the_running_engine(control: EngineControl) -> None:
    environ = {
        **_clean_environ(),
        "MEDGRAPH_HOME": str(control.config.home.parent),
        "MEDGRAPH_ENGINE_BOLT_PORT": str(control.config.bolt_port),
        "MEDGRAPH_ENGINE_HTTP_PORT": str(control.config.http_port),
    }
    result = subprocess.run(
        [sys.executable, "-m", "server", "engine", "status"], env=environ, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "engine running" in result.stderr and "answering" in result.stderr


def test_stop_stops_cleanly_and_removes_the_pid_file(control: EngineControl) -> None:
    pid = control.status().pid
    assert control.stop() is True
    assert not control.config.pid_file.exists()
    assert not Path(f"/proc/{pid}").exists()
    assert control.stop() is False


def test_a_port_in_use_is_a_clear_error(control: EngineControl) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        busy = sock.getsockname()[1]
        other = EngineControl(dataclasses.replace(control.config, bolt_port=busy))
        with pytest.raises(EngineError, match=f"port {busy} on 127.0.0.1 is in use"):
            other.start()
        assert not other.status().running


def _clean_environ() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(("MEDGRAPH_", "NEO4J_"))}
