# SPDX-License-Identifier: GPL-2.0-or-later
# unwritten CMD...: each CMD (one string, split on blanks) that prints here
# must, with stdout on /dev/full or closed, exit 1 with one line naming the
# write error instead of 0 having printed nothing. A CMD that prints nothing
# is a failure of its own: no write was attempted, nothing was checked.
unwritten() {
	for cmd in "$@"; do
		app=${cmd%% *}
		# shellcheck disable=SC2086 # the arguments are split on purpose
		run $cmd
		if [ "$RC" -ne 0 ] || [ ! -s "$T/out" ]; then
			nok "$cmd prints here" "status $RC, stdout: $OUT, stderr: $ERR"
			continue
		fi
		# shellcheck disable=SC2086
		$cmd >/dev/full 2>"$T/err"
		unwritten_verdict "$cmd >/dev/full" "$app: write error: No space left on device" $?
		# shellcheck disable=SC2086
		$cmd >&- 2>"$T/err"
		unwritten_verdict "$cmd >&-" "$app: write error: Bad file descriptor" $?
	done
}

# unwritten_verdict NAME WANT_ERR STATUS: a run whose stderr is in $T/err.
unwritten_verdict() {
	err=$(cat "$T/err")
	if [ "$3" -eq 1 ] && [ "$err" = "$2" ]; then ok "$1"
	else nok "$1" "status $3, stderr: $err"; fi
}
