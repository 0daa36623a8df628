# SPDX-License-Identifier: GPL-2.0-or-later
# The demo: one transfer under smc run between the two hosts, then our
# smcr -d stats; everything goes to the result port for tests/vm/demo.
. /lab/lib.sh
smcr_host "$1"
case $1 in
server) cmd="xfer-glibc server 7000" ;;
client) cmd="xfer-musl client 198.18.0.1 7000 16" ;;
esac
{
	echo "\$ smc run $cmd"
	# shellcheck disable=SC2086
	smc run $cmd 2>&1 && ok "transfer" || nok "transfer" "smc run $cmd failed"
	echo "\$ smcr -d stats"
	smcr -d stats 2>&1
	echo "\$ smcr linkgroup"
	smcr linkgroup 2>&1
} >&3
