"""`/healthz`: the process is up. `/readyz`: the database answers (503 with the reason when not)."""

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from graph.errors import GraphError
from graph.reads.health import ping


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> JSONResponse:
    try:
        await run_in_threadpool(ping, request.app.state.graph)
    except GraphError as exc:
        return JSONResponse({"status": "unavailable", "reason": str(exc)}, status_code=503)
    return JSONResponse({"status": "ready"})
