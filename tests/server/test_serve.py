"""`medgraph serve` as a process: it starts the embedded engine it needs and stops it again on SIGTERM."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from graph.engine.control import EngineControl
from server.settings import Settings
from tests.conftest import engine_environ, free_port, wait_for


def test_serve_starts_its_engine_and_stops_it_on_sigterm(tmp_path: Path) -> None:
    environ = {**engine_environ(tmp_path), "MEDGRAPH_PORT": str(free_port())}
    control = EngineControl(Settings.from_environ(environ).engine_config())
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("MEDGRAPH_", "NEO4J_"))}
    serve = subprocess.Popen(
        [sys.executable, "-m", "server", "serve"],
        env={**clean, **environ},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{environ['MEDGRAPH_PORT']}/readyz"

        def ready() -> bool:
            assert serve.poll() is None, "serve exited early"
            try:
                return httpx.get(url, timeout=2).status_code == 200
            except httpx.HTTPError:
                return False

        wait_for(ready, 120, "serve never became ready", every=0.5)
        assert control.status().running
        serve.send_signal(signal.SIGTERM)
        serve.wait(timeout=60)
        assert not control.status().running
    finally:
        if serve.poll() is None:
            serve.kill()
        control.stop()


@pytest.mark.parametrize("value", ["abc"])
def test_serve_refuses_malformed_settings_with_one_line(value: str) -> None:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("MEDGRAPH_", "NEO4J_"))}
    result = subprocess.run(
        [sys.executable, "-m", "server", "serve"],
        env={**clean, "MEDGRAPH_PORT": value},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("medgraph: MEDGRAPH_PORT: Input should be a valid integer")
