"""The engine's data files are read by ``newswatch.datafiles``, the one loader of analyst files
(YAML with lines, schema, repeated keys); these names stay for the engine modules using them."""

from newswatch.datafiles import DataFileError, fail, load

__all__ = ["DataFileError", "fail", "load"]
