# SPDX-License-Identifier: GPL-2.0-or-later
# Scenario "preload fallback": Debian's kernel booted with module_blacklist=smc,
# so no AF_SMC at all; programs under smc run must still talk TCP, which is
# the preload library's promise.
. /lab/lib.sh
. /lab/transfer.sh
MIB=4

no_smc_module() { ! grep -q '^smc ' /proc/modules; }

# Let the kernel try to load smc for socket(AF_SMC), as on a full system:
# the blacklist, not a missing modprobe, is what stops it.
echo /bin/modprobe >/proc/sys/kernel/modprobe
check "smc module not loaded" no_smc_module
if modprobe smc 2>/dev/null; then nok "modprobe smc refused" "it loaded"; else ok "modprobe smc refused"; fi
expect_fail "smcr stats: module not loaded" 'SMC module not loaded.*modprobe smc' smcr stats

# says NAME PATTERN: the client's stderr ($ERR, smc run -d) matches PATTERN.
says() {
	if printf '%s\n' "$ERR" | grep -Eq -- "$2"; then ok "$1"; else nok "$1" "stderr: $ERR"; fi
}

for pair in "7000 xfer-glibc xfer-musl" "7001 xfer-musl xfer-glibc"; do
	transfer $pair $MIB -d
	says "$name: -d says the library fell back" \
		'^libsmc-preload: AF_SMC unavailable for AF_INET \(EAFNOSUPPORT\): its TCP sockets stay TCP in this process$'
	says "$name: -d says the socket is TCP" '^libsmc-preload: fd [0-9]+: AF_INET stream socket is TCP$'
done
check "smc module still not loaded" no_smc_module
. /lab/fallback-seccomp.sh
