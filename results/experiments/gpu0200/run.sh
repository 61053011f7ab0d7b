#!/bin/sh
# gpu0200 (gate.md), here, after device.sh ran on the lent GPU and its $OUT was copied to runs/pack0200, with
# corpus/0.20.0 and corpus/0.9.0 built:
#   .venv/bin/python -m training.gpu_release unpack runs/pack0200 runs/gpu0200
#   results/experiments/gpu0200/run.sh && .venv/bin/python results/experiments/gpu0200/summary.py
# Exports every lane and measures it (the reference without probes or corpus 0.9.0), and the shipped arms by the
# same commands (tags shipA/shipB), two at a time.
set -e
E=results/experiments/gpu0200
PROBES="v9 v11 v12 v13 province v14 v14b v15 v16 v17 v18 v19 v20 v21 v22 v23 v24 v25 v26 v27 v28 v29"
. results/experiments/measure_arm.sh
one() {  # LANE ARM TAG [probes]: the reference lane gets no probes and no corpus 0.9.0 figure
  lane_figures runs/gpu0200/$1 $2 runs/arms_gpu0200/$3 $E $3 0.20.0 2 "${4:+$PROBES}"
}
ship() {
  arm=$1; tag=ship$1
  rm -rf runs/arms_gpu0200/$tag && mkdir -p runs/arms_gpu0200 && cp -r artifacts/arms/$arm runs/arms_gpu0200/$tag
  measure_arm runs/arms_gpu0200/$tag $E $tag 0.20.0 2 "$PROBES"
}
mkdir -p runs
{ one A2x128 A A128 probes; one A2x64 A A64 probes; ship A; one ref A ref; } >runs/gpu0200_A.log 2>&1 &
{ one B2x128 B B128 probes; one B2x64 B B64 probes; ship B; } >runs/gpu0200_B.log 2>&1 &
wait
