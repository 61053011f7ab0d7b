#!/bin/sh
# gpu0190: the corpus 0.19.0 GPU arms (gate.md). On the lent GPU, from the repository root with gpu_carry/ beside it
# (corpus/0.19.0's train split and first 3,000 dev rows, text and spans only, as gpu_carry/corpus0190.tar.xz):
#   python3 -c "import tarfile; tarfile.open('gpu_carry/corpus0190.tar.xz').extractall('.', filter='data')" &&
#   python3 -m training.gpu_release --corpus corpus/0.19.0 --tokenizer artifacts/tokenizer/0.3.0/tokenizer.json \
#     --out runs/gpu --budget-s 480 --sizes 2x64 --batch-size 512 --pack $OUT
#   python3 -m training.gpu_release --corpus corpus/0.19.0 --tokenizer artifacts/tokenizer/0.3.0/tokenizer.json \
#     --out runs/gpukd --budget-s 360 --sizes 2x64 --batch-size 512 --no-reference --teacher runs/gpu/ref \
#     --steps 17400 --mlm-steps 6700 --pack $OUT
# Back here, with the two packs in runs/pack0190 and runs/packkd, corpus/0.19.0 and corpus/0.9.0 built:
#   python -m training.gpu_release unpack runs/pack0190 runs/gpu0190
#   python -m training.gpu_release unpack runs/packkd runs/gpukd
#   results/experiments/gpu0190/run.sh; python results/experiments/gpu0190/summary.py
set -e
E=results/experiments/gpu0190
PROBES="v9 v11 v12 v13 province v14 v14b v15 v16 v17 v18 v19 v20 v21 v22"
one() {  # RUN_FOLDER ARM TAG [probes]
  run=$1; arm=$2; tag=$3
  .venv/bin/addrnet export --run $run --arm $arm --out runs/arms_gpu0190/$tag >$E/export_$tag.log
  .venv/bin/addrnet places --arm runs/arms_gpu0190/$tag --corpus corpus/0.19.0 >$E/places_$tag.json
  .venv/bin/addrnet measure --arm runs/arms_gpu0190/$tag --corpus corpus/0.19.0 --threads 1 >$E/measure_$tag.json
  .venv/bin/addrnet calibrate --arm runs/arms_gpu0190/$tag --corpus corpus/0.19.0 >$E/calibration_$tag.json
  [ -n "$4" ] || return 0
  .venv/bin/addrnet measure --arm runs/arms_gpu0190/$tag --corpus corpus/0.9.0 --threads 1 --dry-run \
    >$E/measure090_$tag.json
  for p in $PROBES; do
    if [ -f results/experiments/${p}_probe/cases.json ]; then
      .venv/bin/python -m bench.label_probe results/experiments/${p}_probe runs/arms_gpu0190/$tag $E/${p}_probe_$tag.json
    else
      .venv/bin/python results/experiments/${p}_probe/run.py runs/arms_gpu0190/$tag $E/${p}_probe_$tag.json
    fi
  done
}
mkdir -p runs
{ one runs/gpu0190/A2x64 A A probes; one runs/gpukd/B2x64 B kdB; } >runs/gpu0190_A.log 2>&1 &
{ one runs/gpu0190/B2x64 B B probes; one runs/gpu0190/ref A ref; } >runs/gpu0190_B.log 2>&1 &
wait
