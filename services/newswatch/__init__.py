"""newswatch: watched entities in diplomatic events, from Kafka articles to alerts."""

from importlib.metadata import PackageNotFoundError, version

# pyproject.toml is the one place the version is written; the installed metadata carries it.
try:
    __version__ = version("newswatch")
except PackageNotFoundError:  # a source tree on PYTHONPATH that was never installed
    __version__ = "0+unknown"
