# SPDX-License-Identifier: GPL-2.0-or-later
# smc_dbg on the one host, sourced last by one-host.sh (smc and smc_diag
# are unloaded by then): first the bundle without the modules, each
# missing part one line in it; then with them, as root, as -t and -j, and
# as an unprivileged user.
. /lab/chk-lib.sh

expect_status "smc_dbg without smc: the bundle, each missing part a line" 0 \
	'^Kernel: Linux |||^SMC modules loaded:$|||^smcss: SMC socket diagnostics not available|||^smcr: SMC module not loaded|||^smc_pnet: SMC module not loaded' \
	smc_dbg
grep -q '^smc ' "$T/out" && nok "smc_dbg without smc: no smc module listed" "$(grep '^smc ' "$T/out")" ||
	ok "smc_dbg without smc: no smc module listed"

# bundle_dir TGZ: unpack TGZ into /tmp/bundle; prints the directory.
bundle_dir() {
	rm -rf /tmp/bundle && mkdir /tmp/bundle && tar xzf "$1" -C /tmp/bundle && echo "/tmp/bundle/$(basename "$1" .tgz)"
}

check "modprobe smc smc_diag again" modprobe -a smc smc_diag
expect_status "smc_dbg: versions, kernel facts, sockets, info, stats" 0 \
	'^smc_dbg \(smc\) |||^smc [0-9]+ |||^net\.smc\.[a-z_]+ = |||^State +UID +Inode |||^SMC-D Features: |||^SMC-R Connections Summary$' \
	smc_dbg
run smc_dbg -t
tgz=$(sed -n 's/^Debug output written to //p' "$T/out")
dir=$(bundle_dir "$tgz")
if [ "$RC" -eq 0 ] && [ -n "$dir" ] && [ -d "$dir" ]; then ok "smc_dbg -t: tar xzf opens $tgz"; else nok "smc_dbg -t: tar xzf opens it" "rc=$RC $OUT $ERR"; fi
{ smcd info; smcr info; } >/tmp/info.want 2>&1
cmp -s /tmp/info.want "$dir/info.txt" && ok "smc_dbg -t: info.txt is smcd info and smcr info" ||
	nok "smc_dbg -t: info.txt is smcd info and smcr info" "$(diff /tmp/info.want "$dir/info.txt" | tr '\n' '|')"
smc_pnet --show >/tmp/pnet.want 2>&1
cmp -s /tmp/pnet.want "$dir/pnet_table.txt" && ok "smc_dbg -t: pnet_table.txt is smc_pnet --show" ||
	nok "smc_dbg -t: pnet_table.txt is smc_pnet --show" "$(diff /tmp/pnet.want "$dir/pnet_table.txt" | tr '\n' '|')"
grep -q '^net\.smc\.' "$dir/kernel.txt" && ok "smc_dbg -t: kernel.txt has the sysctls" ||
	nok "smc_dbg -t: kernel.txt has the sysctls" "$(cat "$dir/kernel.txt")"
rm -f "$tgz"
json_keep "smc_dbg -j" smc_dbg -j
expect_status "unprivileged smc_dbg: a bundle all the same" 0 '^smcss \(smc\) |||^Kernel: Linux ' nobody smc_dbg
