#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# smc run for statically linked programs: the seccomp supervisor. This host
# has no AF_SMC, so every socket is answered with "continue" and is the
# kernel's own TCP socket; the lab (two-hosts-seccomp.sh) sees AF_SMC ones.
. "$(dirname "$0")/lib.sh"
. tests/progs/progs.sh

static=$PROGS/sockcheck-static storm=$PROGS/sockstorm-static forker=$PROGS/forker-static
oldkernel=$PROGS/oldkernel-static busybox=/bin/busybox
need "$static" "$storm" "$forker" "$oldkernel" || exit 0
file -L "$busybox" | grep -q 'statically linked' || { nok "a static /bin/busybox" "install busybox-static"; exit 0; }

# Supervisors started by this test: their environment carries TAG, they
# lead a session of their own (not the child that probes the kernel on a
# listener of its own) and hold a listener.
TAG=SMC_SECCOMP_TEST=$TMP
supervisors() {
	local fd pid
	find /proc/[0-9]*/fd -lname 'anon_inode:seccomp notify' 2>/dev/null | while read -r fd; do
		pid=${fd#/proc/}
		pid=${pid%%/*}
		[[ $(cut -d' ' -f6 "/proc/$pid/stat" 2>/dev/null) == "$pid" ]] || continue
		{ tr '\0' '\n' <"/proc/$pid/environ"; } 2>/dev/null | grep -qxF "$TAG" && echo "$pid"
	done | sort -u
}
# one_supervisor: sets sup once there is one (5 s at most).
one_supervisor() {
	for _ in $(seq 50); do
		sup=$(supervisors)
		[[ -n $sup ]] && return 0
		sleep 0.1
	done
	return 1
}
# until_gone: true once no supervisor of this test is left (5 s at most).
until_gone() {
	for _ in $(seq 50); do
		[[ -z $(supervisors) ]] && return 0
		sleep 0.1
	done
	return 1
}

# --- the choice ---------------------------------------------------------------
expect_fail "-m without MODE" '^smc_run: missing MODE after "-m", try "smc_run -h"$' "$SMC" run -m
expect_fail "-m with an unknown MODE" '^smc_run: invalid MODE "ld" for -m \(auto, preload or seccomp\)$' \
	"$SMC" run -m ld true
run "$SMC" run -d "$static" "auto" 0 0 tcp
[[ $RC -eq 0 && $ERR == "smc_run: $static has no PT_INTERP (statically linked): a seccomp supervisor makes its sockets" ]] &&
	ok "-d: a program without PT_INTERP gets the supervisor" || nok "-d: a program without PT_INTERP gets the supervisor" "rc=$RC $ERR"
run "$SMC" run -d -m seccomp sh -c true
[[ $RC -eq 0 && $ERR == "smc_run: -m seccomp: a seccomp supervisor makes the sockets of /"*"/sh" ]] &&
	ok "-d -m seccomp: a dynamic program gets the supervisor when asked" ||
	nok "-d -m seccomp: a dynamic program gets the supervisor when asked" "rc=$RC $ERR"
run "$SMC" run -d sh -c true
[[ $RC -eq 0 && $ERR == *"preloading "* && $ERR != *seccomp* ]] && ok "-d: a dynamic program is preloaded" ||
	nok "-d: a dynamic program is preloaded" "$ERR"
printf '#!/bin/sh\ngrep -E "^(Seccomp|NoNewPrivs):" /proc/self/status\n' >"$TMP/script" && chmod 755 "$TMP/script"
expect_ok "a script follows its interpreter: preload, no filter" '^Seccomp:[[:space:]]+0$' "$SMC" run "$TMP/script"

# --- the filter is on, and answered ----------------------------------------------
status=$(grep -E '^(Seccomp|NoNewPrivs):' <<<"$("$SMC" run "$busybox" cat /proc/self/status)" | tr -s '\t ' ' ')
[[ $status == $'NoNewPrivs: 1\nSeccomp: 2' ]] && ok "the static program runs under a seccomp filter with no_new_privs" ||
	nok "the static program runs under a seccomp filter with no_new_privs" "$status"
sockcheck "static glibc program: TCP sockets through the supervisor (continue)" "$SMC" run "$static" "static" 0 0 tcp
sockcheck "-m seccomp with a dynamic program" "$SMC" run -m seccomp "$PROGS/sockcheck-glibc" "seccomp dynamic" 0 0 tcp
run "$SMC" run -r 64k -t 32k "$storm" 16 1000 0 0
printf '%s\n' "$OUT" | grep '^not ok - '
[[ $RC -eq 0 && $(grep -c '^ok - ' <<<"$OUT") -eq 5 && -z $ERR ]] &&
	ok "16 threads x 1000 sockets through the supervisor: no descriptor leaked in the program" ||
	nok "16 threads x 1000 sockets through the supervisor" "rc=$RC $OUT $ERR"

# The lab's static programs (glibc's socket(), musl's raw system call)
# over loopback: TCP here, the data checked at both ends.
if need "$PROGS/xfer-static" "$PROGS/xfer-raw"; then
	port=$((20000 + RANDOM % 20000))
	"$SMC" run "$PROGS/xfer-static" server $port >"$TMP/xfer" 2>&1 &
	server=$!
	run "$SMC" run "$PROGS/xfer-raw" client 127.0.0.1 $port 4
	wait $server
	rc=$?
	[[ $RC -eq 0 && $rc -eq 0 && $OUT == "xfer client: sent 4194304 bytes"*"received 4194304 bytes"* &&
		$(cat "$TMP/xfer") == *"xfer server: received 4194304 bytes"* ]] &&
		ok "xfer-static server and xfer-raw client over loopback (TCP here)" ||
		nok "xfer-static server and xfer-raw client over loopback (TCP here)" "rc $RC/$rc: $OUT $ERR $(cat "$TMP/xfer")"
fi

# The lab's static Go HTTP server and client, over loopback here.
if need "$PROGS/gohttp"; then
	port=$((20000 + RANDOM % 20000))
	mkdir -p "$TMP/www" && head -c 1000000 /dev/urandom >"$TMP/www/blob"
	"$SMC" run "$PROGS/gohttp" server 127.0.0.1:$port "$TMP/www" >"$TMP/gohttp" 2>&1 &
	server=$!
	for _ in $(seq 50); do
		run "$SMC" run "$PROGS/gohttp" client "http://127.0.0.1:$port/blob" "$TMP/blob"
		[[ $RC -eq 0 ]] && break
		sleep 0.2
	done
	kill $server
	wait $server 2>/dev/null
	[[ $RC -eq 0 && $OUT == "gohttp client: 1000000 bytes, md5 $(md5sum <"$TMP/www/blob" | cut -d' ' -f1)" ]] &&
		ok "static Go HTTP server and client under smc run over loopback (TCP here)" ||
		nok "static Go HTTP server and client under smc run over loopback (TCP here)" "rc $RC: $OUT $ERR $(cat "$TMP/gohttp")"
fi

# --- descriptors, terminal, status, signals ----------------------------------------
fds() { "$@" "$busybox" ls /proc/self/fd | tr '\n' ' '; }
[[ $(fds env "$SMC" run) == "$(fds env)" ]] && ok "no descriptor of smc run or its supervisor in the program" ||
	nok "no descriptor of smc run or its supervisor in the program" "$(fds env "$SMC" run) vs $(fds env)"
OUT=$(echo through | "$SMC" run "$busybox" cat 2>&1)
[[ $OUT == through ]] && ok "the program keeps stdin and stdout" || nok "the program keeps stdin and stdout" "$OUT"
OUT=$("$SMC" run "$busybox" sh -c 'echo oops >&2' 2>&1 >/dev/null)
[[ $OUT == oops ]] && ok "the program keeps stderr" || nok "the program keeps stderr" "$OUT"
read -r _ _ _ _ _ sid _ </proc/$$/stat
OUT=$("$SMC" run "$busybox" cut -d' ' -f6 /proc/self/stat)
[[ $OUT == "$sid" ]] && ok "the program stays in the caller's session (its terminal)" ||
	nok "the program stays in the caller's session (its terminal)" "session $OUT, want $sid"
if script -qc true /dev/null >/dev/null 2>&1; then
	OUT=$(script -qc "\"$SMC\" run \"$busybox\" tty" /dev/null | tr -d '\r')
	[[ $OUT == /dev/pts/* ]] && ok "the program keeps its controlling terminal" ||
		nok "the program keeps its controlling terminal" "$OUT"
fi
run "$SMC" run "$busybox" sh -c 'exit 7'
[[ $RC -eq 7 ]] && ok "exit status passes through" || nok "exit status passes through" "$RC"
{ run "$SMC" run "$busybox" sh -c 'kill -USR1 $$'; } 2>/dev/null	# not bash's report of the signal
[[ $RC -eq 138 ]] && ok "death by SIGUSR1 is 128+10" || nok "death by SIGUSR1 is 128+10" "$RC"
# Job control on: a background job of a script would start with INT and
# QUIT ignored, and sh cannot trap a signal ignored at its start.
set -m
for sig in INT TERM HUP QUIT USR1 USR2; do
	out=$TMP/sig.$sig
	env "$TAG" "$SMC" run "$busybox" sh -c "trap 'echo got $sig; exit 3' $sig; echo ready; while :; do sleep 0.05; done" \
		>"$out" &
	pid=$!
	for _ in $(seq 200); do grep -q ready "$out" && break; sleep 0.05; done
	kill -s "$sig" "$pid"
	wait "$pid"
	rc=$?
	[[ $rc -eq 3 && $(tail -n 1 "$out") == "got $sig" ]] && ok "SIG$sig sent to smc run reaches the program" ||
		nok "SIG$sig sent to smc run reaches the program" "status $rc, $(cat "$out")"
done
set +m
env "$TAG" "$SMC" run "$busybox" sleep 30 &
pid=$!
sleep 0.3
kill -TERM "$pid"
wait "$pid"
rc=$?
[[ $rc -eq 143 ]] && ok "SIGTERM kills an unprepared program: 128+15" || nok "SIGTERM kills an unprepared program: 128+15" "$rc"
until_gone && ok "the supervisor ends with the program" || nok "the supervisor ends with the program" "$(supervisors)"

# --- the supervisor --------------------------------------------------------------------
env "$TAG" "$SMC" run "$busybox" sleep 30 &
pid=$!
one_supervisor
if [[ $(wc -w <<<"$sup") -ne 1 ]]; then
	nok "one supervisor while the program runs" "found: $sup"
else
	ok "one supervisor while the program runs"
	held=$(for fd in /proc/$sup/fd/*; do echo "${fd##*/}=$(readlink "$fd")"; done | sort -t= -k1n | tr '\n' ' ')
	[[ $held =~ ^0=/dev/null\ 1=/dev/null\ 2=/dev/null\ [0-9]+=anon_inode:seccomp\ notify\ $ ]] &&
		ok "the supervisor holds /dev/null and the listener, nothing else" ||
		nok "the supervisor holds /dev/null and the listener, nothing else" "$held"
	read -r _ _ _ ppid _ _ <"/proc/$sup/stat"
	[[ $ppid != "$pid" && $(cut -d' ' -f6 "/proc/$sup/stat") == "$sup" ]] &&
		ok "the supervisor is not the program's child and has a session of its own" ||
		nok "the supervisor is not the program's child and has a session of its own" "parent $ppid, program $pid"
	status=$(grep -E '^Seccomp:' "/proc/$sup/status" | tr -s '\t ' ' ')
	[[ $status == "Seccomp: 0" ]] && ok "the supervisor is under no filter" || nok "the supervisor is under no filter" "$status"
fi
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
until_gone || nok "the supervisor ends with the program" "$(supervisors)"

# A daemon: the parent exits, smc run has returned, the child's socket()
# still reaches the supervisor, which then ends.
run env "$TAG" "$SMC" run "$forker" "$TMP/go"
one_supervisor
[[ $RC -eq 0 && -n $sup ]] && ok "daemon: smc run returned, the supervisor stays for the child" ||
	nok "daemon: smc run returned, the supervisor stays for the child" "rc=$RC supervisors: $sup"
touch "$TMP/go"
for _ in $(seq 50); do [[ -s $TMP/go.out ]] && break; sleep 0.1; done
[[ $(cat "$TMP/go.out" 2>/dev/null) == "domain 2" ]] && ok "daemon: the child's socket() after smc run returned works" ||
	nok "daemon: the child's socket() after smc run returned works" "$(cat "$TMP/go.out" 2>&1)"
until_gone && ok "daemon: the supervisor ends with the last process under the filter" ||
	nok "daemon: the supervisor ends with the last process under the filter" "$(supervisors)"

# Without its supervisor the filter fails socket() with ENOSYS: proof that
# the calls above really went through it.
rm -f "$TMP/go" "$TMP/go.out"
env "$TAG" "$SMC" run "$forker" "$TMP/go"
one_supervisor && kill -KILL $sup
touch "$TMP/go"
for _ in $(seq 50); do [[ -s $TMP/go.out ]] && break; sleep 0.1; done
[[ $(cat "$TMP/go.out" 2>/dev/null) == "error Function not implemented" ]] &&
	ok "the filter stops socket(): with the supervisor killed it fails (ENOSYS)" ||
	nok "the filter stops socket(): with the supervisor killed it fails (ENOSYS)" "$(cat "$TMP/go.out" 2>&1)"

# --- kernels without the features -------------------------------------------------------
for what in listener addfd; do
	case $what in
	listener) line="this kernel has no seccomp user notification (Invalid argument)" ;;
	addfd) line="this kernel cannot hand over a socket (SECCOMP_ADDFD_FLAG_SEND: Invalid argument)" ;;
	esac
	run env "$TAG" "$oldkernel" "$what" "$SMC" run "$static" "no $what" 0 0 tcp
	printf '%s\n' "$OUT" | grep '^not ok - '
	[[ $RC -eq 0 && $(tail -n 1 <<<"$OUT") == *"every check passed" &&
		$ERR == "smc_run: $line: $static runs unchanged, its sockets stay TCP" ]] &&
		ok "no $what: one line, the program runs unchanged" || nok "no $what: one line, the program runs unchanged" "rc=$RC $ERR"
done
until_gone && ok "no supervisor stays behind where the kernel cannot supervise" ||
	nok "no supervisor stays behind where the kernel cannot supervise" "$(supervisors)"
