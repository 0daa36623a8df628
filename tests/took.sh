# SPDX-License-Identifier: GPL-2.0-or-later
# took PART SECONDS: note in SMC_TIMES how long a part of the test run
# took; tests/run prints the notes before its count. ./build.sh test sets
# SMC_TIMES for the whole run, tests/run for itself when run alone.
took() {
	[[ -z ${SMC_TIMES:-} ]] || printf '  %-32s %5d s\n' "$1" "$2" >>"$SMC_TIMES"
}
