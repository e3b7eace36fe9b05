"""Metrics, logs and health: how operators see the service."""
