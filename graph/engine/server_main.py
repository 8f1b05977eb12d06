"""The embedded engine's own process: an ArcadeDB server with its Bolt plugin.

Started by `graph.engine.control`, never imported by the web app. Runs in the engine's home folder because
ArcadeDB writes part of its logs relative to the working directory. SIGTERM stops it cleanly.

At each start it also (re)creates the analysts' engine user (graph.engine.analyst_user): the analyst console
connects with it, and the engine's own permissions keep it from writing.
"""

import argparse
import os
import signal
import sys
import threading
from pathlib import Path

from graph.engine.analyst_user import ensure_analyst_user

BOLT_PLUGIN = "Bolt:com.arcadedb.bolt.BoltProtocolPlugin"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="medgraph-engine")
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--bolt-port", type=int, required=True)
    parser.add_argument("--http-port", type=int, required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--heap", default="2g")
    args = parser.parse_args(argv)
    password = os.environ.pop("MEDGRAPH_ENGINE_ROOT_PASSWORD", "")
    analyst_password = os.environ.pop("MEDGRAPH_ENGINE_ANALYST_PASSWORD", "")

    home: Path = args.home.resolve()
    home.mkdir(parents=True, exist_ok=True)
    os.chdir(home)
    os.environ.setdefault("ARCADEDB_JVM_ERROR_FILE", str(home / "hs_err_pid%p.log"))

    from arcadedb_embedded.server import ArcadeDBServer  # the JVM starts here, in this process only

    server = ArcadeDBServer(
        str(home / "server"),
        root_password=password,
        config={
            "http_port": args.http_port,
            "host": "127.0.0.1",
            "server_plugins": BOLT_PLUGIN,
            "bolt_port": args.bolt_port,
        },
        jvm_kwargs={"heap_size": args.heap},
    )
    server.start()
    server.create_database(args.database)  # opens it, creating it on first start
    if analyst_password:
        ensure_analyst_user(server, args.database, analyst_password)
    print(f"medgraph engine ready: bolt://127.0.0.1:{args.bolt_port} database {args.database}", flush=True)

    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    signal.signal(signal.SIGINT, lambda *_: stopped.set())
    stopped.wait()
    server.stop()
    print("medgraph engine stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
