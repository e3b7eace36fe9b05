"""Files and feeds to Article messages: readers per format, stable ids, and the Kafka producer."""

from newswatch.ingest.readers import read_path, read_paths, read_stdin
from newswatch.ingest.records import ArticleDefaults, Parsed, ReadResult, Unparsable, Unreadable

__all__ = [
    "ArticleDefaults",
    "Parsed",
    "ReadResult",
    "Unparsable",
    "Unreadable",
    "read_path",
    "read_paths",
    "read_stdin",
]
