# addrnet serving image: base dependencies only (no torch), the shipped arms, the migrations and a
# pre-loaded SQLite gazetteer. Build: podman/docker build -t addrnet .
ARG BASE_IMAGE=python:3.11-slim

FROM ${BASE_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /src
COPY pyproject.toml README.md alembic.ini ./
COPY addrnet ./addrnet
COPY app ./app
COPY model ./model
COPY resolver ./resolver
COPY migrations ./migrations
COPY training ./training
COPY eval ./eval
COPY bench ./bench
RUN if [ -f /run/host-ca.crt ]; then export PIP_CERT=/run/host-ca.crt; fi; \
    python3 -m venv /opt/venv && /opt/venv/bin/pip install -q --upgrade pip && /opt/venv/bin/pip install -q . \
    && find /opt/venv -name '__pycache__' -prune -exec rm -rf {} + \
    && rm -rf /opt/venv/lib/python3*/site-packages/pip
# the embedded gazetteer: migrate + load once at build time
RUN mkdir -p /data && ADDRNET_DATA_DIR=/data /opt/venv/bin/addrnet gazetteer load

FROM ${BASE_IMAGE}
ENV PATH=/opt/venv/bin:$PATH PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    ADDRNET_DATA_DIR=/data ADDRNET_ARMS_DIR=/srv/addrnet/artifacts/arms \
    ADDRNET_RESULTS_DIR=/srv/addrnet/results/release
RUN (getent group addrnet || groupadd -r addrnet) && (id addrnet || useradd -r -g addrnet -d /srv/addrnet addrnet)
WORKDIR /srv/addrnet
COPY --from=build /opt/venv /opt/venv
COPY --from=build --chown=addrnet:addrnet /data /data
COPY alembic.ini ./
COPY migrations ./migrations
COPY artifacts/arms ./artifacts/arms
COPY results/release ./results/release
COPY docker/entrypoint.sh /usr/local/bin/addrnet-entrypoint
USER addrnet
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD python3 -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status == 200 else 1)"
ENTRYPOINT ["addrnet-entrypoint"]
CMD ["--host", "0.0.0.0", "--port", "8000", "--workers", "1"]
