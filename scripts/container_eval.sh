#!/usr/bin/env bash
# Build the serving image with podman, run it on 127.0.0.1, run the eval suite's resolver and harness
# runners against it, and fail when a figure falls below the committed release numbers by more than
# its tolerance (resolver -0.5pp, harness -2pp). Records image size and start-to-ready time.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18080}
ARM=${ARM:-A}
OUT=${OUT:-results/container}
BIN=.venv/bin
mkdir -p "$OUT" var

if ! command -v podman >/dev/null || ! command -v debootstrap >/dev/null; then
  apt-get install -y -q podman runc debootstrap >/dev/null
fi
cat > var/containers.conf <<'CONF'
[containers]
default_ulimits = ["nofile=16384:16384", "nproc=16384:16384"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
export CONTAINERS_CONF=$PWD/var/containers.conf

BASE=localhost/debian-base:bookworm
if ! podman image exists "$BASE"; then
  MIRROR=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources)
  ROOTFS=$(mktemp -d)
  debootstrap --variant=minbase --include=python3,python3-venv,ca-certificates bookworm "$ROOTFS" "$MIRROR" >/dev/null
  tar -C "$ROOTFS" -c . | podman import - "$BASE" >/dev/null
  rm -rf "$ROOTFS"
fi

podman build -q --format docker --build-arg BASE_IMAGE=$BASE \
  -v /etc/ssl/certs/ca-certificates.crt:/run/host-ca.crt:ro -t addrnet:ci . >/dev/null
SIZE=$(podman image inspect addrnet:ci --format '{{.Size}}')

VOL=addrnet-ci-data-$$
wait_ready() {  # prints seconds from container start to /readyz 200
  local t0=$1
  for _ in $(seq 1 1800); do
    if curl -fsS "127.0.0.1:$PORT/readyz" >/dev/null 2>&1; then
      python3 -c "import time; print(round(time.time() - $t0, 3))"; return 0
    fi
    sleep 0.1
  done
  return 1
}
cleanup() { podman rm -f "${CID:-none}" >/dev/null 2>&1 || true; podman volume rm -f "$VOL" >/dev/null 2>&1 || true; }
trap cleanup EXIT

# cold start: migrate + load the gazetteer into an empty volume, then serve
T0=$(date +%s.%N)
CID=$(podman run -d --init --network host -v "$VOL:/data" addrnet:ci --host 127.0.0.1 --port "$PORT")
COLD=$(wait_ready "$T0") || { podman logs "$CID" | tail -50; exit 1; }
# warm start: same volume, gazetteer already there
podman rm -f "$CID" >/dev/null
T0=$(date +%s.%N)
CID=$(podman run -d --init --network host -v "$VOL:/data" addrnet:ci --host 127.0.0.1 --port "$PORT")
READY=$(wait_ready "$T0") || { podman logs "$CID" | tail -50; exit 1; }
echo "container ready: cold start ${COLD}s (includes the gazetteer load), warm start ${READY}s"

$BIN/addrnet eval resolver --url "http://127.0.0.1:$PORT" --arm "$ARM" --out "$OUT"
$BIN/addrnet eval harness --url "http://127.0.0.1:$PORT" --arm "$ARM" --out "$OUT"

$BIN/python scripts/regression_gate.py --release "results/release/$ARM" --current "$OUT" \
  --image-bytes "$SIZE" --ready-seconds "$READY" --cold-ready-seconds "$COLD" --out "$OUT/container.json"
