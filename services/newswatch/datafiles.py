"""Analyst files: YAML read with line numbers, checked against a JSON Schema, one error type.

The watchlist, taxonomy, trigger patterns and subscriptions are edited by people; a mistake must
point them at ``file:line``, so a file is composed into YAML nodes (which carry marks) before it
becomes Python data, in one libyaml pass. A key written twice is an error (PyYAML would keep the
last one silently). Every loader of such a file goes through here.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from newswatch.contracts import conforms, schema_validator
from newswatch.errors import NewswatchError

try:  # libyaml is ~10x faster; pure Python still works, only slower.
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

JsonPath = Sequence[str | int]
# (mtime, size, inode): a change, including an editor's save-by-rename; None when missing.
Stamp = tuple[int, int, int] | None


class DataFileError(NewswatchError, ValueError):
    """A data file that cannot be used; each line of the message reads ``file:line: problem``."""

    def __init__(self, message: str, *, line: int = 0, problem: str | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.problem = message if problem is None else problem

    @classmethod
    def at(cls, source: str, line: int, problem: str) -> DataFileError:
        return cls(f"{source}:{line}: {problem}", line=line, problem=problem)


@dataclass(frozen=True)
class YamlDocument:
    """A parsed file: its data, and the nodes that tell where each part of it was written."""

    source: str
    root: yaml.Node | None
    data: Any

    def line(self, path: JsonPath) -> int:
        """1-based line where the value at ``path`` starts (for a block under a key, its first
        line: where a mistake inside it is), else that of its deepest ancestor present; 0 when
        there is no file to point into."""
        node = self.root
        if node is None:
            return 0
        line = node.start_mark.line + 1
        for step in path:
            if isinstance(node, yaml.MappingNode):
                entry = next(((k, v) for k, v in node.value if k.value == str(step)), None)
                if entry is None:
                    break
                node, line = entry[1], entry[1].start_mark.line + 1
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
                if not 0 <= step < len(node.value):
                    break
                node = node.value[step]
                line = node.start_mark.line + 1
            else:
                break
        return line

    def error(self, path: JsonPath, message: str) -> DataFileError:
        """A DataFileError at ``path``, for a check the schema cannot express."""
        return DataFileError.at(self.source, self.line(path), message)


def parse_yaml(text: str, source: str) -> YamlDocument:
    """Compose (for marks), then construct (for data); bad YAML or a repeated key is an error."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        _check_duplicate_keys(source, root)
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 0
        raise DataFileError.at(source, line, f"invalid YAML: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise DataFileError.at(source, 0, f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()
    return YamlDocument(source, root, data)


def read_yaml(path: Path) -> YamlDocument:
    """``parse_yaml`` of a file; a file that cannot be read is a DataFileError at line 0."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError.at(str(path), 0, f"cannot read: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise DataFileError.at(str(path), 0, f"not UTF-8: {exc.reason}") from None
    return parse_yaml(text, str(path))


def _check_duplicate_keys(source: str, node: yaml.Node | None) -> None:
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: set[Any] = set()
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        line = key.start_mark.line + 1
                        raise DataFileError.at(source, line, f"duplicate key {key.value!r}")
                    seen.add(key.value)
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


@dataclass(frozen=True)
class SchemaProblem:
    """One schema violation: ``path`` points at the mistake itself (an unknown field rather than
    the mapping holding it); ``error`` is jsonschema's, for callers that word it their way."""

    path: list[str | int]
    error: Any

    @property
    def where(self) -> str:
        """The violating instance's JSON path, ``a/0/b`` (empty at the root)."""
        return "/".join(map(str, self.error.absolute_path))


def schema_problems(data: Any, schema: str) -> Iterator[SchemaProblem]:
    """Every violation of ``schemas/<schema>.json``, in jsonschema's order."""
    if conforms(schema, data):
        return
    for error in schema_validator(schema).iter_errors(data):
        path: list[str | int] = list(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            known = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
            path += [key for key in error.instance if key not in known][:1]
        yield SchemaProblem(path, error)


def load(path: Path, schema: str) -> Any:
    """Read ``path`` and validate it against ``schemas/<schema>.json``; the first mistake in
    document order is the error."""
    document = read_yaml(path)
    problems = sorted(schema_problems(document.data, schema), key=lambda p: list(p.error.path))
    if problems:
        first = problems[0]
        raise document.error(list(first.error.path), first.error.message)
    return document.data


def fail(path: Path, tree_path: JsonPath, message: str) -> DataFileError:
    """A DataFileError for a check the schema cannot express (e.g. an unknown event type)."""
    try:
        document = read_yaml(path)
    except DataFileError:
        document = YamlDocument(str(path), None, None)
    return document.error(tree_path, message)


def file_stamp(path: Path) -> Stamp:
    """What tells a changed file from an unchanged one, without reading it."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)
