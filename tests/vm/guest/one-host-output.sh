# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by one-host.sh: every show that prints what this kernel reports,
# against a stdout that cannot be written (see unwritten.sh).
. /lab/unwritten.sh
smcr ueid add SMC-LAB-OUT >/dev/null 2>&1
check "veth for the PNET table" ip link add vout0 type veth peer name vout1
smc_pnet -a NETOUT -I vout0 >/dev/null 2>&1
unwritten "smcr info" "smcd -d info" "smcr stats" "smcd -d stats" "smcr stats json" "smcr stats prometheus" \
	"smcr -j linkgroup show" "smcr -j -d linkgroup show" "smcr -j device show" \
	"smcd ueid show" "smcr -j ueid show" "smcd seid show" "smcr handshake-limit show" \
	"smc_pnet -s" "smc_pnet -j" "smcss -aj"
smc_pnet -f >/dev/null 2>&1
ip link del vout0
smcr ueid flush >/dev/null 2>&1
