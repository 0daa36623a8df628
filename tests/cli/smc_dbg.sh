#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# smc_dbg on this host (no SMC in its kernel): the bundle is made all the
# same, each missing part one error line in it; -t writes a .tgz that tar
# opens, -j one JSON document; bad input leaves no file behind. The bundle
# on an SMC kernel is checked in tests/vm (one_host).
. "$(dirname "$0")/lib.sh"

expect_ok "smc_dbg -h" '^Usage: smc_dbg \[ OPTIONS \]$' "$SMC" smc_dbg -h
expect_ok "smc_dbg -v" '^smc_dbg \(smc\) ' "$SMC" smc_dbg -v
expect_fail "unknown option" 'option "-x" is unknown, try "smc_dbg -h"' "$SMC" smc_dbg -x
expect_fail "unknown long option" 'option "--bogus" is unknown' "$SMC" smc_dbg --bogus
expect_fail "an argument" 'extra argument "extra"' "$SMC" smc_dbg extra
expect_fail "-t with -j" 'cannot combine options -j/--json and -t/--tgz' "$SMC" smc_dbg -t -j

# tgz_list: the bundles in /tmp, one per line.
tgz_list() { ls /tmp/smc_dbg-*.tgz 2>/dev/null | sort; }
before=$(tgz_list)
"$SMC" smc_dbg -x -t >/dev/null 2>&1
[[ $(tgz_list) == "$before" ]] && ok "a bad option writes no .tgz" || nok "a bad option writes no .tgz" "$(tgz_list)"

expect_ok "smc_dbg: the versions first" '^smcss \(smc\) ' "$SMC" smc_dbg
text=$OUT
grep -q '^smc_dbg (smc) ' <<<"$text" && grep -q '^Kernel: Linux ' <<<"$text" && ok "smc_dbg: versions and the kernel" ||
	nok "smc_dbg: versions and the kernel" "$text"
if [[ ! -d /sys/module/smc ]]; then
	n=$(grep -c 'modprobe smc' <<<"$text")
	((n >= 10)) && ok "smc_dbg without SMC: one line per missing part ($n)" ||
		nok "smc_dbg without SMC: one line per missing part" "$n lines name modprobe"
	grep -q '^smcss: SMC socket diagnostics not available' <<<"$text" && ok "smc_dbg: smcss's missing smc_diag is in the bundle" ||
		nok "smc_dbg: smcss's missing smc_diag is in the bundle" "$text"
fi

run "$SMC" smc_dbg -j
if [[ $RC -ne 0 || -n $ERR ]]; then nok "smc_dbg -j" "rc=$RC $ERR"
elif python3 -c 'import json, sys
d = json.load(sys.stdin)
files = [p["file"] for p in d["parts"]]
assert "version.txt" in files and "kernel.txt" in files and "smcss_all.txt" in files, files
assert all({"file", "command", "status", "output"} <= set(p) for p in d["parts"])
assert any(p["command"] == "smcss --all --debug" for p in d["parts"])' <<<"$OUT"; then ok "smc_dbg -j: one JSON document of every part"
else nok "smc_dbg -j: one JSON document of every part" "$OUT"; fi

run "$SMC" smc_dbg -t
tgz=$(sed -n 's/^Debug output written to //p' <<<"$OUT")
if [[ $RC -ne 0 || -n $ERR || ! -f $tgz ]]; then nok "smc_dbg -t" "rc=$RC out=$OUT err=$ERR"
else
	ok "smc_dbg -t writes $tgz"
	[[ $(stat -c %a "$tgz") == 600 ]] && ok "the .tgz is its owner's only" || nok "the .tgz is its owner's only" "$(stat -c %a "$tgz")"
	mkdir "$TMP/x"
	if tar xzf "$tgz" -C "$TMP/x"; then
		dir=$TMP/x/$(basename "$tgz" .tgz)
		ok "tar xzf opens it"
		for f in version.txt kernel.txt smcss_all.txt smcss_smcr smcss_smcd pnet_table.txt smcr_links.txt \
			smcd_lgs.txt info.txt stats.txt devices.txt eid.txt handshake_limit.txt; do
			[[ -s $dir/$f ]] && ok "the bundle has $f" || nok "the bundle has $f" "missing or empty"
		done
		grep -q '^smc_chk (smc) ' "$dir/version.txt" && grep -q '^smc_rnics (smc) ' "$dir/version.txt" &&
			ok "version.txt names every applet" || nok "version.txt names every applet" "$(cat "$dir/version.txt")"
		grep -q '^ *FID  Power  PCI_ID ' "$dir/devices.txt" && ok "devices.txt has smc_rnics -a" ||
			nok "devices.txt has smc_rnics -a" "$(cat "$dir/devices.txt")"
	else
		nok "tar xzf opens it" "tar failed"
	fi
	rm -f "$tgz"
fi

if [[ -w /dev/full ]]; then
	"$SMC" smc_dbg >/dev/full 2>"$TMP/err"
	rc=$?
	[[ $rc -eq 1 ]] && grep -q 'cannot write' "$TMP/err" && ok "smc_dbg to a full stdout fails" ||
		nok "smc_dbg to a full stdout fails" "rc=$rc $(cat "$TMP/err")"
fi
