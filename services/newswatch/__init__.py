"""newswatch: watched entities in diplomatic events, from Kafka articles to alerts."""

__version__ = "0.1.0"
