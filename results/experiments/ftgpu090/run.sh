#!/bin/sh
# ftgpu090: candidate 2 of results/experiments/gpu0190/gate.md: the stage recipe from the corpus 0.19.0 GPU arms
# (runs/arms_gpu0190, exported by gpu0190/run.sh) on corpus 0.9.0, measured on corpus 0.19.0 and 0.9.0 as every round.
START=runs/arms_gpu0190 TRAIN=0.9.0 exec results/experiments/finetune_round.sh 0.19.0 gpu090 \
  "v9 v11 v12 v13 province v14 v14b v15 v16 v17 v18 v19 v20 v21 v22"
