#!/bin/sh
# The shipped arms (artifacts/arms), measured by run.sh's commands and this tree's code, as gpu_sizes' baseline
# (ship{A,B}); then the speed of every arm (speed.py) and the summary. From the repository root, after run.sh.
set -e
E=results/experiments/gpu_sizes
PROBES="v9 v11 v12 v13 province v14 v14b v15 v16 v17 v18 v19 v20 v21 v22 v23 v24 v25"
ship() {
  arm=$1; tag=ship$1
  rm -rf runs/arms_gpusizes/$tag && cp -r artifacts/arms/$arm runs/arms_gpusizes/$tag
  .venv/bin/addrnet measure --arm runs/arms_gpusizes/$tag --corpus corpus/0.19.0 --threads 2 >$E/measure_$tag.json
  .venv/bin/addrnet places --arm runs/arms_gpusizes/$tag --corpus corpus/0.19.0 >$E/places_$tag.json
  .venv/bin/addrnet calibrate --arm runs/arms_gpusizes/$tag --corpus corpus/0.19.0 >$E/calibration_$tag.json
  .venv/bin/addrnet measure --arm runs/arms_gpusizes/$tag --corpus corpus/0.9.0 --threads 1 --dry-run \
    >$E/measure090_$tag.json
  for p in $PROBES; do
    if [ -f results/experiments/${p}_probe/cases.json ]; then
      .venv/bin/python -m bench.label_probe results/experiments/${p}_probe runs/arms_gpusizes/$tag $E/${p}_probe_$tag.json
    else
      .venv/bin/python results/experiments/${p}_probe/run.py runs/arms_gpusizes/$tag $E/${p}_probe_$tag.json
    fi
  done
}
ship A >runs/gpusizes_shipA.log 2>&1 &
ship B >runs/gpusizes_shipB.log 2>&1 &
wait
.venv/bin/python $E/speed.py
.venv/bin/python $E/summary.py
