#!/usr/bin/env bash
# Builds the debounce core for the RP2040's Cortex-M0+ and checks that it is
# firmware-grade: it links into a bare-metal image with nothing from libc or
# libgcc, every algorithm's update stays under its code and stack budget.
# Prints the footprint table (Markdown) and writes it to BUILD/footprint.md.
#
# usage: check_footprint.sh SOURCE_DIR BUILD_DIR
set -euo pipefail

src=${1:?usage: check_footprint.sh SOURCE_DIR BUILD_DIR}
build=${2:?usage: check_footprint.sh SOURCE_DIR BUILD_DIR}

# Budgets from the core issue: per-algorithm update code and stack, in bytes.
max_update_code=160
max_update_stack=48

for tool in arm-none-eabi-gcc arm-none-eabi-nm arm-none-eabi-size; do
  command -v "$tool" >/dev/null || {
    echo "check_footprint: $tool not found; run scripts/setup.sh (gcc-arm-none-eabi)" >&2
    exit 1
  }
done

cmake -S "$src" -B "$build" -DCMAKE_TOOLCHAIN_FILE="$src/cmake/arm-none-eabi.cmake" \
  -DCMAKE_BUILD_TYPE=MinSizeRel >"$build.configure.log" 2>&1 ||
  { cat "$build.configure.log"; exit 1; }
# --clean-first: warnings only show when a file compiles, and -Werror must see them all.
if ! cmake --build "$build" --clean-first -- -j2 >"$build.build.log" 2>&1; then
  cat "$build.build.log" >&2
  echo "check_footprint: the cross build failed" >&2
  exit 1
fi
if grep -Ei 'warning|error' "$build.build.log" >&2; then
  echo "check_footprint: the cross build printed warnings (full log: $build.build.log)" >&2
  exit 1
fi

lib="$build/src/core/libdebounce_core.a"
elf="$build/tests/cross/core_image.elf"
obj_dir="$build/src/core/CMakeFiles/debounce_core.dir"
image_obj="$build/tests/cross/CMakeFiles/core_image.dir/image.c.obj"
status=0

# 1. The core may only refer to symbols it defines itself.
defined=$(arm-none-eabi-nm --defined-only "$lib" | awk 'NF == 3 { print $3 }' | sort -u)
foreign=$(arm-none-eabi-nm -u "$lib" | awk '$1 == "U" { print $2 }' | sort -u | comm -23 - <(echo "$defined"))
if [ -n "$foreign" ]; then
  echo "FAIL: the core needs symbols from outside itself: $foreign" >&2
  status=1
fi
# 2. The image linked with -nostdlib; say so, and double-check no helper slipped in.
if arm-none-eabi-nm "$elf" | grep -E ' (__aeabi_|__gnu_|mem(cpy|set|move)|str[a-z]+|malloc|free)' >&2; then
  echo "FAIL: a libc or libgcc helper is in the image" >&2
  status=1
fi

sym_size() { # file symbol -> size in bytes (0 if absent)
  local hex
  hex=$(arm-none-eabi-nm -S "$1" | awk -v s="$2" '$4 == s { print $2; exit }')
  echo $((16#${hex:-0}))
}
stack_of() { # su-file function -> frame bytes
  awk -F'\t' -v f="$2" '{ n = split($1, a, ":"); if (a[n] == f) { print $2; found = 1 } } END { if (!found) print 0 }' "$1"
}
file_text() { # object -> text bytes (code + read-only data)
  arm-none-eabi-size "$1" | awk 'NR == 2 { print $1 }'
}

dispatch_stack=$(stack_of "$obj_dir/debounce.c.su" debounce_update)
dispatch_code=$(( $(sym_size "$elf" debounce_update) ))
state_size=$(sym_size "$image_obj" footprint_state_probe)
config_size=$(sym_size "$image_obj" footprint_config_probe)

table="| algorithm | update code (B) | deadline code (B) | whole file (B) | update stack (B) | state (B) |
|---|---:|---:|---:|---:|---:|"
# The algorithms, in the order of the core's registry: the dispatcher's table
# (algo_ops in debounce.c) as linked, each entry the address of an
# algorithm's debounce_NAME_ops, whose file is NAME.c with NAME_update in it.
registry_algos() {
  local addr size
  read -r addr size < <(arm-none-eabi-nm -S "$elf" | awk '$4 == "algo_ops" { print $1, $2 }')
  [ -n "${addr:-}" ] || { echo "FAIL: no algo_ops table in $elf" >&2; return 1; }
  arm-none-eabi-objdump -s --start-address="0x$addr" \
    --stop-address="$(printf '0x%x' $((16#$addr + 16#$size)))" "$elf" |
    awk '$1 ~ /^[0-9a-f]+$/ && NF > 1 { for (i = 2; i <= 5 && i <= NF; i++) if ($i ~ /^[0-9a-f]+$/ && length($i) == 8)
           print substr($i, 7, 2) substr($i, 5, 2) substr($i, 3, 2) substr($i, 1, 2) }' |
    while read -r ptr; do
      arm-none-eabi-nm "$elf" | awk -v p="$ptr" 'tolower($1) == p && $3 ~ /^debounce_.*_ops$/ {
        sub(/^debounce_/, "", $3); sub(/_ops$/, "", $3); print $3 }'
    done
}
mapfile -t algos < <(registry_algos)
[ ${#algos[@]} -gt 0 ] || { echo "FAIL: found no algorithm in the dispatcher's table" >&2; exit 1; }
echo "algorithms in the registry: ${algos[*]}"
for algo in "${algos[@]}"; do
  obj="$obj_dir/$algo.c.obj"
  su="$obj_dir/$algo.c.su"
  code=$(sym_size "$elf" "${algo}_update")
  dl=$(sym_size "$elf" "${algo}_deadline")
  # worst stack of debounce_update: the dispatcher's frame plus the deepest
  # frame of the algorithm file (its helpers are inlined at -Os; summing every
  # frame in the file would be the bound if one were not).
  frames=$(awk -F'\t' '{ s += $2 } END { print s + 0 }' "$su")
  stack=$((dispatch_stack + frames - $(stack_of "$su" "${algo}_deadline")))
  table+=$'\n'"| ${algo//_/-} | $code | $dl | $(file_text "$obj") | $stack | $state_size |"
  if [ "$code" -eq 0 ] || [ "$code" -ge "$max_update_code" ]; then
    echo "FAIL: ${algo} update is $code bytes of code (budget < $max_update_code)" >&2
    status=1
  fi
  if [ "$stack" -ge "$max_update_stack" ]; then
    echo "FAIL: ${algo} update uses $stack bytes of stack (budget < $max_update_stack)" >&2
    status=1
  fi
done
table+=$'\n\n'"Shared by all: dispatcher \`debounce_update\` $dispatch_code B of code and $dispatch_stack B of stack (included in the stack column); \`debounce_config_t\` $config_size B; whole test image $(arm-none-eabi-size "$elf" | awk 'NR == 2 { print $1 }') B of text. $(arm-none-eabi-gcc --version | head -n 1), \`-mcpu=cortex-m0plus -mthumb -Os\`."

echo "$table" | tee "$build/footprint.md"
[ "$state_size" -gt 0 ] && [ "$state_size" -le 16 ] || { echo "FAIL: debounce_t is $state_size bytes on the target (budget 16)" >&2; status=1; }
[ $status -eq 0 ] && echo "footprint: OK (update < $max_update_code B code, < $max_update_stack B stack, state <= 16 B, no libc or libgcc)"
exit $status
