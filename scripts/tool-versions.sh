#!/usr/bin/env bash
# Prints the README's line of the tool versions the tests/tools tests ran
# against (tests/tools/test_tool_versions.sh checks the README has it):
#   scripts/tool-versions.sh >v.md && scripts/readme-section.sh tool-versions v.md
# A tool that is missing prints as "not installed".
set -u
ver() { "$@" 2>&1 | head -n 1; }
sigrok=$(command -v sigrok-cli >/dev/null && ver sigrok-cli --version || echo "sigrok-cli not installed")
libsigrok=$(command -v sigrok-cli >/dev/null &&
  sigrok-cli --version 2>&1 | sed -n 's/^- \(libsigrok [0-9.]*\).*/\1/p' | head -n 1)
iverilog=$(command -v iverilog >/dev/null && ver iverilog -V | sed 's/ *(stable)//; s/ *()$//' ||
  echo "Icarus Verilog not installed")
gtkwave=$(dpkg-query -W -f='${Version}' gtkwave 2>/dev/null | sed 's/-.*//')
echo "Tested with: ${sigrok}${libsigrok:+ ($libsigrok)}, ${iverilog}," \
  "GTKWave ${gtkwave:-not installed} (vcd2fst, fst2vcd)."
