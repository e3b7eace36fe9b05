"""Metric names referred to by PromQL expressions, and the names our code exports.

Not a PromQL parser: it removes everything that can hold an identifier that is not a metric name
(strings, label matchers, range and offset modifiers, grouping clauses, function calls, keywords,
Grafana variables) and keeps the identifiers that remain. ``{__name__="x"}`` selectors count as x.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from prometheus_client.registry import CollectorRegistry

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|`[^`]*`')
_NAME_MATCHER = re.compile(r'__name__\s*=\s*"((?:[^"\\]|\\.)*)"')
_BRACES = re.compile(r"\{[^{}]*\}")
_BRACKETS = re.compile(r"\[[^\[\]]*\]")
_GROUPING = re.compile(
    r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^()]*\)", re.IGNORECASE
)
_MODIFIER = re.compile(r"\b(?:offset\s+-?[0-9a-z_.$]+|@\s*(?:start\(\)|end\(\)|[0-9.]+))")
_VARIABLE = re.compile(r"\$\{[^}]*\}|\$\w+")
# Numbers (with durations and exponents) first, so "5m" or "1e3" are never read as names.
_TOKEN = re.compile(r"(?P<number>\d[\w.]*|\.\d\w*)|(?P<ident>[A-Za-z_:][\w:]*)(?P<call>\s*\()?")
_KEYWORDS = frozenset(
    {"and", "or", "unless", "bool", "by", "without", "on", "ignoring", "group_left",
     "group_right", "offset", "inf", "nan"}
)  # fmt: skip


def metric_names(expr: str) -> set[str]:
    """Names of the series an expression selects."""
    names = set(_NAME_MATCHER.findall(expr))
    text = _STRING.sub('""', expr)
    text = _VARIABLE.sub("0", text)
    text = _BRACES.sub(" ", text)
    text = _BRACKETS.sub(" ", text)
    text = _MODIFIER.sub(" ", text)
    text = _GROUPING.sub(" ", text)
    for match in _TOKEN.finditer(text):
        ident = match.group("ident")
        if ident and not match.group("call") and ident.lower() not in _KEYWORDS:
            names.add(ident)
    return names


# How prometheus_client exposes one metric family, by type (text format 0.0.4).
_SUFFIXES = {
    "counter": ("_total", "_created"),
    "histogram": ("_bucket", "_count", "_sum", "_created"),
    "gaugehistogram": ("_bucket", "_gcount", "_gsum"),
    "summary": ("", "_count", "_sum", "_created"),
    "info": ("_info",),
    "gauge": ("",),
    "stateset": ("",),
    "untyped": ("",),
    "unknown": ("",),
}
# Series Prometheus adds itself for every target.
PROMETHEUS_SERIES = frozenset(
    {"up", "scrape_duration_seconds", "scrape_samples_scraped", "scrape_series_added"}
)


def exported_names(registry: CollectorRegistry) -> set[str]:
    """Every series name a scrape of this registry can show, labelled children or not."""
    names: set[str] = set()
    for family in registry.collect():
        names.update(family.name + suffix for suffix in _SUFFIXES[family.type])
    return names


def unknown_names(exprs: Iterable[str], exported: set[str]) -> dict[str, set[str]]:
    """Expressions that refer to a name nobody exports, with the names at fault."""
    known = exported | PROMETHEUS_SERIES
    return {e: bad for e in exprs if (bad := metric_names(e) - known)}
