#!/usr/bin/env bash
# Prints the size table of firmware builds (Markdown): for each build
# directory made from firmware/pico/CMakeLists.txt, each program's
# text/data/bss as arm-none-eabi-size prints them, what it really takes of
# flash and of static RAM, and its .uf2 in bytes. Builds nothing; run it
# after `cmake --build`.
#
# Why two sets of numbers: the SDK's linker script flags .data (which holds
# the functions it runs from RAM) and its 2 KB heap and 2 KB stack
# reservations as read-only, so arm-none-eabi-size counts them all as text.
# flash = every section loaded into flash (.boot2 .text .rodata
# .binary_info, and .data's initial copy); RAM = every section placed in RAM
# except the heap and stack reservations.
#
# usage: firmware/pico/sizes.sh BUILD_DIR...
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: sizes.sh BUILD_DIR..." >&2; exit 2; }
for tool in arm-none-eabi-size arm-none-eabi-objdump arm-none-eabi-gcc; do
  command -v "$tool" >/dev/null || { echo "sizes.sh: $tool not found" >&2; exit 1; }
done

cache_value() { # build-dir variable
  sed -n "s/^$2:[A-Z]*=//p" "$1/CMakeCache.txt"
}

# elf -> "flash ram" in bytes, from the section headers
flash_and_ram() {
  local flash=0 ram=0 idx name size vma lma flags
  while read -r idx name size vma lma _; do
    [[ $idx =~ ^[0-9]+$ ]] || continue
    read -r flags
    [[ $flags == *LOAD* && $lma == 10* ]] && flash=$((flash + 16#$size))
    [[ $flags == *ALLOC* && $vma == 20* && $name != .heap && $name != .stack_dummy ]] &&
      ram=$((ram + 16#$size))
  done < <(arm-none-eabi-objdump -h "$1")
  echo "$flash $ram"
}

echo "| program | board | stdio | text (B) | data (B) | bss (B) | flash (B) | RAM (B) | .uf2 (B) |"
echo "|---|---|---|---:|---:|---:|---:|---:|---:|"
seen=" "
for dir in "$@"; do
  board=$(cache_value "$dir" PICO_BOARD)
  mode=$(cache_value "$dir" BUTTON_DEMO_MODE)
  # FIRMWARE_STDIO_USB: ON (the default) or OFF
  stdio=usb
  case "$(cache_value "$dir" FIRMWARE_STDIO_USB)" in OFF | off | 0 | FALSE | false) stdio=uart ;; esac
  for prog in button_demo bounce_recorder; do
    [ -f "$dir/$prog.elf" ] || { echo "sizes.sh: $dir/$prog.elf is missing" >&2; exit 1; }
    name=$prog
    [ "$prog" = button_demo ] && name="button_demo ($mode)"
    # the recorder does not depend on the demo's mode: list it once per board
    case "$seen" in *" $name/$board/$stdio "*) continue ;; esac
    seen+="$name/$board/$stdio "
    read -r flash ram < <(flash_and_ram "$dir/$prog.elf")
    arm-none-eabi-size "$dir/$prog.elf" |
      awk -v n="$name" -v b="$board" -v s="$stdio" -v f="$flash" -v r="$ram" \
        -v u="$(stat -c %s "$dir/$prog.uf2")" \
        'NR == 2 { printf "| %s | %s | %s | %d | %d | %d | %d | %d | %d |\n", n, b, s, $1, $2, $3, f, r, u }'
  done
done
sdk=$(cache_value "$1" PICO_SDK_PATH)
version=$(sed -n 's/^ *set(PICO_SDK_VERSION_\(MAJOR\|MINOR\|REVISION\) \([0-9]*\))/\2/p' \
  "$sdk/pico_sdk_version.cmake" | paste -sd.)
echo
echo "pico-sdk $version, $(arm-none-eabi-gcc --version | head -n 1), the SDK's Release flags (-O3)."
