"""The base of every error newswatch raises on purpose.

``except NewswatchError`` catches what the project itself reports (a bad data file, an invalid
message, a refused delivery, a command's usage mistake) and nothing else: a library's exception
or a bug still surfaces as itself. Subclasses keep their historical built-in bases (most are
``ValueError``s) so existing handlers keep working.
"""

from __future__ import annotations


class NewswatchError(Exception):
    """Something newswatch detected and can describe: the message is meant for a person."""
