"""Seed files as YAML node trees, so that every problem can name its line.

Each file is composed once and its data constructed from the same nodes; a pydantic error location
(`('steps', 2, 'label')`) is walked down the nodes to the line it names (`line_of`). Used by the seed files
(graph.knowledge.seed_files) and the glossary (graph.vocabulary.glossary).
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from graph.knowledge.errors import SeedProblem

Loc = tuple[str | int, ...]

# The C parser (when PyYAML was built with libyaml) is several times faster and keeps the same node marks.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(slots=True)
class YamlDoc:
    path: Path
    node: yaml.Node
    data: Any


def read_yaml(path: Path, problems: list[SeedProblem]) -> YamlDoc | None:
    """Parse one file into its node tree and data; on failure record a problem and return None."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(SeedProblem(path, 0, f"cannot read file: {exc}"))
        return None
    loader = _Loader(text)
    node: yaml.Node | None = None
    try:
        node = loader.get_single_node()
        if node is None:
            problems.append(SeedProblem(path, 0, "file is empty"))
            return None
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 0
        what = " ".join(part for part in (exc.context, exc.problem) if part)
        problems.append(SeedProblem(path, line, f"YAML syntax error: {what}"))
        return None
    except yaml.YAMLError as exc:
        problems.append(SeedProblem(path, 0, f"YAML error: {exc}"))
        return None
    except ValueError as exc:
        # PyYAML's constructors raise plain ValueErrors, e.g. for an impossible date such as 2026-13-40.
        problems.append(SeedProblem(path, _bad_scalar_line(node) if node else 0, f"invalid value: {exc}"))
        return None
    finally:
        loader.dispose()
    # PyYAML keeps the last of two equal keys without a word; a repeated section would silently drop data.
    for key_node, first_line in _duplicate_mapping_keys(node):
        problems.append(
            SeedProblem(
                path,
                key_node.start_mark.line + 1,
                f"key '{key_node.value}' appears twice in this mapping (first on line {first_line})",
            )
        )
    return YamlDoc(path, node, data)


def _bad_scalar_line(node: yaml.Node) -> int:
    """The line of the first scalar that PyYAML cannot construct (0 if none is found)."""
    constructor = yaml.SafeLoader("")
    stack = [node]
    while stack:
        current = stack.pop(0)
        if isinstance(current, yaml.ScalarNode):
            try:
                constructor.construct_object(current)
            except ValueError:
                return current.start_mark.line + 1
        elif isinstance(current, yaml.MappingNode):
            stack.extend(part for pair in current.value for part in pair)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return 0


def _duplicate_mapping_keys(node: yaml.Node) -> Iterator[tuple[yaml.ScalarNode, int]]:
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        yield key, seen[key.value]
                    else:
                        seen[key.value] = key.start_mark.line + 1
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


def line_of(node: yaml.Node, loc: Iterable[str | int]) -> int:
    """The line (1-based) of the deepest node that `loc` reaches.

    A mapping step reports the line of the key (a block value starts on the line after its key, and a missing
    field has no node of its own, so the enclosing mapping's line is the best pointer to it).
    """
    line = node.start_mark.line + 1
    current: yaml.Node | None = node
    for part in loc:
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                    line = key.start_mark.line + 1
                    current = value
                    break
            else:
                return line
        elif isinstance(current, yaml.SequenceNode) and isinstance(part, int):
            if not 0 <= part < len(current.value):
                return line
            current = current.value[part]
            line = current.start_mark.line + 1
        else:
            # Pydantic adds location parts of its own for some types (e.g. `function-after[...]`); skip them.
            continue
    return line


def _validation_problems(path: Path, node: yaml.Node, base: Loc, exc: ValidationError) -> list[SeedProblem]:
    problems = []
    for error in exc.errors(include_url=False):
        # Our custom errors carry `at`: where below the validated value the problem really is.
        at = tuple((error.get("ctx") or {}).get("at", ()))
        loc = (*base, *error["loc"], *at)
        where = ".".join(str(part) for part in loc if isinstance(part, str | int))
        message = error["msg"]
        if error["type"] == "missing":
            message = f"missing required field '{where}'"
        elif error["type"] == "extra_forbidden":
            message = f"unknown field '{where}' (not part of the seed format)"
        elif error["type"] == "string_type" and isinstance(error.get("input"), dict):
            # The usual cause: plain text such as `- Note: more text` that YAML reads as a mapping.
            message = (
                f"{where}: expected text but YAML read a mapping; a ': ' inside plain text starts one, "
                "so quote the text or write it as a `>-` block"
            )
        else:
            message = f"{where}: {message}" if where else message
        problems.append(SeedProblem(path, line_of(node, loc), message))
    return problems


def validate(
    model: type[BaseModel], doc: YamlDoc, data: Any, node_loc: Loc, problems: list[SeedProblem]
) -> BaseModel | None:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems.extend(_validation_problems(doc.path, doc.node, node_loc, exc))
        return None
