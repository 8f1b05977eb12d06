"""`/healthz`: the process is up. `/readyz`: the database answers (503 with the reason when not). A `warning`
says when the search index is still being built (and why its build failed) or the last follow-up failed."""

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from graph.errors import GraphError
from graph.reads.health import ping
from server.state import follower_of, graph_of


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> JSONResponse:
    try:
        await run_in_threadpool(ping, graph_of(request))
    except GraphError as exc:
        return JSONResponse({"status": "unavailable", "reason": str(exc)}, status_code=503)
    follower = follower_of(request)
    if not follower.index_ready:  # searches wait for it; everything else answers
        reason = follower.failure or "the search index is being built"
        return JSONResponse({"status": "ready", "warning": reason})
    if follower.failure is not None:  # serving, but the last follow-up failed
        return JSONResponse({"status": "ready", "warning": f"data version not followed: {follower.failure}"})
    return JSONResponse({"status": "ready"})
