#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# smc_run / smc run: options, errors, the environment it hands on, which
# library copy it preloads, sysctls, exec. No AF_SMC on this host: the
# sockets are the library's TCP fallback.
. "$(dirname "$0")/lib.sh"
. tests/progs/progs.sh

glibc=$PROGS/sockcheck-glibc
musl=$PROGS/sockcheck-musl
marker=$PROGS/libmarker.so

# --- options and errors ------------------------------------------------
expect_ok "smc_run -h" '^Usage: smc_run \[-dhv\] \[-r SIZE\] \[-t SIZE\] \[-m MODE\] \[--\] PROGRAM' "$SMC" run -h
expect_ok "smc_run --help" '^Usage: smc_run ' "$SMC" run --help
expect_ok "smc_run -v" '^smc_run \(smc\) [0-9]' "$SMC" run -v
expect_fail "smc_run invalid option" '^smc_run: option "-x" is unknown, try "smc_run -h"$' "$SMC" run -x true
expect_fail "smc_run invalid option in a cluster" '^smc_run: option "-q" is unknown' "$SMC" run -dq true
expect_fail "smc_run invalid long option" '^smc_run: option "--bogus" is unknown' "$SMC" run --bogus true
expect_fail "smc_run -r without SIZE" '^smc_run: missing SIZE after "-r", try "smc_run -h"$' "$SMC" run -r
expect_fail "smc_run -t without SIZE" '^smc_run: missing SIZE after "-t"' "$SMC" run -t
for size in 0 -1 4096m 2048m 99999999999 1g 1kk k "" " 1" 0x10; do
	expect_fail "smc_run -r \"$size\" is an invalid SIZE" "^smc_run: invalid SIZE \"$size\" for -r " "$SMC" run -r "$size" true
done
expect_fail "smc_run -t 4096m is an invalid SIZE" '^smc_run: invalid SIZE "4096m" for -t ' "$SMC" run -t 4096m true
expect_fail "smc_run without PROGRAM" '^smc_run: missing PROGRAM, try "smc_run -h"$' "$SMC" run
expect_fail "smc_run -d -r 1m without PROGRAM" '^smc_run: missing PROGRAM' "$SMC" run -d -r 1m
expect_fail "smc_run -- without PROGRAM" '^smc_run: missing PROGRAM' "$SMC" run --
# As env, exec and shells: 127 for a PROGRAM not found, 126 for one found
# but not executable.
WANT_RC=127 expect_fail "smc_run PROGRAM not in PATH: 127" '^smc_run: cannot find "no-such-program-smc" in PATH$' \
	"$SMC" run no-such-program-smc
WANT_RC=127 expect_fail "smc_run empty PROGRAM: 127" '^smc_run: cannot find "" in PATH$' "$SMC" run ""
WANT_RC=127 expect_fail "smc_run -- -x looks for a program -x: 127" '^smc_run: cannot find "-x" in PATH$' "$SMC" run -- -x
WANT_RC=127 expect_fail "smc_run missing PROGRAM path: 127" \
	'^smc_run: cannot execute \./no/such: No such file or directory$' "$SMC" run ./no/such
WANT_RC=126 expect_fail "smc_run a directory: 126" "^smc_run: cannot execute $TMP: Is a directory\$" "$SMC" run "$TMP"
printf 'echo hi\n' >"$TMP/noexec" && chmod 644 "$TMP/noexec"
WANT_RC=126 expect_fail "smc_run a file that is not executable: 126" \
	"^smc_run: cannot execute $TMP/noexec: Permission denied\$" "$SMC" run "$TMP/noexec"
mkdir -p "$TMP/bin"
printf 'echo hi\n' >"$TMP/bin/smcnoexec" && chmod 644 "$TMP/bin/smcnoexec"
WANT_RC=126 expect_fail "smc_run PATH hit that is not executable: 126" \
	'^smc_run: cannot execute smcnoexec: Permission denied$' env PATH="$TMP/bin" "$SMC" run smcnoexec
printf '#!/no/such/interpreter\n' >"$TMP/bin/smcbadinterp" && chmod 755 "$TMP/bin/smcbadinterp"
WANT_RC=127 expect_fail "smc_run a script whose interpreter is missing: 127" \
	"^smc_run: cannot execute $TMP/bin/smcbadinterp: No such file or directory\$" "$SMC" run "$TMP/bin/smcbadinterp"
run env /no/such
env_rc=$RC
run "$SMC" run /no/such
[[ $RC -eq $env_rc ]] && ok "smc_run's status for a missing program is env's ($env_rc)" ||
	nok "smc_run's status for a missing program is env's ($env_rc)" "status $RC"

# --- exec ----------------------------------------------------------------
printf '#!/bin/sh\necho "in path: $*"\n' >"$TMP/bin/smcinpath" && chmod 755 "$TMP/bin/smcinpath"
expect_ok "smc_run finds PROGRAM in PATH" '^in path: a b$' env PATH="$TMP/bin:$PATH" "$SMC" run smcinpath a b
printf 'echo "no shebang: $1"\n' >"$TMP/bin/smcnoshebang" && chmod 755 "$TMP/bin/smcnoshebang"
expect_ok "smc_run runs a script without #! through sh" '^no shebang: x$' "$SMC" run "$TMP/bin/smcnoshebang" x
expect_ok "options after PROGRAM are PROGRAM's" '^-d -r$' "$SMC" run sh -c 'echo "$*"' sh -d -r
run sh -c "echo \$\$; exec \"$SMC\" run sh -c 'echo \$\$'"
[[ $RC -eq 0 && $(sed -n 1p <<<"$OUT") == $(sed -n 2p <<<"$OUT") && -n $OUT ]] &&
	ok "smc_run keeps the PID (exec)" || nok "smc_run keeps the PID (exec)" "rc=$RC out=$OUT"
run "$SMC" run sh -c 'exit 7'
[[ $RC -eq 7 ]] && ok "smc_run exits with PROGRAM's status" || nok "smc_run exits with PROGRAM's status" "status $RC"
OUT=$(echo through | "$SMC" run cat 2>&1)
[[ $OUT == through ]] && ok "smc_run keeps stdin and stdout" || nok "smc_run keeps stdin and stdout" "$OUT"

# --- the environment -------------------------------------------------------
envline() { grep "^$1=" <<<"$OUT"; }
run env -u SMC_DEBUG -u SMC_RCVBUF -u SMC_SNDBUF -u LD_PRELOAD -u SMC_PRELOAD_LIB "$SMC" run -r 1m -t 512k env
[[ $RC -eq 0 && $(envline SMC_RCVBUF) == SMC_RCVBUF=1m && $(envline SMC_SNDBUF) == SMC_SNDBUF=512k ]] &&
	ok "-r/-t set SMC_RCVBUF/SMC_SNDBUF" || nok "-r/-t set SMC_RCVBUF/SMC_SNDBUF" "rc=$RC $(envline 'SMC_[RS]')"
[[ -z $(envline SMC_DEBUG) && -z $ERR ]] && ok "without -d: no SMC_DEBUG, nothing on stderr" ||
	nok "without -d: no SMC_DEBUG, nothing on stderr" "$(envline SMC_DEBUG) $ERR"
copy_re='/[^:]*/libsmc-preload-[0-9.]+-[0-9a-f]{16}\.so'
[[ $(envline LD_PRELOAD) =~ ^LD_PRELOAD=$copy_re$ ]] && ok "LD_PRELOAD is the embedded copy, in a private directory" ||
	nok "LD_PRELOAD is the embedded copy, in a private directory" "$(envline LD_PRELOAD) (an installed copy is found first?)"
run env -u SMC_RCVBUF "$SMC" run -d env
[[ $(envline SMC_DEBUG) == SMC_DEBUG=1 && -z $(envline SMC_RCVBUF) ]] && ok "-d sets SMC_DEBUG=1, no -r no SMC_RCVBUF" ||
	nok "-d sets SMC_DEBUG=1, no -r no SMC_RCVBUF" "$(envline SMC_)"
[[ $ERR =~ smc_run:\ preloading\ $copy_re\ \(the\ copy\ embedded\ in\ smc,\ in\ a\ private\ directory\) ]] &&
	ok "-d says the embedded copy is used, in a private directory" ||
	nok "-d says the embedded copy is used, in a private directory" "$ERR"

# A user's LD_PRELOAD stays, first. The sanitizer runtime of an ASan smc
# would refuse to come after it, hence verify_asan_link_order=0 here only.
asan="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
if need "$marker"; then
	run env ASAN_OPTIONS="$asan" LD_PRELOAD="$marker" "$SMC" run env
	[[ $(envline LD_PRELOAD) =~ ^LD_PRELOAD=$marker:$copy_re$ ]] && ok "a user's LD_PRELOAD is kept, first" ||
		nok "a user's LD_PRELOAD is kept, first" "$(envline LD_PRELOAD)"
	need "$glibc" && sockcheck "glibc: both the user's library and ours are loaded" env ASAN_OPTIONS="$asan" \
		LD_PRELOAD="$marker" "$SMC" run -r 1m -t 512k "$glibc" "glibc user preload" 1048576 524288 tcp \
		libmarker.so libsmc-preload-
fi

# --- the programs, glibc and musl ------------------------------------------
# Like any smc run -r 1m, these raise the host's net.core.rmem_max/wmem_max
# to 1m/512k where they are lower (a raise, never a cut); a network
# namespace would not help: those sysctls are read-only outside the initial
# one.
for prog in "$glibc" "$musl"; do
	need "$prog" || continue
	libc=${prog##*-}
	sockcheck "$libc: smc run -r 1m -t 512k" "$SMC" run -r 1m -t 512k "$prog" "$libc smc run" 1048576 524288 \
		tcp libsmc-preload-
	sockcheck "$libc: smc_run -t 64k (no -r)" "$SMC" run -t 64k "$prog" "$libc smc_run -t" 0 65536 tcp
done

# --- which copy of the library ----------------------------------------------
cp "$LIB" "$TMP/copy.so"
if need "$glibc"; then
	run env SMC_PRELOAD_LIB="$TMP/copy.so" "$SMC" run -d -t 64k "$glibc" "SMC_PRELOAD_LIB" 0 65536 tcp "$TMP/copy.so"
	printf '%s\n' "$OUT" | grep '^not ok - '
	[[ $RC -eq 0 && $ERR == *"smc_run: preloading $TMP/copy.so (\$SMC_PRELOAD_LIB)"* ]] &&
		ok "\$SMC_PRELOAD_LIB is the copy preloaded" || nok "\$SMC_PRELOAD_LIB is the copy preloaded" "rc=$RC $ERR"
fi
expect_fail "\$SMC_PRELOAD_LIB missing" "^smc_run: SMC_PRELOAD_LIB: cannot read $TMP/none.so: No such file or directory\$" \
	env SMC_PRELOAD_LIB="$TMP/none.so" "$SMC" run true
cp "$LIB" "$TMP/a:b.so"
expect_fail "\$SMC_PRELOAD_LIB with a ':' in its path" "^smc_run: SMC_PRELOAD_LIB: cannot preload $TMP/a:b.so" \
	env SMC_PRELOAD_LIB="$TMP/a:b.so" "$SMC" run true

# Without /proc: the embedded copy in the private directory all the same.
if [[ $EUID -eq 0 ]] && unshare -m true 2>/dev/null && need "$glibc"; then
	run unshare -m sh -c 'umount -l /proc &&
		exec env -u XDG_RUNTIME_DIR TMPDIR="$1" "$2" run -d "$3" "no /proc" 0 0 tcp' sh "$TMP" \
		"$SMC" "$glibc"
	printf '%s\n' "$OUT" | grep '^not ok - '
	[[ $RC -eq 0 && $ERR =~ preloading\ $TMP/smc-$EUID/libsmc-preload-[0-9.]+-[0-9a-f]{16}\.so\ \(the\ copy\ embedded ]] &&
		ok "without /proc the embedded copy is preloaded from the private directory" ||
		nok "without /proc the embedded copy is preloaded from the private directory" "rc=$RC $ERR"
else
	nok "without /proc the embedded copy is preloaded from the private directory" "needs root and unshare -m"
fi

# --- -d and statically linked programs -------------------------------------------
static=${O:-build}/smc
run "$SMC" run -d -m preload "$static" -v
[[ $RC -eq 0 && $ERR == *"smc_run: $static is statically linked: the preload library cannot take effect"* ]] &&
	ok "-d -m preload warns about a statically linked PROGRAM" ||
	nok "-d -m preload warns about a statically linked PROGRAM" "rc=$RC $ERR"
run "$SMC" run -d sh -c true
[[ $RC -eq 0 && $ERR != *"statically linked"* ]] && ok "-d does not warn about a dynamic PROGRAM" ||
	nok "-d does not warn about a dynamic PROGRAM" "$ERR"
run "$SMC" run "$static" -v
[[ $RC -eq 0 && -z $ERR ]] && ok "without -d no warning about a static PROGRAM" || nok "without -d no warning about a static PROGRAM" "$ERR"

# --- net.core.[rw]mem_max ----------------------------------------------------
# They belong to the initial network namespace (read-only in others), so
# smc_run's reading and writing is tested on files bind-mounted over them in
# a private mount namespace: the host's values are never touched.
if [[ $EUID -eq 0 ]] && unshare -m true 2>/dev/null; then
	# sysctls RMEM WMEM [ro] CMD...: CMD with those values in place; prints
	# the values after it.
	sysctls() {
		echo "$1" >"$TMP/rmem_max" && echo "$2" >"$TMP/wmem_max" && chmod 644 "$TMP/rmem_max" "$TMP/wmem_max"
		shift 2
		unshare -m sh -c 'dir=/proc/sys/net/core
			mount --bind "$1/rmem_max" $dir/rmem_max && mount --bind "$1/wmem_max" $dir/wmem_max || exit 99
			if [ "$2" = ro ]; then mount -o remount,ro,bind $dir/rmem_max || exit 99; fi
			shift 2
			"$@"
			echo "rmem_max $(cat $dir/rmem_max) wmem_max $(cat $dir/wmem_max)"' sh "$TMP" "$@"
	}
	run sysctls 100000 100000 rw "$SMC" run -r 1m -t 512k true
	[[ $RC -eq 0 && $OUT == "rmem_max 1048576 wmem_max 524288" && -z $ERR ]] &&
		ok "-r/-t raise net.core.rmem_max/wmem_max" || nok "-r/-t raise net.core.rmem_max/wmem_max" "rc=$RC $OUT $ERR"
	run sysctls 100000 100000 rw "$SMC" run -d -r 64k true
	[[ $OUT == "rmem_max 100000 wmem_max 100000" && $ERR != *raised* && $ERR != *wmem* ]] &&
		ok "a SIZE below the maximum, or no -t, leaves it alone" ||
		nok "a SIZE below the maximum, or no -t, leaves it alone" "$OUT $ERR"
	run sysctls 100000 100000 rw "$SMC" run -d -t 1m true
	[[ $OUT == "rmem_max 100000 wmem_max 1048576" && $ERR == *"smc_run: raised net.core.wmem_max from 100000 to 1048576"* ]] &&
		ok "-d says what it raised" || nok "-d says what it raised" "$OUT $ERR"
	run sysctls 100000 100000 ro "$SMC" run -r 1m sh -c 'echo ran'
	[[ $RC -eq 0 && $OUT == $'ran\nrmem_max 100000 wmem_max 100000' &&
		$ERR == "smc_run: cannot raise net.core.rmem_max from 100000 to 1048576 (Read-only file system): buffers stay at most 100000 bytes" ]] &&
		ok "read-only sysctl (a container): one line on stderr, PROGRAM still runs" ||
		nok "read-only sysctl (a container): one line on stderr, PROGRAM still runs" "rc=$RC out=$OUT err=$ERR"
	cp "$SMC" "$TMP/smc-nobody" && chmod 755 "$TMP" "$TMP/smc-nobody"
	run sysctls 100000 100000 rw setpriv --reuid=65534 --regid=65534 --clear-groups "$TMP/smc-nobody" run -t 1m sh -c 'echo ran'
	[[ $RC -eq 0 && $OUT == $'ran\nrmem_max 100000 wmem_max 100000' &&
		$ERR == "smc_run: cannot raise net.core.wmem_max from 100000 to 1048576 (Permission denied): buffers stay at most 100000 bytes" ]] &&
		ok "not root: one line on stderr, PROGRAM still runs" ||
		nok "not root: one line on stderr, PROGRAM still runs" "rc=$RC out=$OUT err=$ERR"
else
	nok "-r/-t raise net.core.rmem_max/wmem_max" "needs root and unshare -m"
fi
