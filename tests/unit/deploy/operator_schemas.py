"""JSON Schemas for the Prometheus Operator resources in deploy/k8s/monitoring, offline.

kubernetes-validate ships the core API only, not monitoring.coreos.com/v1. These schemas are
the subset of the operator's ServiceMonitor and PrometheusRule API that the manifests use,
written from its API reference, and strict the way ``kubernetes-validate --strict`` is: a field
outside the subset (a typo such as ``relabellings``) is an error. A field the manifests start to
use must be added here from the reference; metadata is checked against the real ObjectMeta
schema by the test, and the rule groups by promtool.
"""

from __future__ import annotations

from typing import Any

API_VERSION = "monitoring.coreos.com/v1"
# Prometheus duration, as the operator's CRDs pattern it.
_DURATION = {
    "type": "string",
    "pattern": r"^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?"
    r"(([0-9]+)ms)?)$",
}
_LABEL_NAME = {"type": "string", "pattern": r"^[a-zA-Z_][a-zA-Z0-9_]*$"}
_STRINGS = {"type": "array", "items": {"type": "string"}}
_STRING_MAP = {"type": "object", "additionalProperties": {"type": "string"}}


def _strict(properties: dict[str, Any], required: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": list(required),
        "additionalProperties": False,
    }


_ACTIONS = ["replace", "keep", "drop", "hashmod", "labelmap", "labeldrop", "labelkeep"]
_ACTIONS += ["lowercase", "uppercase", "keepequal", "dropequal"]
_RELABEL = _strict(
    {
        "action": {"enum": _ACTIONS + [a.capitalize() for a in _ACTIONS]},
        "sourceLabels": {"type": "array", "items": _LABEL_NAME},
        "separator": {"type": "string"},
        "targetLabel": {"type": "string"},
        "regex": {"type": "string"},
        "modulus": {"type": "integer", "minimum": 0},
        "replacement": {"type": "string"},
    }
)
_LABEL_SELECTOR = _strict(
    {
        "matchLabels": _STRING_MAP,
        "matchExpressions": {
            "type": "array",
            "items": _strict(
                {
                    "key": {"type": "string"},
                    "operator": {"enum": ["In", "NotIn", "Exists", "DoesNotExist"]},
                    "values": _STRINGS,
                },
                ("key", "operator"),
            ),
        },
    }
)
_ENDPOINT = _strict(
    {
        "port": {"type": "string"},
        "targetPort": {"type": ["integer", "string"]},
        "path": {"type": "string"},
        "scheme": {"enum": ["http", "https", "HTTP", "HTTPS"]},
        "interval": _DURATION,
        "scrapeTimeout": _DURATION,
        "honorLabels": {"type": "boolean"},
        "relabelings": {"type": "array", "items": _RELABEL},
        "metricRelabelings": {"type": "array", "items": _RELABEL},
    }
)


def _resource(kind: str, spec: dict[str, Any]) -> dict[str, Any]:
    return _strict(
        {
            "apiVersion": {"const": API_VERSION},
            "kind": {"const": kind},
            "metadata": {"type": "object"},
            "spec": spec,
        },
        ("apiVersion", "kind", "metadata", "spec"),
    )


SERVICE_MONITOR = _resource(
    "ServiceMonitor",
    _strict(
        {
            "selector": _LABEL_SELECTOR,
            "namespaceSelector": _strict({"any": {"type": "boolean"}, "matchNames": _STRINGS}),
            "endpoints": {"type": "array", "minItems": 1, "items": _ENDPOINT},
            "jobLabel": {"type": "string"},
            "targetLabels": _STRINGS,
            "podTargetLabels": _STRINGS,
            "sampleLimit": {"type": "integer", "minimum": 0},
        },
        ("selector", "endpoints"),
    ),
)

_RULE = {
    **_strict(
        {
            "alert": {"type": "string"},
            "record": {"type": "string"},
            "expr": {"type": ["string", "integer"]},
            "for": _DURATION,
            "keep_firing_for": _DURATION,
            "labels": _STRING_MAP,
            "annotations": _STRING_MAP,
        },
        ("expr",),
    ),
    "oneOf": [{"required": ["alert"]}, {"required": ["record"]}],
}
PROMETHEUS_RULE = _resource(
    "PrometheusRule",
    _strict(
        {
            "groups": {
                "type": "array",
                "items": _strict(
                    {
                        "name": {"type": "string", "minLength": 1},
                        "interval": _DURATION,
                        "limit": {"type": "integer"},
                        "partial_response_strategy": {"type": "string"},
                        "rules": {"type": "array", "items": _RULE},
                    },
                    ("name",),
                ),
            }
        }
    ),
)

SCHEMAS = {"ServiceMonitor": SERVICE_MONITOR, "PrometheusRule": PROMETHEUS_RULE}
