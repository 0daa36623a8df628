# SPDX-License-Identifier: GPL-2.0-or-later
# Helpers for the smc_chk checks of the two-hosts and SMC-D scenarios.

# expect_status NAME STATUS PATTERNS CMD...: exit status STATUS (or one of
# a blank-separated list), empty stderr, and each extended regex of
# PATTERNS (separated by "|||") matching a line of stdout.
expect_status() {
	name=$1 want=$2 patterns=$3
	shift 3
	run "$@"
	case " $want " in *" $RC "*) ;; *) nok "$name" "exit status $RC, want $want (stderr: $ERR)"; return ;; esac
	if [ -n "$ERR" ]; then nok "$name" "stderr not empty: $ERR"; return; fi
	rest=$patterns
	while [ -n "$rest" ]; do
		p=${rest%%|||*}
		[ "$p" = "$rest" ] && rest= || rest=${rest#*|||}
		grep -Eq -- "$p" "$T/out" || { nok "$name" "stdout does not match /$p/"; return; }
	done
	ok "$name"
}

# chk_server_start PORT [OPTION...]: smc_chk -S in the background, its
# output in /tmp/chk-server.out, its pid in $chk_server.
chk_server_start() {
	chk_port=$1
	shift
	smc_chk -S -p "$chk_port" "$@" >/tmp/chk-server.out 2>&1 &
	chk_server=$!
	wait_for /tmp/chk-server.out "^Server started on port $chk_port\$" &&
		ok "smc_chk -S -p $chk_port $*: server started" ||
		nok "smc_chk -S -p $chk_port $*: server started" "$(cat /tmp/chk-server.out)"
}

# chk_server_stop: SIGINT ends the server with status 0.
chk_server_stop() {
	kill -INT "$chk_server"
	wait "$chk_server"
	rc=$?
	[ "$rc" -eq 0 ] && ok "smc_chk -S on port $chk_port ends with 0 on SIGINT" ||
		nok "smc_chk -S on port $chk_port ends with 0 on SIGINT" "status $rc"
}
