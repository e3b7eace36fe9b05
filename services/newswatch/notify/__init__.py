"""The notifier: alerts from Kafka to webhooks, files and stdout, once per sink."""

from newswatch.notify.cli import main_notify
from newswatch.notify.signing import verify_signature

__all__ = ["main_notify", "verify_signature"]
