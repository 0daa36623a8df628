# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by scenarios after lib.sh: one transfer between two unmodified
# programs under smc run on 127.0.0.1.

# transfer PORT SERVER CLIENT MIB [OPTION...]: SERVER and CLIENT (xfer-glibc,
# xfer-musl) under smc run, MIB MiB each way, both checking the data. The
# client runs as `smc run OPTION... CLIENT ...`; its stderr (which must be
# empty without options) is left in $ERR.
transfer() {
	port=$1 server=$2 client=$3 mib=$4 bytes=$(($4 << 20))
	shift 4
	name="smc run${*:+ $*} $client client to $server server on 127.0.0.1"
	smc run "$server" server "$port" >/tmp/srv.out 2>&1 &
	srv=$!
	run smc run "$@" "$client" client 127.0.0.1 "$port" "$mib"
	if [ "$RC" -ne 0 ] || ! printf '%s\n' "$OUT" | grep -q "^xfer client: sent $bytes bytes .*received $bytes bytes .*ok)"; then
		nok "$name: client checked $mib MiB" "exit status $RC: $OUT $ERR"
	elif [ $# -eq 0 ] && [ -n "$ERR" ]; then
		nok "$name: client checked $mib MiB" "stderr not empty: $ERR"
	else
		ok "$name: client checked $mib MiB"
	fi
	if wait $srv && grep -q "^xfer server: received $bytes bytes (checksum [0-9a-f]* ok)" /tmp/srv.out; then
		ok "$name: server checked $mib MiB"
	else
		nok "$name: server checked $mib MiB" "$(cat /tmp/srv.out)"
	fi
}
