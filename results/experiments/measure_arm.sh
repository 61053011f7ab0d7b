# The figures a gate reads, of one exported arm (sourced by the experiments' run scripts):
#   measure_arm FOLDER E NAME CORPUS THREADS "PROBES" [PRE]
# writes, in the experiment folder E, ${PRE}places_NAME.json (the place table and the Pelias harness),
# ${PRE}measure_NAME.json (real text and the test split of corpus/CORPUS, speed on THREADS threads),
# ${PRE}calibration_NAME.json, ${PRE}measure090_NAME.json (corpus 0.9.0's test split, --dry-run) and, for each probe p,
# ${PRE}p_probe_NAME.json (a label probe's cases.json through bench.label_probe, else the older probes' own run.py).
measure_arm() {
  folder=$1; e=$2; name=$3; corpus=$4; threads=$5; probes=$6; pre=$7
  .venv/bin/addrnet places --arm $folder --corpus corpus/$corpus >$e/${pre}places_$name.json
  .venv/bin/addrnet measure --arm $folder --corpus corpus/$corpus --threads $threads >$e/${pre}measure_$name.json
  .venv/bin/addrnet calibrate --arm $folder --corpus corpus/$corpus >$e/${pre}calibration_$name.json
  .venv/bin/addrnet measure --arm $folder --corpus corpus/0.9.0 --threads 1 --dry-run >$e/${pre}measure090_$name.json
  for p in $probes; do
    if [ -f results/experiments/${p}_probe/cases.json ]; then
      .venv/bin/python -m bench.label_probe results/experiments/${p}_probe $folder $e/${pre}${p}_probe_$name.json
    else
      .venv/bin/python results/experiments/${p}_probe/run.py $folder $e/${pre}${p}_probe_$name.json
    fi
  done
}

# lane_figures RUN ARM FOLDER E TAG CORPUS THREADS "PROBES": export a GPU run's lane (RUN, a run folder) as arm FOLDER,
# then its figures: measure_arm with PROBES, or, with none (the reference lane), the place table, measure and
# calibration only (export log: E/export_TAG.log).
lane_figures() {
  run=$1; arm=$2; folder=$3; e=$4; tag=$5; corpus=$6; threads=$7; probes=$8
  .venv/bin/addrnet export --run $run --arm $arm --out $folder >$e/export_$tag.log
  if [ -n "$probes" ]; then
    measure_arm $folder $e $tag $corpus $threads "$probes"
  else
    .venv/bin/addrnet places --arm $folder --corpus corpus/$corpus >$e/places_$tag.json
    .venv/bin/addrnet measure --arm $folder --corpus corpus/$corpus --threads $threads >$e/measure_$tag.json
    .venv/bin/addrnet calibrate --arm $folder --corpus corpus/$corpus >$e/calibration_$tag.json
  fi
}
