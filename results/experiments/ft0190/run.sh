#!/bin/sh
# ft0190: the fifth stage-7 try, on corpus 0.19.0 (gate.md), shipped. From the repository root, after
# `make install-dev` and
#   .venv/bin/addrnet corpus build --version 0.19.0 --size 600000 --seed 42 --out corpus/0.19.0
#   .venv/bin/addrnet corpus build --version 0.9.0 --size 600000 --seed 42 --out corpus/0.9.0
# then `python results/experiments/ft0190/summary.py`. The shipped arms it starts from were the corpus 0.14.0 arms
# (git checkout 8eec37e~1 -- artifacts/arms).
exec results/experiments/finetune_round.sh 0.19.0 0190 "v9 v11 v12 v13 province v14 v14b v15 v16 v17 v18 v19 v20 v21 v22"
