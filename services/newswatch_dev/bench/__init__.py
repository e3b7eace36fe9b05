"""The throughput/latency benchmark through Kafka (``make bench``); see ``runner``."""
