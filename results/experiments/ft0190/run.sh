#!/bin/sh
# ft0190: the fifth stage-7 try, on corpus 0.19.0 (gate.md). From the repository root, after `make install-dev` and
#   .venv/bin/addrnet corpus build --version 0.19.0 --size 600000 --seed 42 --out corpus/0.19.0
#   .venv/bin/addrnet corpus build --version 0.9.0 --size 600000 --seed 42 --out corpus/0.9.0
# Both arms in parallel, one core each (~25 minutes); then `python results/experiments/ft0190/summary.py`.
set -e
E=results/experiments/ft0190
PROBES="v9 v11 v12 v13 province v14 v14b v15 v16 v17 v18 v19 v20 v21 v22"
one() {
  arm=$1
  .venv/bin/addrnet train from-arm --arm artifacts/arms/$arm --out runs/from-arm/$arm
  .venv/bin/addrnet train tagger --config training/configs/finetune64.toml --corpus corpus/0.19.0 \
    --tokenizer artifacts/tokenizer/0.3.0/tokenizer.json --out runs/ft0190/$arm --arm $arm \
    --finetune-from runs/from-arm/$arm --set train.steps=4000 --set train.lr=1.5e-4 --set train.warmup_steps=150
  .venv/bin/addrnet train average --start runs/from-arm/$arm --end runs/ft0190/$arm --alpha 0.5 --out runs/wise0190/$arm
  .venv/bin/addrnet export --run runs/wise0190/$arm --arm $arm --out runs/arms0190/$arm >$E/export_$arm.log
  .venv/bin/addrnet places --arm runs/arms0190/$arm --corpus corpus/0.19.0 >$E/wise_places_$arm.json
  .venv/bin/addrnet measure --arm runs/arms0190/$arm --corpus corpus/0.19.0 --threads 1 >$E/wise_measure_$arm.json
  .venv/bin/addrnet measure --arm runs/arms0190/$arm --corpus corpus/0.9.0 --threads 1 --dry-run \
    >$E/wise_measure090_$arm.json
  .venv/bin/addrnet calibrate --arm runs/arms0190/$arm --corpus corpus/0.19.0 >$E/wise_calibration_$arm.json
  for p in $PROBES; do
    if [ -f results/experiments/${p}_probe/run.py ]; then
      .venv/bin/python results/experiments/${p}_probe/run.py runs/arms0190/$arm $E/wise_${p}_probe_$arm.json
    fi
  done
}
one A >runs/ft0190_A.log 2>&1 &
one B >runs/ft0190_B.log 2>&1 &
wait
