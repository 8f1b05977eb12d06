"""The `medgraph` command: serve, engine start|stop|status, load, seeds check, export-schema."""

import logging
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
import uvicorn
from rich.console import Console

from graph import bundle
from graph.engine.control import EngineControl
from graph.errors import GraphError
from graph.importers.errors import ImportFormatError
from graph.knowledge.errors import KnowledgeError
from graph.knowledge.seed_files import check_seeds
from graph.vocabulary.glossary import check_glossary
from server.loading import LoadRequest, load_missing_vocabularies, run_load
from server.settings import Settings, SettingsError

app = typer.Typer(no_args_is_help=True, add_completion=False, help="medgraph: search all medical codes.")
engine_app = typer.Typer(no_args_is_help=True, help="The embedded graph engine (when NEO4J_URI is not set).")
app.add_typer(engine_app, name="engine")
console = Console(stderr=True)

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema" / "schema.graphql"


def load_settings() -> Settings:
    """The settings of the environment, with the bundled files looked for where they say."""
    try:
        settings = Settings.from_environ(os.environ)
    except SettingsError as exc:
        typer.echo(f"medgraph: {exc}", err=True)
        raise typer.Exit(2) from None
    if settings.bundle_dir is not None:
        bundle.use(settings.bundle_dir)
    return settings


@contextmanager
def graph_errors_exit() -> Iterator[None]:
    try:
        yield
    except GraphError as exc:
        typer.echo(f"medgraph: {exc}", err=True)
        raise typer.Exit(1) from None


@engine_app.command("start")
def engine_start() -> None:
    """Start the embedded engine and wait until it answers."""
    settings = load_settings()
    with graph_errors_exit():
        status = EngineControl(settings.engine_config()).start()
    console.print(status.describe())


@engine_app.command("stop")
def engine_stop() -> None:
    """Stop the embedded engine."""
    settings = load_settings()
    with graph_errors_exit():
        stopped = EngineControl(settings.engine_config()).stop()
    console.print("engine stopped" if stopped else "engine was not running")


@engine_app.command("status")
def engine_status() -> None:
    """Say whether the embedded engine runs and answers; exit code 3 when it does not run."""
    settings = load_settings()
    status = EngineControl(settings.engine_config()).status()
    console.print(status.describe())
    if not status.running:
        raise typer.Exit(3)


@app.command()
def serve(
    load_if_empty: Annotated[bool, typer.Option("--load-if-empty", help="Load data if empty.")] = False,
) -> None:
    """Serve the API and web pages; starts the embedded engine first when NEO4J_URI is not set."""
    from server.app import create_app

    settings = load_settings()
    _configure_logging(settings.log_level)
    engine = EngineControl(settings.engine_config()) if settings.embedded else None
    started_engine = False
    with graph_errors_exit():
        if engine is not None and not engine.status().running:
            console.print("starting the embedded engine …")
            console.print(engine.start().describe())
            started_engine = True
    try:
        if load_if_empty:
            with graph_errors_exit():
                run_load(settings, LoadRequest.codes_and_seeds(), console, if_empty=True)
            # The indexes and tables load beside the server (server.loading explains why).
            threading.Thread(
                target=load_missing_vocabularies, args=(settings, console), name="vocabularies", daemon=True
            ).start()
        console.print(f"medgraph serving on http://{settings.host}:{settings.port} (GraphQL at /graphql)")
        # uvicorn re-raises SIGTERM once it has shut down; as SystemExit it lets the engine stop below, where
        # the default action would end the process first (systemd, Docker and Kubernetes all send SIGTERM).
        signal.signal(signal.SIGTERM, _exit_on_sigterm)
        uvicorn.run(
            create_app(settings),
            host=settings.host,
            port=settings.port,
            log_config=None,
            access_log=False,
            lifespan="on",
        )
    finally:
        if started_engine and engine is not None:
            console.print("stopping the embedded engine it started …")
            engine.stop()


@app.command("export-schema")
def export_schema(path: Annotated[Path, typer.Option(help="Where to write the SDL.")] = SCHEMA_PATH) -> None:
    """Write the GraphQL schema (SDL) to schema/schema.graphql."""
    from schema import schema

    path.write_text(schema.as_str() + "\n")
    console.print(f"wrote {path}")


def _exit_on_sigterm(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _configure_logging(level: str) -> None:
    logging.basicConfig(level=level.upper(), format="%(message)s", stream=sys.stderr)


@app.command()
def load(
    system: Annotated[str, typer.Argument(help="all, seeds, icd10cm, pcs, hcpcs or cpt.")] = "all",
    source: Annotated[Path | None, typer.Option(help="A release file to load, not the bundled one.")] = None,
    version: Annotated[str | None, typer.Option(help="The release name, for a CPT file (e.g. 2026).")] = None,
    if_empty: Annotated[bool, typer.Option("--if-empty", help="Skip when the graph holds codes.")] = False,
) -> None:
    """Load official code releases (the bundled ones by default) and the curated seeds into the graph."""
    settings = load_settings()
    try:
        request = LoadRequest.parse(system, source, version)
    except ValueError as exc:
        typer.echo(f"medgraph: {exc}", err=True)
        raise typer.Exit(2) from None
    with graph_errors_exit():
        try:
            run_load(settings, request, console, if_empty=if_empty)
        except (ImportFormatError, KnowledgeError, ValueError) as exc:
            typer.echo(f"medgraph: {exc}", err=True)
            raise typer.Exit(1) from None


seeds_app = typer.Typer(no_args_is_help=True, help="The curated knowledge in seeds/.")
app.add_typer(seeds_app, name="seeds")


@seeds_app.command("check")
def seeds_check(root: Annotated[Path | None, typer.Option(help="The seeds folder.")] = None) -> None:
    """Validate every seed file; report each problem with its file and line; exit 1 when there are any."""
    if root is None:
        load_settings()
        root = bundle.seeds_dir()
    problems = sorted([*check_seeds(root), *check_glossary(root)])
    for problem in problems:
        typer.echo(f"{problem.file}:{problem.line}: {problem.message}")
    if problems:
        typer.echo(f"{len(problems)} problem(s) in {root}", err=True)
        raise typer.Exit(1)
    typer.echo(f"seeds OK: {root}")
