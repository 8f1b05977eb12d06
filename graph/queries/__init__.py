"""All Cypher the app sends, as named literal constants, one module per use case.

Every module of this package holds its statements as module-level UPPER_CASE `str` constants
(`LiteralString`); `all_queries()` finds them all so that tests/graph/test_cypher_lint.py can run
Neo4j's own linter over every statement the app sends.
"""

import importlib
import pkgutil
import re
from types import ModuleType

_UPPER_CASE = re.compile(r"[A-Z][A-Z0-9_]*")

# Earliest match wins, so a `$` inside a string literal, a quoted name or a comment is consumed by
# that token and never read as a parameter. Cypher allows blanks between `$` and the name.
_TOKENS = re.compile(
    r"""
      '(?:[^'\\]|\\.)*'
    | "(?:[^"\\]|\\.)*"
    | `(?:[^`]|``)*`
    | //[^\n]*
    | /\*.*?\*/
    | \$\s*(?:(?P<name>\w+)|`(?P<quoted>(?:[^`]|``)*)`)
    """,
    re.VERBOSE | re.DOTALL,
)


def all_queries() -> dict[str, str]:
    """Every query of the package: `"module.CONSTANT"` → Cypher text, sorted by key."""
    found: dict[str, str] = {}
    for module_info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        found |= {f"{module_info.name}.{name}": text for name, text in cypher_constants(module).items()}
    return dict(sorted(found.items()))


def cypher_constants(module: ModuleType) -> dict[str, str]:
    """A module's Cypher: its UPPER_CASE `str` constants (also for the tests' and benchmarks' own modules)."""
    return {
        attr: value
        for attr, value in vars(module).items()
        if _UPPER_CASE.fullmatch(attr) and isinstance(value, str)
    }


def query_parameters(text: str) -> list[str]:
    """Names of the `$parameters` of a Cypher statement, each once, in order of first use.

    A back-quoted name (`` $`first name` ``) is returned unquoted, as the driver receives it.
    """
    names: list[str] = []
    for match in _TOKENS.finditer(text):
        if match["name"] is not None:
            name = match["name"]
        elif match["quoted"] is not None:
            name = match["quoted"].replace("``", "`")
        else:
            continue
        if name not in names:
            names.append(name)
    return names
