#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Cut the output of one command from a reference transcript of smc-tools
# 1.8.5 (/work/shared/reference/smc-tools-1.8.5/*.txt): the lines after
# "$ COMMAND" up to its "[rc=N]" line. N picks the Nth run of the command.
#   tests/golden/cut.sh FILE "smcr -d stats" [N] > tests/golden/NAME.txt
# The golden files here were made this way, never by the code under test.
set -euo pipefail
file=$1 cmd=$2 nth=${3:-1}
awk -v cmd="\$ $cmd" -v nth="$nth" '
	$0 == cmd { seen++; if (seen == nth) { on = 1; next } }
	on && /^\[rc=[0-9]+\]$/ { exit }
	on { print }
' "$file"
