#!/bin/sh
# Stage 12 try, corpus 0.21.0 again (gate.md): with corpus/0.21.0 and corpus/0.9.0 built, from the repository root,
# the stage-11 arms in artifacts/arms.
set -e
START=artifacts/arms results/experiments/finetune_round.sh 0.21.0 0211 \
  "v9 v11 v12 v13 province v14 v14b v15 v16 v17 v18 v19 v20 v21 v22 v23 v24 v25 v26 v27 v28 v29 v30 v31 v32 v33"
