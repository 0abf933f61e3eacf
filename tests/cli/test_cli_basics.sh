#!/usr/bin/env bash
# The program's front door: --help, --version, the command list, bad usage.
. "$(dirname "$0")/lib.sh"

run --version
expect_status 0 "--version"
expect_stdout '^bouncelab [0-9]+\.[0-9]+\.[0-9]+$' "--version prints name and version"

run --help
expect_status 0 "--help"
expect_stdout 'Usage: bouncelab' "--help shows usage"
expect_stdout 'algorithms' "--help lists the commands"

run
expect_status 2 "no command"
expect_stderr 'Usage' "no command shows usage on stderr"

run frobnicate
expect_status 2 "unknown command"
expect_stderr "unknown command 'frobnicate'" "unknown command is named"

run algorithms
expect_status 0 "algorithms"
for name in none lockout defer eager-defer integrator; do
  expect_stdout "^$name " "algorithms lists $name"
done
expect_stdout_lines 10 "two lines per algorithm, five algorithms"

run algorithms --help
expect_status 0 "algorithms --help"
expect_stdout '^ *bouncelab algorithms \[OPTION' "subcommand help names the subcommand"

run algorithms --bogus
expect_status 2 "unknown option"
expect_stderr "Unknown option --bogus.*bouncelab algorithms --help" "unknown option points at --help"

run algorithms extra
expect_status 2 "stray argument"

finish
