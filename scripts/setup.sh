#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build and test bouncelab.
# Installs only missing packages, so it is quick and safe to run again.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libglib2.0-dev libcmocka-dev
  gnuplot-nox
  gcc-arm-none-eabi libnewlib-arm-none-eabi binutils-arm-none-eabi
  clang libclang-rt-14-dev  # libFuzzer and clang's sanitizers (scripts/fuzz.sh)
  clang-tidy cppcheck       # static analysis (scripts/analyse.sh)
  sigrok-cli iverilog gtkwave  # real captures and round trips in tests/tools
  python3                   # tests under CPython: the MicroPython port (tests/micropython), `record` on a pty
  parallel                  # GNU parallel: sharded stress runs (tests/cli/test_stress_parallel.sh)
  python3-unicorn           # the core's Cortex-M0+ build run under an emulator (tests/emu)
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all packages present"
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
