# newswatch: the README's two commands are `make run` and `make test`; both install what they need.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup tools lock wheel run test test-unit test-fault test-integration lint typecheck fmt bench bench-smoke bench-poll kafka kafka-stop kafka-jars clean

setup: $(STAMP)

# The venv is rebuilt when the lock or the project metadata changes.
$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	@touch $@

# System tools the tests use for real: Prometheus/promtool and kcat (Debian packages).
tools:
	@if ! command -v promtool >/dev/null || ! command -v prometheus >/dev/null || ! command -v kcat >/dev/null; then \
	    echo "installing prometheus and kcat (Debian packages)"; \
	    SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq prometheus kcat >/dev/null; \
	fi

# The embedded Apache Kafka 4 broker (deploy/local): Maven fetches it once into .cache/kafka/lib,
# `make kafka` runs it on 127.0.0.1:$(KAFKA_PORT) in the background (data and log in .kafka/local).
KAFKA_PORT ?= 9092

# The distributable: dist/newswatch-<version>-py3-none-any.whl, schemas, engine data and default
# config inside (package data). The Dockerfile installs it; tests/e2e/test_wheel.py builds the same
# way and runs the result from an empty directory. build/ goes first so no stale module ships.
wheel: setup
	rm -rf build dist/newswatch-*.whl
	$(BIN)/pip wheel --quiet --no-deps --no-build-isolation --wheel-dir dist .
	@ls dist/newswatch-*.whl

# Local demo: a broker if none answers, the worker, a console subscriber, then seeds/ ingested.
# Ctrl-C (or SIGTERM) stops everything it started (a broker that was already running is left
# alone). `make run KAFKA_PORT=9192` uses or starts a broker on that port; without it,
# KAFKA_BOOTSTRAP_SERVERS from the environment, else 127.0.0.1:9092.
RUN_BOOTSTRAP = $(if $(filter command line,$(origin KAFKA_PORT)),127.0.0.1:$(KAFKA_PORT),$(or $(KAFKA_BOOTSTRAP_SERVERS),127.0.0.1:$(KAFKA_PORT)))
run: setup
	KAFKA_BOOTSTRAP_SERVERS=$(RUN_BOOTSTRAP) $(BIN)/newswatch run --seeds seeds

kafka-jars: setup
	$(BIN)/python -m newswatch_dev.broker jars

kafka: setup
	$(BIN)/python -m newswatch_dev.broker start --port $(KAFKA_PORT)

kafka-stop: setup
	$(BIN)/python -m newswatch_dev.broker stop

# Regenerate the hash-pinned lock from pyproject.toml (maintainers only; needs network to PyPI).
lock:
	$(PYTHON) -m venv /tmp/newswatch-lock-venv
	/tmp/newswatch-lock-venv/bin/pip install --quiet pip-tools
	/tmp/newswatch-lock-venv/bin/pip-compile --quiet --generate-hashes --allow-unsafe \
	    --extra models --extra dev --strip-extras -o requirements.lock pyproject.toml

fmt: setup
	$(BIN)/ruff format services tests
	$(BIN)/ruff check --fix services tests

lint: setup
	$(BIN)/ruff format --check services tests
	$(BIN)/ruff check services tests

typecheck: setup
	$(BIN)/mypy

# Unit tests share both cores (one file per worker, so a module's costly fixture is built once);
# the broker, fault and end-to-end tests run one at a time, as their timing bounds assume.
test: setup tools
	$(BIN)/ruff format --check services tests
	$(BIN)/ruff check services tests
	$(BIN)/mypy
	$(BIN)/pytest -n 2 --dist loadfile tests/unit
	$(BIN)/pytest tests/integration tests/fault tests/e2e

test-unit: setup
	$(BIN)/pytest tests/unit

# Workers SIGKILLed, a broker restarted under load, replay: prints the fault report (part of `test`).
test-fault: setup
	$(BIN)/pytest -m fault tests/fault

# The benchmark through a real Kafka broker (issue 6): a table on stdout, the figures as JSON in
# $$BENCH_OUT (default bench.json). Knobs: BENCH_N, BENCH_RATE, BENCH_SECONDS, BENCH_WORKERS,
# BENCH_SEED; KAFKA_BOOTSTRAP_SERVERS to use a running broker. A few minutes; run it on a quiet box.
bench: setup
	$(BIN)/python -m newswatch_dev.bench

# The same code paths at toy sizes (what CI runs): proves the benchmark works, measures nothing.
bench-smoke: setup
	BENCH_SMOKE=1 $(BIN)/python -m newswatch_dev.bench

# Polling throughput (issue 12): feeds/s and pages/s against a local site in another process,
# no broker. About a minute; POLL_BENCH_FEEDS and POLL_BENCH_ENTRIES set the size.
bench-poll: setup
	$(BIN)/python tests/support/poll_bench.py

clean:
	rm -rf $(VENV) .newswatch-state .mypy_cache .ruff_cache .pytest_cache
