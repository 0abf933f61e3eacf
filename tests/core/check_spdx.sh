#!/usr/bin/env bash
# Every file of the core (what goes into firmware) names its license on its
# first line, and that license is the LICENSE file's.
# usage: check_spdx.sh SOURCE_DIR
set -euo pipefail
src=${1:?usage: check_spdx.sh SOURCE_DIR}
status=0
grep -q '^BSD 3-Clause License$' "$src/LICENSE" || { echo "FAIL: LICENSE is not BSD-3-Clause" >&2; status=1; }
for f in "$src"/src/core/* "$src"/include/debounce/*; do
  case $(head -n 1 "$f") in
  '/* SPDX-License-Identifier: BSD-3-Clause */' | '# SPDX-License-Identifier: BSD-3-Clause') ;;
  *)
    echo "FAIL: ${f#"$src"/} has no SPDX-License-Identifier: BSD-3-Clause first line" >&2
    status=1
    ;;
  esac
done
[ $status -eq 0 ] && echo "spdx: every core file is BSD-3-Clause"
exit $status
