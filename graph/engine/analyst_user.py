"""The analysts' engine user: reads every type of the database and nothing else, by ArcadeDB's own security.

ArcadeDB keeps users in `server-users.jsonl` and per-database groups in `server-groups.json`; a group whose
types grant only `readRecord` and whose database access is empty (no `updateSchema`) makes every CREATE,
MERGE, SET, DELETE and schema statement fail with `Neo.ClientError.Security.Forbidden` over Bolt, in a read
transaction or not. That matters: the engine does not refuse writes in a read transaction for a user who may
write (checked on 26.10), so the user, not the transaction mode, is the guarantee (docs/security.md).
Run inside the engine process, where the JVM is; the password is set again at every start.
"""

import json
from typing import Any

ANALYST_USER = "analyst"
ANALYST_GROUP = "analyst"
_READ_ONLY_GROUP = (
    '{"access": [], "resultSetLimit": -1, "readTimeout": -1, "types": {"*": {"access": ["readRecord"]}}}'
)


def ensure_analyst_user(server: Any, database: str, password: str) -> None:
    """Create the read-only analyst user of `database` on a started server, replacing an older one."""
    import jpype  # type: ignore[import-untyped]  # the engine process's JVM, started by ArcadeDBServer

    json_object = jpype.JClass("com.arcadedb.serializer.json.JSONObject")
    security = server._java_server.getSecurity()
    security.saveGroup(database, ANALYST_GROUP, json_object(_READ_ONLY_GROUP))
    if security.existsUser(ANALYST_USER):
        security.dropUser(ANALYST_USER)  # so that the password is the one of this start
    user = {
        "name": ANALYST_USER,
        "password": str(security.encodePassword(password)),
        "databases": {database: [ANALYST_GROUP]},
    }
    security.createUser(json_object(json.dumps(user)))
