"""`/healthz`: the process is up. `/readyz`: the database answers and the search index is built (503 with the
reason when not: the database's error, or the index still being built and why its build failed, if it did). A
ready replica whose last follow-up of the data failed says so in `warning`."""

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from graph.errors import GraphError
from graph.reads.health import ping
from server.data_follower import DataFollower


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> JSONResponse:
    try:
        await run_in_threadpool(ping, request.app.state.graph)
    except GraphError as exc:
        return JSONResponse({"status": "unavailable", "reason": str(exc)}, status_code=503)
    follower: DataFollower | None = getattr(request.app.state, "follower", None)
    if follower is not None and not follower.index_ready:
        reason = follower.failure or "the search index is being built"
        return JSONResponse({"status": "starting", "reason": reason}, status_code=503)
    if follower is not None and follower.failure is not None:  # serving, but the last follow-up failed
        return JSONResponse({"status": "ready", "warning": f"data version not followed: {follower.failure}"})
    return JSONResponse({"status": "ready"})
