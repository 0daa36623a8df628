# Checks inside a lab guest (busybox sh). Result lines go to fd 3 (the
# second serial port): "ok - NAME" or "not ok - NAME: why".
T=/tmp/check
mkdir -p "$T"

ok() { echo "ok - $1" >&3; }
nok() { echo "not ok - $1: $2" >&3; echo "FAILED: $1: $2"; }

# run CMD...: sets OUT, ERR, RC; the command and its output go to the console.
run() {
	"$@" >"$T/out" 2>"$T/err" </dev/null
	RC=$?
	OUT=$(cat "$T/out")
	ERR=$(cat "$T/err")
	echo "# $* -> $RC"
	cat "$T/out" "$T/err"
}

# expect_ok NAME PATTERN CMD...: status 0, empty stderr, stdout matches the
# extended regex PATTERN; an empty PATTERN wants no output at all.
expect_ok() {
	name=$1 pattern=$2
	shift 2
	run "$@"
	if [ "$RC" -ne 0 ]; then nok "$name" "exit status $RC, want 0 (stderr: $ERR)"
	elif [ -n "$ERR" ]; then nok "$name" "stderr not empty: $ERR"
	elif [ -z "$pattern" ] && [ -s "$T/out" ]; then nok "$name" "want no output, got: $OUT"
	elif [ -n "$pattern" ] && ! grep -Eq -- "$pattern" "$T/out"; then nok "$name" "stdout does not match /$pattern/"
	else ok "$name"; fi
}

# expect_fail NAME PATTERN CMD...: status 1, nothing on stdout, one line on
# stderr matching PATTERN.
expect_fail() {
	name=$1 pattern=$2
	shift 2
	run "$@"
	if [ "$RC" -ne 1 ]; then nok "$name" "exit status $RC, want 1 (stderr: $ERR)"
	elif [ -n "$OUT" ]; then nok "$name" "stdout not empty: $OUT"
	elif [ "$(wc -l <"$T/err")" -ne 1 ]; then nok "$name" "want one stderr line, got: $ERR"
	elif ! grep -Eq -- "$pattern" "$T/err"; then nok "$name" "stderr \"$ERR\" does not match /$pattern/"
	else ok "$name"; fi
}

# check NAME CMD...: ok if CMD succeeds.
check() {
	name=$1
	shift
	if "$@"; then ok "$name"; else nok "$name" "$* failed"; fi
}

load_smc() {
	check "modprobe smc smc_diag" modprobe -a smc smc_diag
}

# softroce IP: eth0 up with IP/24 and an rxe device on it.
softroce() {
	modprobe crc32-pclmul
	modprobe -a crc32_generic rdma_rxe &&
		ip link set eth0 up && ip addr add "$1/24" dev eth0 &&
		rdma link add rxe0 type rxe netdev eth0
}

# tcp_wait PORT STATE: wait (up to 20 s) for a TCP socket with local or
# remote port PORT in STATE (/proc/net/tcp: 01 established, 0A listening).
tcp_wait() {
	hex=$(printf '%04X' "$1")
	for _ in $(seq 100); do
		awk -v p=":$hex" -v s="$2" '($2 ~ p"$" || $3 ~ p"$") && $4 == s { f = 1 } END { exit !f }' /proc/net/tcp &&
			return 0
		sleep 0.2
	done
	return 1
}
listening() { tcp_wait "$1" 0A; }
established() { tcp_wait "$1" 01; }

# smcr_host server|client: smc loaded, SoftRoCE on eth0 with the role's
# address (198.18.0.1 or .2), a UEID set by our smcr: SMC-Rv2 is possible.
smcr_host() {
	load_smc
	case $1 in
	server) check "softroce on eth0" softroce 198.18.0.1 ;;
	client) check "softroce on eth0" softroce 198.18.0.2 ;;
	esac
	expect_ok "smcr ueid add" '' smcr ueid add SMC-LAB-UEID
}
