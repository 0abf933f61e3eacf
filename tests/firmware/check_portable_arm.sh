#!/usr/bin/env bash
# Compiles the firmware's portable parts (firmware/pico/{common,button_demo,
# bounce_recorder}, everything but main.c and board_led.c) for the RP2040's
# Cortex-M0+ with the core's warning set and -Werror, and checks that they
# call nothing from libc: only each other, the debounce core and, at most,
# libgcc's arithmetic helpers (which the Pico SDK provides). Prints the code
# size of each file.
#
# usage: check_portable_arm.sh SOURCE_DIR BUILD_DIR
set -euo pipefail

src=${1:?usage: check_portable_arm.sh SOURCE_DIR BUILD_DIR}
out=${2:?usage: check_portable_arm.sh SOURCE_DIR BUILD_DIR}

for tool in arm-none-eabi-gcc arm-none-eabi-nm arm-none-eabi-size; do
  command -v "$tool" >/dev/null || {
    echo "check_portable_arm: $tool not found; run scripts/setup.sh (gcc-arm-none-eabi)" >&2
    exit 1
  }
done

fw="$src/firmware/pico"
mapfile -t sources < <(ls "$fw"/common/fw_*.c "$fw"/button_demo/demo_*.c "$fw"/bounce_recorder/rec_*.c)
core=("$src"/src/core/*.c)
flags=(-mcpu=cortex-m0plus -mthumb -Os -std=c11 -ffreestanding -ffunction-sections
       -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wstrict-prototypes
       -Wmissing-prototypes -Wundef -Wcast-align -Werror
       -I"$src/include" -I"$fw/common" -I"$fw/button_demo" -I"$fw/bounce_recorder")

rm -rf "$out"
mkdir -p "$out"
status=0
for f in "${sources[@]}" "${core[@]}"; do
  obj="$out/$(basename "${f%.c}").o"
  if ! arm-none-eabi-gcc "${flags[@]}" -c "$f" -o "$obj" 2>"$obj.log" || [ -s "$obj.log" ]; then
    cat "$obj.log" >&2
    echo "FAIL: $f does not compile cleanly for cortex-m0plus" >&2
    status=1
  fi
done
[ $status -eq 0 ] || exit 1

defined=$(arm-none-eabi-nm --defined-only "$out"/*.o | awk 'NF == 3 { print $3 }' | sort -u)
foreign=$(arm-none-eabi-nm -u "$out"/*.o | awk '$1 == "U" { print $2 }' | sort -u |
          comm -23 - <(echo "$defined") | grep -Ev '^__(aeabi|gnu)_' || true)
if [ -n "$foreign" ]; then
  echo "FAIL: the portable parts call outside themselves and the core: $foreign" >&2
  status=1
fi

echo "| file | text (B) | data (B) | bss (B) |"
echo "|---|---:|---:|---:|"
for f in "${sources[@]}"; do
  obj="$out/$(basename "${f%.c}").o"
  arm-none-eabi-size "$obj" | awk -v n="${f#"$fw"/}" 'NR == 2 { printf "| %s | %d | %d | %d |\n", n, $1, $2, $3 }'
done
[ $status -eq 0 ] && echo "portable firmware parts: OK (cortex-m0plus, -Werror, no libc)"
exit $status
