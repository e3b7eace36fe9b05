"""Development tools: the benchmark, the embedded Kafka broker and ``newswatch run``'s demo.

Never shipped: the wheel (and so the worker image) holds only the ``newswatch`` package
(pyproject.toml's ``packages.find``). A checkout has this package on its path (the editable
install adds ``services/``), so ``make run``, ``make bench`` and ``make kafka`` work there.
"""
