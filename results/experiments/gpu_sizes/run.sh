#!/bin/sh
# gpu_sizes (gate.md). On the lent GPU, from the repository root with gpu_carry/ beside it (corpus/0.19.0's train
# split and first 3,000 dev rows, text and spans only, and its manifest, as gpu_carry/corpus0190.tar.xz):
#   python3 -c "import tarfile; tarfile.open('gpu_carry/corpus0190.tar.xz').extractall('.', filter='data')" &&
#   python3 -m training.gpu_release --corpus corpus/0.19.0 --tokenizer artifacts/tokenizer/0.3.0/tokenizer.json \
#     --out runs/gpu --budget-s 420 --sizes 2x128,2x96 --batch-size 512 --pack $OUT
# Back here, with the pack in runs/packsizes, corpus/0.19.0 and corpus/0.9.0 built:
#   python -m training.gpu_release unpack runs/packsizes runs/gpusizes
#   results/experiments/gpu_sizes/run.sh && results/experiments/gpu_sizes/run_shipped.sh   (baseline, speed, summary)
set -e
E=results/experiments/gpu_sizes
PROBES="v9 v11 v12 v13 province v14 v14b v15 v16 v17 v18 v19 v20 v21 v22 v23 v24 v25"
. results/experiments/measure_arm.sh
one() {  # LANE ARM TAG [probes]: the reference lane gets no probes and no corpus 0.9.0 figure
  lane_figures runs/gpusizes/$1 $2 runs/arms_gpusizes/$3 $E $3 0.19.0 2 "${4:+$PROBES}"
}
mkdir -p runs
{ one A2x128 A A128 probes; one A2x96 A A96 probes; one ref A ref; } >runs/gpusizes_A.log 2>&1 &
{ one B2x128 B B128 probes; one B2x96 B B96 probes; } >runs/gpusizes_B.log 2>&1 &
wait
