#!/bin/sh
# gpu0200, the part on the lent GPU (gate.md), from the repository root with gpu_carry/ carried, made here by
#   python results/experiments/gpu0200/corpus_carry.py pack corpus/0.20.0 gpu_carry
# -> $OUT: the pack (A2x128.pt, B2x128.pt, A2x64.pt, B2x64.pt, ref.part{0,1}.pt, runs.tar.gz) and gpu_log.txt.
set -e
python3 results/experiments/gpu0200/corpus_carry.py unpack gpu_carry corpus/0.20.0
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader
PYTHONUNBUFFERED=1 python3 -m training.gpu_release --corpus corpus/0.20.0 \
  --tokenizer artifacts/tokenizer/0.3.0/tokenizer.json --out runs/gpu --budget-s "${BUDGET:-400}" \
  --sizes 2x128,2x64 --batch-size 512 --pack "$OUT" 2>&1 | tee "$OUT/gpu_log.txt"
