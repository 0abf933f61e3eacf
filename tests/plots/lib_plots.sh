# Helpers for the tests of the gnuplot scripts, sourced by tests/plots/test_gp_*.sh.
# Each test runs one script of scripts/plots by hand, the way the README and
# the script's header say, on the small hand-made CSVs in tests/plots/data,
# and exits non-zero on the first failed expectation (after running them all).
# Arguments: the scripts directory, the data directory, the check_image
# program, a scratch directory (wiped first), and bouncelab, whose
# `algorithms --gnuplot` gives every run the algorithms, colours and point
# types. Exits 77 (ctest SKIP) without gnuplot.
set -u

SCRIPTS=${1:?usage: test_gp_NAME.sh SCRIPTS_DIR DATA_DIR CHECK_IMAGE SCRATCH_DIR BOUNCELAB}
DATA=${2:?usage: test_gp_NAME.sh SCRIPTS_DIR DATA_DIR CHECK_IMAGE SCRATCH_DIR BOUNCELAB}
CHECK_IMAGE=${3:?usage: test_gp_NAME.sh SCRIPTS_DIR DATA_DIR CHECK_IMAGE SCRATCH_DIR BOUNCELAB}
SCRATCH=${4:?usage: test_gp_NAME.sh SCRIPTS_DIR DATA_DIR CHECK_IMAGE SCRATCH_DIR BOUNCELAB}
BOUNCELAB=${5:?usage: test_gp_NAME.sh SCRIPTS_DIR DATA_DIR CHECK_IMAGE SCRATCH_DIR BOUNCELAB}
STYLE=$("$BOUNCELAB" algorithms --gnuplot)
if ! command -v gnuplot >/dev/null 2>&1; then
  echo "SKIP: gnuplot is not installed (apt-get install gnuplot-nox)"
  exit 77
fi
rm -rf "$SCRATCH"
mkdir -p "$SCRATCH"
failures=0
pictures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# best_of CSV [ASSIGNMENTS]: the recommended settings bouncelab hands the
# plots (best, best_irq) for the trace ASSIGNMENTS name (trace='x'), else the
# first, as gnuplot assignments.
best_of() {
  local csv=$1 extra=${2:-} trace
  trace=$(printf '%s' "$extra" | sed -n "s/.*trace='\([^']*\)'.*/\1/p")
  if [ -n "$trace" ]; then
    "$BOUNCELAB" verdict --gnuplot --only "$trace" "$csv"
  else
    "$BOUNCELAB" verdict --gnuplot "$csv"
  fi
}

# has_terminal NAME: whether this gnuplot draws with terminal NAME.
has_terminal() { gnuplot -d -e "set terminal $1" >/dev/null 2>&1; }

# draw PLOT WIDTH HEIGHT TERM CSV [ASSIGNMENTS]: runs scripts/plots/PLOT.gp on
# CSV with term=TERM and the extra gnuplot ASSIGNMENTS ("trace='x'; ..."), and
# expects exit 0, nothing on stderr (no warning) and a whole WIDTH x HEIGHT
# picture. -d keeps a ~/.gnuplot out of the test.
draw() {
  local plot=$1 width=$2 height=$3 term=$4 csv=$5 extra=${6:-}
  local ext=png
  [ "$term" = svg ] && ext=svg
  pictures=$((pictures + 1))
  local out="$SCRATCH/$pictures-$plot.$ext"
  if ! gnuplot -d -e "$STYLE; $(best_of "$csv" "$extra"); data='$csv'; out='$out'; term='$term'; $extra" "$SCRIPTS/$plot.gp" \
    2>"$SCRATCH/stderr"; then
    fail "$plot.gp failed on $csv ($term; $extra): $(cat "$SCRATCH/stderr")"
    return
  fi
  [ -s "$SCRATCH/stderr" ] &&
    fail "$plot.gp wrote on stderr for $csv ($term; $extra): $(cat "$SCRATCH/stderr")"
  "$CHECK_IMAGE" "$out" "$width" "$height" || fail "$plot.gp drew a bad picture for $csv ($term; $extra)"
}

# draw_all_terminals PLOT WIDTH HEIGHT CSV [ASSIGNMENTS]: draw with pngcairo, png and svg.
draw_all_terminals() {
  local term
  for term in pngcairo png svg; do
    if has_terminal "$term"; then
      draw "$1" "$2" "$3" "$term" "$4" "${5:-}"
    else
      echo "note: this gnuplot has no $term terminal; not tested"
    fi
  done
}

# expect_marks PLOT CSV ASSIGNMENTS EXPECTED: the marks file PLOT.gp writes
# (what it computed and drew) equals EXPECTED, blank lines aside.
expect_marks() {
  local plot=$1 csv=$2 extra=$3 expected=$4
  rm -f "$SCRATCH/marks"
  if ! gnuplot -d -e "$STYLE; $(best_of "$csv" "$extra"); data='$csv'; out='$SCRATCH/marks.png'; marks='$SCRATCH/marks'; $extra" \
    "$SCRIPTS/$plot.gp" 2>"$SCRATCH/stderr"; then
    fail "$plot.gp failed on $csv ($extra): $(cat "$SCRATCH/stderr")"
    return
  fi
  local got
  got=$(grep -v '^$' "$SCRATCH/marks" 2>/dev/null)
  [ "$got" = "$expected" ] ||
    fail "$plot.gp on $csv ($extra) computed:
$got
expected:
$expected"
}

# by_hand PLOT: the script's defaults: no out writes PLOT.png (PLOT.svg with
# term='svg') in the working directory; no data fails with a usage line.
by_hand() {
  local plot=$1
  (cd "$SCRATCH" && gnuplot -d -e "$STYLE; $(best_of "$DATA/small.csv"); data='$DATA/small.csv'" "$SCRIPTS/$plot.gp" 2>/dev/null) ||
    fail "$plot.gp with data only failed"
  [ -s "$SCRATCH/$plot.png" ] || fail "$plot.gp with data only did not write $plot.png"
  (cd "$SCRATCH" && gnuplot -d -e "$STYLE; $(best_of "$DATA/small.csv"); data='$DATA/small.csv'; term='svg'" "$SCRIPTS/$plot.gp" 2>/dev/null) ||
    fail "$plot.gp with term='svg' failed"
  [ -s "$SCRATCH/$plot.svg" ] || fail "$plot.gp with term='svg' did not write $plot.svg"
  if gnuplot -d "$SCRIPTS/$plot.gp" 2>"$SCRATCH/stderr"; then
    fail "$plot.gp without data succeeded"
  fi
  grep -q "usage: gnuplot -e \"data='results.csv'\"" "$SCRATCH/stderr" ||
    fail "$plot.gp without data does not say how to run it: $(cat "$SCRATCH/stderr")"
  if gnuplot -d -e "$(best_of "$DATA/small.csv"); data='$DATA/small.csv'; out='$SCRATCH/nostyle.png'" "$SCRIPTS/$plot.gp" \
    2>"$SCRATCH/stderr"; then
    fail "$plot.gp without the algorithms succeeded"
  fi
  grep -q 'bouncelab algorithms --gnuplot' "$SCRATCH/stderr" ||
    fail "$plot.gp without the algorithms does not say where they come from: $(cat "$SCRATCH/stderr")"
}

# model_csv: a sweep of the real shape (tests/plots/data/model.awk), in the scratch directory.
model_csv() {
  awk -f "$DATA/model.awk" >"$SCRATCH/model.csv"
  echo "$SCRATCH/model.csv"
}

# draw_standard PLOT W H [SETTINGS]: the pictures every plot's test draws: each
# terminal on small.csv, its trace 'other', the model sweep as it is and for
# trace worn-switch (with SETTINGS added), each edge case of edge.csv, then
# the script by hand.
draw_standard() {
  local plot=$1 w=$2 h=$3 model t
  model=$(model_csv)
  draw_all_terminals "$plot" "$w" "$h" "$DATA/small.csv"
  draw "$plot" "$w" "$h" pngcairo "$DATA/small.csv" "trace='other'"
  draw "$plot" "$w" "$h" pngcairo "$model"
  draw "$plot" "$w" "$h" pngcairo "$model" "trace='worn-switch'${4:+; $4}"
  for t in poll-only irq-only deaf; do
    draw "$plot" "$w" "$h" pngcairo "$DATA/edge.csv" "trace='$t'"
  done
  by_hand "$plot"
}

finish() {
  if [ "$failures" -ne 0 ]; then
    echo "$failures expectation(s) failed" >&2
    exit 1
  fi
  echo "all expectations met ($pictures pictures)"
}
