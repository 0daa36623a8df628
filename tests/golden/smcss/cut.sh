#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Cut the smcss blocks out of the smc-tools 1.8.5 reference captures into
# the golden files here: the output between "$ smcss OPTS" and "[rc=N]".
#   tests/golden/smcss/cut.sh /work/shared/reference/smc-tools-1.8.5
set -euo pipefail
ref=${1:?usage: cut.sh REFERENCE_DIR}
out=$(dirname "$0")
cut_block() {	# FILE OPTS NAME
	awk -v cmd="\$ smcss $2" '$0 == cmd { on = 1; next } on && /^\[rc=/ { exit } on' "$ref/$1" >"$out/$3"
}
cut_block host-a-server.txt -a host-a-a.txt
cut_block host-a-server.txt -R host-a-R.txt
cut_block host-a-server.txt -aW host-a-aW.txt
cut_block host-a-server.txt -l host-a-l.txt
cut_block host-a-server.txt -d host-a-d.txt
cut_block host-a-server.txt -h help.txt
cut_block host-b-client.txt -a host-b-a.txt
cut_block host-b-client.txt -R host-b-R.txt
cut_block host-b-client.txt -aR host-b-aR.txt
cut_block smcd-loopback.txt -D loopback-D.txt
