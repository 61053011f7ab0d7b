#!/bin/sh
# One stage-7 fine-tune round (results/experiments/ft0180 on): both arms from the shipped arms, in parallel, one core
# each (~25 minutes): from-arm, 4,000 steps of training/configs/finetune64.toml at lr 1.5e-4 on corpus VERSION,
# averaged with the start (alpha 0.5), exported to runs/armsTAG, then the place table, measure (VERSION and 0.9.0),
# calibration and every probe named, each output in results/experiments/ftTAG.
# Usage, from the repository root, with corpus/VERSION and corpus/0.9.0 built:
#   results/experiments/finetune_round.sh VERSION TAG "PROBE ..."     (e.g. 0.19.0 0190 "v9 v11 ... v22")
# START (default artifacts/arms) is the folder of the two arms the round starts from; TRAIN (default VERSION) the
# corpus version it trains on, when that is not the one it measures on.
set -e
V=$1; T=$2; PROBES=$3; START=${START:-artifacts/arms}; TRAIN=${TRAIN:-$V}
E=results/experiments/ft$T
. results/experiments/measure_arm.sh
one() {
  arm=$1
  .venv/bin/addrnet train from-arm --arm $START/$arm --out runs/from-arm/$arm
  .venv/bin/addrnet train tagger --config training/configs/finetune64.toml --corpus corpus/$TRAIN \
    --tokenizer artifacts/tokenizer/0.3.0/tokenizer.json --out runs/ft$T/$arm --arm $arm \
    --finetune-from runs/from-arm/$arm --set train.steps=4000 --set train.lr=1.5e-4 --set train.warmup_steps=150
  .venv/bin/addrnet train average --start runs/from-arm/$arm --end runs/ft$T/$arm --alpha 0.5 --out runs/wise$T/$arm
  .venv/bin/addrnet export --run runs/wise$T/$arm --arm $arm --out runs/arms$T/$arm >$E/export_$arm.log
  measure_arm runs/arms$T/$arm $E $arm $V 1 "$PROBES" wise_
}
mkdir -p runs
one A >runs/ft${T}_A.log 2>&1 &
one B >runs/ft${T}_B.log 2>&1 &
wait
