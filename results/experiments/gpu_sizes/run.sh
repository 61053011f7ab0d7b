#!/bin/sh
# gpu_sizes (gate.md). On the lent GPU, from the repository root with gpu_carry/ beside it (corpus/0.19.0's train
# split and first 3,000 dev rows, text and spans only, and its manifest, as gpu_carry/corpus0190.tar.xz):
#   python3 -c "import tarfile; tarfile.open('gpu_carry/corpus0190.tar.xz').extractall('.', filter='data')" &&
#   python3 -m training.gpu_release --corpus corpus/0.19.0 --tokenizer artifacts/tokenizer/0.3.0/tokenizer.json \
#     --out runs/gpu --budget-s 420 --sizes 2x128,2x96 --batch-size 512 --pack $OUT
# Back here, with the pack in runs/packsizes, corpus/0.19.0 and corpus/0.9.0 built:
#   python -m training.gpu_release unpack runs/packsizes runs/gpusizes
#   results/experiments/gpu_sizes/run.sh
