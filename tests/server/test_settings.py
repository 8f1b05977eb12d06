from pathlib import Path

import pytest
from starlette.testclient import TestClient

from server.app import create_app
from server.settings import Settings, SettingsError
from tests.conftest import free_port


def test_defaults_serve_locally_on_port_8000_with_the_embedded_engine() -> None:
    settings = Settings.from_environ({})
    assert (settings.host, settings.port) == ("127.0.0.1", 8000)
    assert settings.home == Path(".medgraph")
    assert settings.embedded
    graph = settings.graph_config()
    assert graph.uri == "bolt://127.0.0.1:7688"
    assert graph.database == "medgraph"


def test_port_and_home_come_from_the_environment() -> None:
    settings = Settings.from_environ({"MEDGRAPH_PORT": "8123", "MEDGRAPH_HOME": "/tmp/x"})
    assert settings.port == 8123
    assert settings.engine_config().home == Path("/tmp/x/engine")


def test_neo4j_uri_switches_to_the_external_server() -> None:
    settings = Settings.from_environ(
        {"NEO4J_URI": "neo4j://db:7687", "NEO4J_USER": "u", "NEO4J_PASSWORD": "p", "NEO4J_DATABASE": "codes"}
    )
    assert not settings.embedded
    graph = settings.graph_config()
    assert (graph.uri, graph.user, graph.password, graph.database) == ("neo4j://db:7687", "u", "p", "codes")
    assert graph.http_url is None


def test_neo4j_database_defaults_to_neo4j() -> None:
    assert Settings.from_environ({"NEO4J_URI": "bolt://localhost:7687"}).graph_config().database == "neo4j"


def test_api_key_is_secret() -> None:
    settings = Settings.from_environ({"MEDGRAPH_API_KEY": "s3cret"})
    assert settings.api_key is not None
    assert "s3cret" not in repr(settings)


def test_unrelated_variables_are_ignored() -> None:
    assert Settings.from_environ({"PATH": "/bin", "HOME": "/root"}).port == 8000


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"MEDGRAPH_PORT": "abc"}, "MEDGRAPH_PORT: Input should be a valid integer"),
        ({"MEDGRAPH_PORT": "70000"}, "MEDGRAPH_PORT: Input should be less than or equal to 65535"),
        ({"MEDGRAPH_PROT": "8000"}, "MEDGRAPH_PROT: unknown setting"),
        ({"NEO4J_URI": "http://localhost:7474"}, "NEO4J_URI: String should match pattern"),
        ({"MEDGRAPH_QUERY_TIMEOUT": "-1"}, "MEDGRAPH_QUERY_TIMEOUT: Input should be greater than 0"),
        ({"MEDGRAPH_DEV": "maybe"}, "MEDGRAPH_DEV: Input should be a valid boolean"),
    ],
)
def test_unknown_or_malformed_values_fail_with_one_line_naming_the_variable(
    environ: dict[str, str], message: str
) -> None:
    with pytest.raises(SettingsError) as caught:
        Settings.from_environ(environ)
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_the_data_version_poll_interval_is_a_setting_the_app_follows_with() -> None:
    assert Settings.from_environ({}).data_version_poll_seconds == 1.0
    nobody = f"bolt://127.0.0.1:{free_port()}"  # no database: the lifespan starts all the same
    environ = {"MEDGRAPH_DATA_VERSION_POLL_SECONDS": "0.25", "NEO4J_URI": nobody}
    settings = Settings.from_environ(environ)
    assert settings.data_version_poll_seconds == 0.25
    with TestClient(create_app(settings)) as client:  # the lifespan makes the follower
        assert client.app_state["follower"].every == 0.25
    with pytest.raises(SettingsError, match=r"^MEDGRAPH_DATA_VERSION_POLL_SECONDS: Input should be greater"):
        Settings.from_environ({"MEDGRAPH_DATA_VERSION_POLL_SECONDS": "0"})
