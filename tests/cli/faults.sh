#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Netlink faults through the seam in netlink/nl.c: SMC_NL_FAULT replaces
# the kernel's replies with recorded datagrams (tests/fixtures) and with
# the failures a kernel can produce. Only the sanitizer build has the seam;
# the release binary must not.
. "$(dirname "$0")/lib.sh"

if ! grep -q SMC_NL_FAULT "$SMC"; then
	SMC_NL_FAULT=family run "$SMC" smcd ueid show
	[[ $RC -eq 1 && $ERR == *"SMC module not loaded"* || $RC -eq 0 ]] &&
		ok "faults: $SMC has no fault seam and ignores SMC_NL_FAULT" ||
		nok "faults: $SMC has no fault seam and ignores SMC_NL_FAULT" "status $RC: $ERR"
	exit 0
fi

F=tests/fixtures/fallback-held
ueid_dump="$F/dump_ueid.0,$F/dump_ueid.1"

# fault NAME SCRIPT PATTERN ARGS...: with SMC_NL_FAULT=SCRIPT, smc ARGS fails
# as expect_fail wants it.
fault() {
	local name=$1 script=$2 pattern=$3
	shift 3
	expect_fail "faults: $name" "$pattern" env SMC_NL_FAULT="$script" "$SMC" "$@"
}

expect_ok "faults: the seam replays a recorded dump" '^SMC-LAB-UEID' \
	env SMC_NL_FAULT="family,$ueid_dump" "$SMC" smcd ueid show

# NLM_F_DUMP_INTR: the dump is read to its end, asked for again, and what
# the callers see is the last complete dump only.
run env SMC_NL_FAULT="family,intr:$F/dump_ueid.0,$F/dump_ueid.1,$ueid_dump" "$SMC" smcd ueid show
[[ $RC -eq 0 && -z $ERR && $OUT == SMC-LAB-UEID* && $(wc -l <<<"$OUT") -eq 1 ]] &&
	ok "faults: an interrupted dump is asked for again and shown once" ||
	nok "faults: an interrupted dump is asked for again and shown once" "status $RC: $OUT / $ERR"
run env SMC_NL_FAULT="family,intr:$F/dump_ueid.0,$F/dump_ueid.1,intr:$F/dump_ueid.0,$F/dump_ueid.1,$ueid_dump" \
	"$SMC" smcd -j ueid show
[[ $RC -eq 0 && -z $ERR && $OUT == '{"ueid":["SMC-LAB-UEID"]}' ]] &&
	ok "faults: a dump interrupted twice succeeds on the third attempt" ||
	nok "faults: a dump interrupted twice succeeds on the third attempt" "status $RC: $OUT / $ERR"
intr3="family"
for _ in 1 2 3; do intr3+=",intr:$F/dump_ueid.0,$F/dump_ueid.1"; done
# sock_diag streams (smcss prints records as they come): an interrupted
# dump is not asked for again but refused.
fault "an interrupted socket dump is an error" "intr:$F/sock_diag.0,$F/sock_diag.1" \
	"the kernel's table changed during the dump" smcss -a
fault "a dump interrupted three times is an error" "$intr3,$ueid_dump" \
	"kept changing during the dump \(3 attempts\), try again" smcd ueid show
fault "an interrupted stats dump is an error, no partial table" \
	"family,intr:$F/get_stats.0,$F/get_stats.1,intr:$F/get_stats.0,$F/get_stats.1,intr:$F/get_stats.0,$F/get_stats.1" \
	"kept changing during the dump" smcr -a stats

# Errors of the socket and of the kernel: one line, status 1, stdout empty.
fault "ENOBUFS while reading" "family,ENOBUFS" "receive queue overflowed \(ENOBUFS\), try again" smcd ueid show
fault "ENOBUFS in the middle of a dump" "family,$F/get_stats.0,ENOBUFS" "ENOBUFS" smcr -a stats
fault "EINTR while reading" "family,EINTR" "cannot read netlink reply: Interrupted system call" smcd ueid show
fault "EPERM for a dump" "family,nlerr:EPERM" "operation not permitted: it needs CAP_NET_ADMIN" smcr -a stats
fault "EPERM for a change names the capability" "family,nlerr:EPERM" "ueid add \"SMC-X\": permission denied.*CAP_NET_ADMIN" \
	smcd ueid add SMC-X
fault "EPERM for a PNET change" "family,nlerr:EPERM" "operation not permitted: it needs CAP_NET_ADMIN" smc_pnet -a NET1 -I lo
fault "EPERM for the socket dump" "nlerr:EPERM" "operation not permitted: it needs CAP_NET_ADMIN" smcss -a
fault "family unknown at the start" "nlerr:ENOENT" "SMC module not loaded" smcd ueid show
fault "family gone in the middle of a dump" "family,$F/get_stats.0,nlerr:ENOENT,nlerr:ENOENT" \
	"the SMC module went away during the request \(generic netlink family SMC_GEN_NETLINK is gone\)" smcr -a stats
fault "family gone between two dumps" "family,$F/get_stats.0,$F/get_stats.1,nlerr:ENOENT" \
	"the SMC module went away during the request" smcr -a stats
fault "family gone during a PNET show" "family,nlerr:ENOENT,nlerr:ENOENT" \
	"generic netlink family SMC_PNETID is gone" smc_pnet
fault "a real ENOENT (family still there) keeps its meaning" "family,nlerr:ENOENT,family" \
	"UEID SMC-X is not set" smcd ueid del SMC-X
fault "no reply at all" "family" "cannot read netlink reply" smcd ueid show

head -c -3 "$F/dump_ueid.0" >"$TMP/cut"
fault "a datagram cut inside a message" "family,$TMP/cut,$F/dump_ueid.1" "malformed netlink reply: the message at byte 0 claims [0-9]+ bytes, [0-9]+ are left" smcd ueid show

# A datagram larger than the receive buffer (64 KiB): the buffer grows,
# every record arrives.
for _ in $(seq 300); do cat "$F/sock_diag.0"; done >"$TMP/big"
run env SMC_NL_FAULT="$F/sock_diag.0,$F/sock_diag.1" "$SMC" smcss -a
one=$OUT
run env SMC_NL_FAULT="$TMP/big,$F/sock_diag.1" "$SMC" smcss -a
want=$(( ($(wc -l <<<"$one") - 1) * 300 + 1 ))
[[ $(stat -c %s "$TMP/big") -gt 65536 && $RC -eq 0 && -z $ERR && $(wc -l <<<"$OUT") -eq $want &&
   $(sort -u <<<"$OUT") == $(sort -u <<<"$one") ]] &&
	ok "faults: a $(stat -c %s "$TMP/big") byte datagram grows the buffer, all $((want - 1)) sockets shown" ||
	nok "faults: a datagram larger than the buffer grows it" "status $RC, $(wc -l <<<"$OUT") lines, want $want: $ERR"
