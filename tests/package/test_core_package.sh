#!/usr/bin/env bash
# Builds tests/package/consumer, a project outside bouncelab, against the
# debounce core: installed with `cmake --install` (find_package) and added
# with add_subdirectory, for the host (and runs it) or for the Cortex-M0+
# (and checks the library holds the core, built for Thumb, calling nothing).
#
# usage: test_core_package.sh host|cortex-m0plus SOURCE_DIR BUILD_DIR SCRATCH_DIR
set -euo pipefail

target=${1:?usage: test_core_package.sh host|cortex-m0plus SOURCE_DIR BUILD_DIR SCRATCH_DIR}
src=${2:?}
build=${3:?}
scratch=${4:?}
rm -rf "$scratch"
mkdir -p "$scratch"

cmake --install "$build" --prefix "$scratch/prefix" --component bouncelab_core >"$scratch/install.log"
for f in include/debounce/debounce.h include/debounce/debounce_tick.h \
         share/bouncelab_core/src/lockout.c lib/cmake/bouncelab_core/bouncelab_coreConfig.cmake; do
  [ -f "$scratch/prefix/$f" ] || { echo "FAIL: the install lacks $f" >&2; exit 1; }
done

toolchain=()
if [ "$target" = cortex-m0plus ]; then
  toolchain=(-DCMAKE_TOOLCHAIN_FILE="$src/cmake/arm-none-eabi.cmake" -DCMAKE_BUILD_TYPE=MinSizeRel)
fi

for how in package subdirectory; do
  dir="$scratch/$how"
  args=(-DCMAKE_PREFIX_PATH="$scratch/prefix")
  [ "$how" = subdirectory ] && args=(-DBOUNCELAB_CORE_DIR="$src/src/core")
  if ! cmake -S "$src/tests/package/consumer" -B "$dir" "${toolchain[@]}" "${args[@]}" \
       >"$dir.log" 2>&1 || ! cmake --build "$dir" >>"$dir.log" 2>&1; then
    cat "$dir.log" >&2
    echo "FAIL: the consumer does not build against the core ($how, $target)" >&2
    exit 1
  fi
  if [ "$target" = host ]; then
    out=$("$dir/consumer")
    [ "$out" = "consumer: lockout ok" ] || { echo "FAIL: consumer said '$out' ($how)" >&2; exit 1; }
  else
    # the package compiles the core into the consumer's library; add_subdirectory builds its own
    mapfile -t libs < <(find "$dir" -name 'libconsumer_button.a' -o -name 'libdebounce_core.a')
    lib="${libs[*]}"
    defined=$(arm-none-eabi-nm --defined-only "${libs[@]}" | awk 'NF == 3 { print $3 }' | sort -u)
    for sym in consumer_button_init debounce_init debounce_update debounce_deadline; do
      grep -qx "$sym" <<<"$defined" || { echo "FAIL: $sym not in $lib ($how)" >&2; exit 1; }
    done
    foreign=$(arm-none-eabi-nm -u "${libs[@]}" | awk '$1 == "U" { print $2 }' | sort -u |
              comm -23 - <(echo "$defined"))
    [ -z "$foreign" ] || { echo "FAIL: the core calls outside itself: $foreign ($how)" >&2; exit 1; }
    # every object of both archives: Thumb for ARMv6-M (the Cortex-M0+)
    attrs=$(arm-none-eabi-readelf -A "${libs[@]}" | grep 'Tag_CPU_arch:' | sort -u)
    [ "$attrs" = "  Tag_CPU_arch: v6S-M" ] ||
      { echo "FAIL: $lib is not built for the Cortex-M0+ (v6S-M) ($how)" >&2; exit 1; }
  fi
  echo "core via $how, $target: OK"
done
