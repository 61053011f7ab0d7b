#!/bin/sh
# ft0192: a third stage-7 round on corpus 0.19.0, from the shipped (ft0191) arms (gate.md). From the repository root,
# after `make install-dev` and
#   .venv/bin/addrnet corpus build --version 0.19.0 --size 600000 --seed 42 --out corpus/0.19.0
#   .venv/bin/addrnet corpus build --version 0.9.0 --size 600000 --seed 42 --out corpus/0.9.0
# then `python results/experiments/ft0192/summary.py`.
exec results/experiments/finetune_round.sh 0.19.0 0192 \
  "v9 v11 v12 v13 province v14 v14b v15 v16 v17 v18 v19 v20 v21 v22 v23 v24"
