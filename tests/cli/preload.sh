#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# libsmc-preload.so: what it links against, and glibc and musl programs
# using it. The host kernel has no AF_SMC, so every TCP socket here goes
# through the library's fallback to TCP: these tests never reach SMC.
. "$(dirname "$0")/lib.sh"
. tests/progs/progs.sh

# --- the library file --------------------------------------------------
needed=$(readelf -d "$LIB" | grep NEEDED)
[[ -z $needed ]] && ok "library: no NEEDED entry" || nok "library: no NEEDED entry" "$needed"
readelf -d "$LIB" | grep -q TEXTREL && nok "library: no text relocations" "TEXTREL found" ||
	ok "library: no text relocations"
undefined=$(readelf -W --dyn-syms "$LIB" | awk '$7 == "UND" && $8 != "" { sub(/@.*/, "", $8); print $8 }' | sort)
extra=$(grep -vxF -e __errno_location -e environ <<<"$undefined")
[[ -z $extra ]] && ok "library: undefined symbols only __errno_location, environ" ||
	nok "library: undefined symbols only __errno_location, environ" "also: $(echo $extra)"
exported=$(readelf -W --dyn-syms "$LIB" | awk '$1 ~ /^[0-9]+:$/ && $7 != "UND" && $5 != "LOCAL" { print $4, $8 }')
[[ $exported == "FUNC socket" ]] && ok "library: exports socket and nothing else" ||
	nok "library: exports socket and nothing else" "$(echo $exported)"
readelf -W --dyn-syms "$LIB" | grep -q ' UND .*GLIBC' && nok "library: no versioned (glibc-only) references" "found" ||
	ok "library: no versioned (glibc-only) references"

# --- programs under the library ---------------------------------------
glibc=$PROGS/sockcheck-glibc
musl=$PROGS/sockcheck-musl
for prog in "$glibc" "$musl"; do
	need "$prog" || continue
	libc=${prog##*-}
	# 64k/32k stay below any default net.core.[rw]mem_max: no sysctl needed.
	sockcheck "$libc: LD_PRELOAD by hand with SMC_RCVBUF/SMC_SNDBUF" \
		env LD_PRELOAD="$LIB" SMC_RCVBUF=64k SMC_SNDBUF=32k "$prog" "$libc by hand" 65536 32768 tcp libsmc-preload.so
	sockcheck "$libc: LD_PRELOAD by hand without sizes" \
		env LD_PRELOAD="$LIB" "$prog" "$libc no sizes" 0 0 tcp libsmc-preload.so

	run "$prog" "$libc without the library" 65536 32768 tcp
	[[ $RC -eq 1 && $OUT == *"not ok - $libc without the library: AF_INET client has the requested buffer sizes"* ]] &&
		ok "$libc: without the library the size checks fail (the checks can fail)" ||
		nok "$libc: without the library the size checks fail (the checks can fail)" "status $RC"

	run env LD_PRELOAD="$LIB" SMC_DEBUG=1 SMC_RCVBUF=64k SMC_SNDBUF=32k "$prog" "$libc debug" 65536 32768 tcp
	[[ $RC -eq 0 ]] && ok "$libc: SMC_DEBUG run passes" || nok "$libc: SMC_DEBUG run passes" "status $RC"
	count=$(grep -c 'AF_SMC unavailable' <<<"$ERR")
	[[ $count -eq 2 && $ERR == *"libsmc-preload: AF_SMC unavailable for AF_INET (EAFNOSUPPORT): its TCP sockets stay TCP in this process"* &&
		$ERR == *"libsmc-preload: AF_SMC unavailable for AF_INET6 (EAFNOSUPPORT): its TCP sockets stay TCP in this process"* ]] &&
		ok "$libc: SMC_DEBUG says once for each family that AF_SMC is unavailable" ||
		nok "$libc: SMC_DEBUG says once for each family that AF_SMC is unavailable" "$count times: $(head -n 3 <<<"$ERR")"
	grep -q '^libsmc-preload: loaded, SO_SNDBUF 32768, SO_RCVBUF 65536$' <<<"$ERR" &&
		ok "$libc: SMC_DEBUG shows the sizes read from the environment" ||
		nok "$libc: SMC_DEBUG shows the sizes read from the environment" "$(head -n 1 <<<"$ERR")"
	grep -Eq '^libsmc-preload: fd [0-9]+: AF_INET6 stream socket is TCP, SO_SNDBUF 32768, SO_RCVBUF 65536$' <<<"$ERR" &&
		ok "$libc: SMC_DEBUG shows each TCP socket and its sizes" ||
		nok "$libc: SMC_DEBUG shows each TCP socket and its sizes" "$(sed -n 3p <<<"$ERR")"
	grep -v '^libsmc-preload: ' <<<"$ERR" | grep -q . && nok "$libc: SMC_DEBUG lines are all the library's" "$ERR" ||
		ok "$libc: SMC_DEBUG lines are all the library's"

	run env LD_PRELOAD="$LIB" SMC_DEBUG=1 SMC_SNDBUF=12q SMC_RCVBUF=4096m "$prog" "$libc bad sizes" 0 0 tcp
	[[ $RC -eq 0 ]] && ok "$libc: unparsable SMC_SNDBUF/SMC_RCVBUF do no harm" ||
		nok "$libc: unparsable SMC_SNDBUF/SMC_RCVBUF do no harm" "status $RC: $OUT"
	[[ $ERR == *'SMC_SNDBUF="12q" is not a SIZE'*'SMC_RCVBUF="4096m" is not a SIZE'* ]] &&
		grep -q 'loaded, SO_SNDBUF default, SO_RCVBUF default' <<<"$ERR" &&
		ok "$libc: unparsable sizes are ignored with a SMC_DEBUG message" ||
		nok "$libc: unparsable sizes are ignored with a SMC_DEBUG message" "$(head -n 3 <<<"$ERR")"
done

# --- a fork() while the AF_SMC probe runs (tests/progs/probecheck.c) -------
probe=$PROGS/probecheck-glibc
if need "$probe"; then
	name="preload: a child forked during the AF_SMC probe makes its socket at once"
	run "$SMC" run "$probe" fork
	[[ $RC -eq 0 && $OUT == "ok - a child forked during the probe makes its socket at once" && -z $ERR ]] &&
		ok "$name" || nok "$name" "status $RC: $OUT $ERR"
fi

# --- a root with musl and nothing else: no glibc on disk ------------------
if need "$musl"; then
	root=$TMP/muslroot
	mkdir -p "$root/lib" "$root/tmp"
	cp "$(realpath /lib/ld-musl-x86_64.so.1)" "$root/lib/ld-musl-x86_64.so.1"
	cp "$musl" "$LIB" "$root/"
	chroot=$(command -v chroot)
	if [[ $EUID -ne 0 ]]; then
		nok "musl-only root: LD_PRELOAD by hand" "needs root for chroot"
	else
		# chroot itself is a host program and gets LD_PRELOAD too: the
		# library sits at the same absolute path inside and outside.
		mkdir -p "$root/$root" && cp "$LIB" "$root/$root/"
		sockcheck "musl-only root (no glibc, no /proc): LD_PRELOAD by hand" env -i LD_PRELOAD="$root/libsmc-preload.so" \
			SMC_RCVBUF=64k SMC_SNDBUF=32k "$chroot" "$root" /sockcheck-musl "musl-only root" 65536 32768 tcp
		if file -L "$SMC" | grep -q 'statically linked'; then
			cp "$SMC" "$root/smc"
			run env -i "$chroot" "$root" /smc run -d -r 64k -t 32k /sockcheck-musl "musl-only root, smc run" 65536 32768 tcp
			printf '%s\n' "$OUT" | grep '^not ok - '
			[[ $RC -eq 0 && $ERR == *"smc_run: preloading /tmp/smc-$EUID/libsmc-preload-"*".so (the copy embedded in smc, in a private directory)"* ]] &&
				ok "musl-only root: smc run without /proc preloads the copy in /tmp/smc-UID" ||
				nok "musl-only root: smc run without /proc preloads the copy in /tmp/smc-UID" "status $RC: ${ERR:0:400}"
		fi
	fi
fi
