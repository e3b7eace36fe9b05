"""Analyst-edited YAML files, checked against their JSON Schema with the line of each mistake."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from newswatch.contracts import schema_validator


class DataFileError(ValueError):
    """A data file that cannot be used; the message reads ``file:line: problem``."""


def _line_of(node: yaml.Node | None, path: Sequence[str | int]) -> int:
    """1-based line of the deepest node on ``path`` (the schema error's location)."""
    line = node.start_mark.line + 1 if node is not None else 1
    for step in path:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == step), None)
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value)
        ):
            node = node.value[step]
        else:
            break
        if node is None:
            break
        line = node.start_mark.line + 1
    return line


def load(path: Path, schema: str) -> Any:
    """Parse ``path`` and validate it against ``schemas/<schema>.json``."""
    try:
        text = path.read_text(encoding="utf-8")
        tree = yaml.compose(text, Loader=yaml.SafeLoader)
        document = yaml.safe_load(text)
    except OSError as exc:
        raise DataFileError(f"{path}:0: {exc.strerror}") from None
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 0
        raise DataFileError(f"{path}:{line}: {exc.problem}") from None
    errors = sorted(schema_validator(schema).iter_errors(document), key=lambda e: list(e.path))
    if errors:
        first = errors[0]
        raise DataFileError(f"{path}:{_line_of(tree, list(first.path))}: {first.message}")
    return document


def fail(path: Path, tree_path: Sequence[str | int], message: str) -> DataFileError:
    """A DataFileError for a check the schema cannot express (e.g. an unknown event type)."""
    try:
        tree = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, yaml.YAMLError):
        tree = None
    return DataFileError(f"{path}:{_line_of(tree, tree_path)}: {message}")
