#!/bin/sh
# The shipped arms (artifacts/arms), measured by run.sh's commands and this tree's code, as gpu_sizes' baseline
# (ship{A,B}); then the speed of every arm (speed.py) and the summary. From the repository root, after run.sh.
set -e
E=results/experiments/gpu_sizes
PROBES="v9 v11 v12 v13 province v14 v14b v15 v16 v17 v18 v19 v20 v21 v22 v23 v24 v25"
. results/experiments/measure_arm.sh
ship() {
  arm=$1; tag=ship$1
  rm -rf runs/arms_gpusizes/$tag && cp -r artifacts/arms/$arm runs/arms_gpusizes/$tag
  measure_arm runs/arms_gpusizes/$tag $E $tag 0.19.0 2 "$PROBES"
}
ship A >runs/gpusizes_shipA.log 2>&1 &
ship B >runs/gpusizes_shipB.log 2>&1 &
wait
.venv/bin/python $E/speed.py
.venv/bin/python $E/summary.py
