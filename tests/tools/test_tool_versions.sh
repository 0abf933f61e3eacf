#!/usr/bin/env bash
# The README's reader table names the tool versions the tests/tools tests
# ran against: the line scripts/tool-versions.sh prints on this machine must
# be in README.md, so CI says when the tools changed and the README did not.
# Elsewhere (a user's machine with other versions) a difference only skips.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/lib_tools.sh"
ROOT=${3:?usage: test_tool_versions.sh BOUNCELAB SCRATCH ROOT}
need_tool sigrok-cli sigrok-cli
need_tool iverilog iverilog
need_tool vcd2fst gtkwave
line=$(bash "$ROOT/scripts/tool-versions.sh")
echo "$line"
if ! grep -qF -- "$line" "$ROOT/README.md"; then
  if [ "${CI:-}" != true ]; then
    echo "SKIP: these tool versions are not the README's (CI checks that the README names CI's)"
    exit 77
  fi
  fail "README.md lacks '$line': the tools changed; update the reader table's 'Tested with' line"
fi
finish
