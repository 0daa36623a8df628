# SPDX-License-Identifier: GPL-2.0-or-later
# Checks inside a lab guest (busybox sh). Result lines go to fd 3 (the
# second serial port): "ok - NAME" or "not ok - NAME: why".
T=/tmp/check
mkdir -p "$T"

ok() { echo "ok - $1" >&3; }
nok() { echo "not ok - $1: $2" >&3; echo "FAILED: $1: $2"; }

# run CMD...: sets OUT, ERR, RC; the command, its output and the guest's
# uptime go to the console.
run() {
	"$@" >"$T/out" 2>"$T/err" </dev/null
	RC=$?
	OUT=$(cat "$T/out")
	ERR=$(cat "$T/err")
	note "$* -> $RC"
	cat "$T/out" "$T/err"
}

# note TEXT: TEXT on the console, after the guest's uptime.
note() { echo "# [$(cut -d' ' -f1 /proc/uptime)] $*" >&2; }

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

# poll TRIES PID CMD...: run CMD every 0.2 s until it succeeds; give up
# after TRIES runs (0: never), and when process PID (if not empty) has ended
# and CMD fails once more.
poll() {
	local tries=$1 pid=$2 n=1
	shift 2
	until "$@"; do
		[ "$tries" -eq 0 ] || [ "$n" -lt "$tries" ] || return 1
		[ -z "$pid" ] || kill -0 "$pid" 2>/dev/null || { "$@"; return; }
		n=$((n + 1))
		sleep 0.2
	done
}

# tcp_wait PORT STATE [PID]: wait for a TCP socket with local or remote
# port PORT in STATE (/proc/net/tcp: 01 established, 0A listening): for as
# long as process PID lives (the guest's time limit bounds it), or up to
# 20 s without PID.
tcp_wait() {
	if [ -n "${3:-}" ]; then poll 0 "$3" tcp_in "$1" "$2"; else poll 100 "" tcp_in "$1" "$2"; fi
}
tcp_in() {
	awk -v p=":$(printf '%04X' "$1")" -v s="$2" '($2 ~ p"$" || $3 ~ p"$") && $4 == s { f = 1 } END { exit !f }' /proc/net/tcp
}
listening() { tcp_wait "$1" 0A "${2:-}"; }
established() { tcp_wait "$1" 01 "${2:-}"; }

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

# same_as NAME FILE CMD...: status 0, nothing on stderr, stdout exactly the
# golden FILE (under /lab/golden, cut from smc-tools' real output).
same_as() {
	name=$1 golden=$2
	shift 2
	run "$@"
	if [ "$RC" -ne 0 ] || [ -n "$ERR" ]; then nok "$name" "exit status $RC, stderr: $ERR"
	elif cmp -s "$T/out" "/lab/golden/$golden"; then ok "$name"
	else nok "$name" "differs from $golden: $(diff "/lab/golden/$golden" "$T/out" | tail -n +3 | tr '\n' '|')"; fi
}

# wait_for FILE REGEX [PID]: wait for a line of FILE to match: for as long
# as process PID lives (the guest's time limit bounds it), or up to 120 s
# without PID.
wait_for() {
	if [ -n "${3:-}" ]; then poll 0 "$3" has_line "$1" "$2"; else poll 600 "" has_line "$1" "$2"; fi
}
has_line() { grep -Eq -- "$2" "$1" 2>/dev/null; }

# field REGEX N: field N of the first line of the last run's stdout that
# matches REGEX, 0 if none; json_num KEY: the number KEY has in that stdout.
field() {
	awk -v re="$1" -v n="$2" '$0 ~ re { print $n + 0; f = 1; exit } END { if (!f) print 0 }' "$T/out"
}
json_num() {
	v=$(grep -o "\"$1\":[0-9]*" "$T/out" | head -n 1 | cut -d: -f2)
	echo "${v:-0}"
}

# at_least NAME VALUE MIN: ok if VALUE >= MIN.
at_least() {
	[ "${2:-0}" -ge "$3" ] && ok "$1" || nok "$1" "${2:-nothing}, want at least $3"
}

# json_keep NAME CMD...: expect_ok with a JSON document on stdout, kept for
# json_check to parse.
JSON=/tmp/json
json_keep() {
	name=$1
	shift
	expect_ok "$name" '^[[{]' "$@"
	mkdir -p "$JSON"
	n=$(($(cat "$JSON/index" 2>/dev/null | wc -l) + 1))
	cp "$T/out" "$JSON/$n.json"
	printf '%s\t%s\n' "$n" "$name" >>"$JSON/index"
}

# host_root: the host's / (shared read-only over 9p) at /host, with a fresh
# /proc, /dev and a writable /tmp holding our smc, for running the host's
# dynamically linked programs with chroot.
host_root() {
	grep -q ' /host/tmp ' /proc/mounts && return 0
	mkdir -p /host &&
		mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=262144,cache=loose host /host &&
		mount -t proc proc /host/proc && mount -t devtmpfs devtmpfs /host/dev &&
		mount -t tmpfs tmpfs /host/tmp && cp /bin/smc /host/tmp/smc
}

# json_check: every document json_keep kept, parsed by the host's python3.
json_check() {
	host_root || { nok "json: every document parsed" "no host root for python3"; return; }
	rm -rf /host/tmp/json && cp -r "$JSON" /host/tmp/json
	chroot /host /usr/bin/python3 -c '
import json, sys
for line in open("/tmp/json/index"):
    n, name = line.rstrip("\n").split("\t", 1)
    try:
        json.load(open("/tmp/json/%s.json" % n))
        print("ok\t" + name)
    except ValueError as e:
        print("bad\t%s\t%s" % (name, e))
' >"$T/json" 2>&1
	[ "$(grep -c '^ok' "$T/json")" -eq "$(wc -l <"$JSON/index")" ] ||
		nok "json: every document parsed" "$(tr '\n' '|' <"$T/json")"
	while IFS="	" read -r verdict name why; do
		[ "$verdict" = ok ] && ok "valid JSON: $name" || nok "valid JSON: $name" "$why"
	done <"$T/json"
}

# tell HOST PORT [TEXT]: send TEXT (or nothing) to a listening nc on HOST;
# hear PORT: wait for one such message, print it. Both wait for the peer
# as long as it takes: each side reaches every exchange, whatever failed
# before, and the host stops a guest whose peer died (tests/vm/lib.sh
# lab_pair), so the guest's time limit is the only bound needed.
tell() {
	note "telling $1 on port $2"
	until echo "${3:-}" | nc "$1" "$2" 2>/dev/null; do sleep 0.2; done
}
hear() {
	note "waiting to hear from the peer on port $1"
	nc -l -p "$1" </dev/null
}
