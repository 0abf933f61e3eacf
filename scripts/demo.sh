#!/usr/bin/env bash
# The README's first command. Sets up what is missing (scripts/setup.sh),
# builds bouncelab, sweeps the bundled traces with the default grid into
# results/sweep.csv, draws every plot into results/, prints the verdict per
# trace (bouncelab verdict) and draws the waveform of one failure
# (scripts/demo-pipeline.sh does all after the build); then stresses the worn
# and tactile models (DEMO_STRESS_PRESSES presses per setting, default
# 200000) into results/stress.csv, draws their rates and prints that verdict.
# usage: scripts/demo.sh [--docs]
#   --docs  also regenerates what the README shows of the demo: copies its
#           pictures to docs/ (worn-errors-vs-window.png,
#           worn-waveform-lockout-5ms.png, worn-rates-vs-window.png) and rewrites the section between
#           <!-- demo:begin --> and <!-- demo:end --> of README.md
#           (scripts/readme-section.sh) with this run's verdict.
set -euo pipefail
cd "$(dirname "$0")/.."

docs=false
case "${1:-}" in
"") ;;
--docs) docs=true ;;
*)
  echo "usage: scripts/demo.sh [--docs]" >&2
  exit 2
  ;;
esac

bash scripts/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
echo "demo: building bouncelab (build/)"
if ! { cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo &&
  cmake --build build -j "$jobs" --target bouncelab; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "demo: the build failed" >&2
  exit 1
fi

build_seconds=$SECONDS

echo "demo: sweeping the bundled traces into results/sweep.csv, drawing the plots"
echo
bash scripts/demo-pipeline.sh build/src/cli/bouncelab results
echo
# How often does it fail? Monte-Carlo over presses generated from the worn and
# tactile profiles, every setting on the same presses, rates with 95 % bounds.
echo "demo: stress: ${DEMO_STRESS_PRESSES:=200000} presses of the worn and tactile models per setting"
build/src/cli/bouncelab stress worn tactile -a lockout,defer,eager-defer,integrator \
  -w 2ms,3ms,5ms,8ms,10ms,15ms,20ms,30ms,40ms,50ms -m poll -i 1ms \
  --presses "$DEMO_STRESS_PRESSES" -o results/stress.csv
build/src/cli/bouncelab plot results/stress.csv -o results
build/src/cli/bouncelab verdict results/stress.csv --target 1e-4
echo
echo "demo: done in ${SECONDS} s ($build_seconds s of setup and build)"

if $docs; then
  waveform=$(cat results/waveform.txt)
  mkdir -p docs
  cp results/worn-errors-vs-window.png docs/worn-errors-vs-window.png
  cp "$waveform" docs/worn-waveform-lockout-5ms.png
  cp results/worn-rates-vs-window.png docs/worn-rates-vs-window.png
  # the windows the paragraph names, as the verdict found them
  window_of() { # ALGO: the worn trace's polling verdict window, e.g. 30ms
    build/src/cli/bouncelab verdict --csv results/sweep.csv |
      awk -F, -v algo="$1" '$1 == "worn" && $2 == algo && $3 == "poll" { print $7 / 1000 "ms" }'
  }
  section=build/demo-readme.md
  {
    echo "The demo sweeps the bundled traces with the default grid ($(($(wc -l <results/sweep.csv) - 1))"
    echo "configurations), draws four plots per trace and one waveform into \`results/\`,"
    echo "and prints its verdict (\`bouncelab verdict results/sweep.csv\`). This run took"
    echo "$((SECONDS - build_seconds)) s, after $build_seconds s of setup and build, on a $jobs-core machine."
    echo "\`scripts/demo.sh --docs\` regenerates this section and the two pictures in \`docs/\`:"
    echo
    echo '```'
    cat results/verdict.txt
    echo '```'
    echo
    echo "The worn button bounces for tens of milliseconds: polled, lockout needs a"
    echo "$(window_of lockout) window before it stops counting the bounce as presses, where defer"
    echo "is clean from $(window_of defer) (first picture: the circles mark each algorithm's smallest"
    echo "error-free window). The waveform (second picture) shows why a 5 ms lockout"
    echo "fails: it reports the press at once, but its lock ends while the contact"
    echo "still bounces, so the reads after it report a false release and then a false"
    echo "press."
    echo
    echo "![False triggers and missed presses against the debounce window, worn button](docs/worn-errors-vs-window.png)"
    echo
    echo "![Waveform of the worn button's first press through a 5 ms lockout polled every 1 ms](docs/worn-waveform-lockout-5ms.png)"
  } >"$section"
  bash scripts/readme-section.sh demo "$section"
  echo "demo: docs/worn-errors-vs-window.png, docs/worn-waveform-lockout-5ms.png and README.md's demo section regenerated"
fi
