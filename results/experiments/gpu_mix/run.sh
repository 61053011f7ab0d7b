#!/bin/sh
# gpu_mix (gate.md). Here, with corpus/0.19.0 and corpus/0.9.0 built:
#   python results/experiments/gpu_mix/make_mix.py corpus/mix0919
#   mkdir -p gpu_carry && tar cf - corpus/mix0919 | xz -T2 -6 >gpu_carry/mix0919.tar.xz
# On the lent GPU, from the repository root with gpu_carry/mix0919.tar.xz carried:
#   python3 -c "import tarfile; tarfile.open('gpu_carry/mix0919.tar.xz').extractall('.', filter='data')" &&
#   python3 -m training.gpu_release --corpus corpus/mix0919 --tokenizer artifacts/tokenizer/0.3.0/tokenizer.json \
#     --out runs/gpu --budget-s 280 --sizes 2x128 --no-reference --batch-size 512 --pack $OUT
# Back here, with the pack in runs/packmix: python -m training.gpu_release unpack runs/packmix runs/gpumix; then this
# script (measures as gpu_sizes/run.sh does; the baseline is gpu_sizes' ship{A,B}), then summary.py.
set -e
E=results/experiments/gpu_mix
PROBES="v9 v11 v12 v13 province v14 v14b v15 v16 v17 v18 v19 v20 v21 v22 v23 v24 v25"
. results/experiments/measure_arm.sh
one() {  # LANE ARM TAG
  lane=$1; arm=$2; tag=$3
  .venv/bin/addrnet export --run runs/gpumix/$lane --arm $arm --out runs/arms_gpumix/$tag >$E/export_$tag.log
  measure_arm runs/arms_gpumix/$tag $E $tag 0.19.0 2 "$PROBES"
}
mkdir -p runs
one A2x128 A A128 >runs/gpumix_A.log 2>&1 &
one B2x128 B B128 >runs/gpumix_B.log 2>&1 &
wait
