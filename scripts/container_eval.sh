#!/usr/bin/env bash
# Build the serving image with podman, run it on 127.0.0.1, run the eval suite's resolver and harness
# runners against it, and fail when a figure falls below the committed release numbers by more than
# its tolerance (resolver -0.5pp, harness -2pp). Records image size and start-to-ready time.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18080}
ARM=${ARM:-A}
OUT=${OUT:-var/container-eval}
BIN=.venv/bin
mkdir -p "$OUT"

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

T0=$(date +%s.%N)
CID=$(podman run -d --init --network host addrnet:ci --host 127.0.0.1 --port "$PORT")
trap 'podman rm -f "$CID" >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 600); do
  if curl -fsS "127.0.0.1:$PORT/readyz" >/dev/null 2>&1; then break; fi
  sleep 0.1
done
curl -fsS "127.0.0.1:$PORT/readyz" >/dev/null || { podman logs "$CID" | tail -50; exit 1; }
T1=$(date +%s.%N)
READY=$(python3 -c "print(round($T1 - $T0, 3))")

$BIN/addrnet eval resolver --url "http://127.0.0.1:$PORT" --arm "$ARM" --out "$OUT"
$BIN/addrnet eval harness --url "http://127.0.0.1:$PORT" --arm "$ARM" --out "$OUT"

$BIN/python scripts/regression_gate.py --release "results/release/$ARM" --current "$OUT" \
  --image-bytes "$SIZE" --ready-seconds "$READY" --out "$OUT/container.json"
