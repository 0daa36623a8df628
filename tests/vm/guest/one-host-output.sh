# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by one-host.sh: a command that prints what the kernel reports, with
# stdout on /dev/full or closed, exits 1 with one line naming the write
# error instead of 0 having printed nothing. Only commands seen to print
# here are checked, so a write really was attempted.

# unwritten_verdict NAME WANT_ERR STATUS: a run whose stderr is in $T/err.
unwritten_verdict() {
	name=$1 want=$2 rc=$3
	err=$(cat "$T/err")
	if [ "$rc" -eq 1 ] && [ "$err" = "$want" ]; then ok "$name"
	else nok "$name" "status $rc, stderr: $err"; fi
}

smcr ueid add SMC-LAB-OUT >/dev/null 2>&1
check "veth for the PNET table" ip link add vout0 type veth peer name vout1
smc_pnet -a NETOUT -I vout0 >/dev/null 2>&1
for cmd in "smcr info" "smcd -d info" "smcr stats" "smcd -d stats" "smcr stats json" "smcr stats prometheus" \
	"smcr -j linkgroup show" "smcr -j -d linkgroup show" "smcr -j device show" \
	"smcd ueid show" "smcr -j ueid show" "smcd seid show" "smcr handshake-limit show" \
	"smc_pnet -s" "smc_pnet -j" "smcss -aj"; do
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
smc_pnet -f >/dev/null 2>&1
ip link del vout0
smcr ueid flush >/dev/null 2>&1
