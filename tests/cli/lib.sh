# SPDX-License-Identifier: GPL-2.0-or-later
# Helpers for CLI tests. $SMC is the binary under test; each check prints
# "ok - NAME" or "not ok - NAME: why", which tests/run counts.
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

ok() { echo "ok - $1"; }
nok() { echo "not ok - $1: $2"; }

# run CMD...: sets OUT, ERR, RC.
run() {
	"$@" >"$TMP/out" 2>"$TMP/err" </dev/null
	RC=$?
	OUT=$(cat "$TMP/out")
	ERR=$(cat "$TMP/err")
}

# expect_fail NAME PATTERN CMD...: status 1 (or $WANT_RC), nothing on
# stdout, exactly one line on stderr that matches the extended regex PATTERN.
expect_fail() {
	local name=$1 pattern=$2 want=${WANT_RC:-1}
	shift 2
	run "$@"
	if [[ $RC -ne $want ]]; then nok "$name" "exit status $RC, want $want (stderr: $ERR)"
	elif [[ -n $OUT ]]; then nok "$name" "stdout not empty: $OUT"
	elif [[ $(printf '%s\n' "$ERR" | wc -l) -ne 1 || -z $ERR ]]; then nok "$name" "want one stderr line, got: $ERR"
	elif ! grep -Eq -- "$pattern" <<<"$ERR"; then nok "$name" "stderr \"$ERR\" does not match /$pattern/"
	else ok "$name"; fi
}

# expect_ok NAME PATTERN CMD...: status 0, empty stderr, stdout matches PATTERN.
expect_ok() {
	local name=$1 pattern=$2
	shift 2
	run "$@"
	if [[ $RC -ne 0 ]]; then nok "$name" "exit status $RC, want 0 (stderr: $ERR)"
	elif [[ -n $ERR ]]; then nok "$name" "stderr not empty: $ERR"
	elif ! grep -Eq -- "$pattern" <<<"$OUT"; then nok "$name" "stdout does not match /$pattern/: $OUT"
	else ok "$name"; fi
}
