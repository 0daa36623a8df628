#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Dispatch of the multicall binary: by argv[0], by first argument, links.
. "$(dirname "$0")/lib.sh"

expect_ok "smc --help lists every applet" '^  smc_pnet ' "$SMC" --help
expect_ok "smc -h lists every applet" '^  smcd ' "$SMC" -h
run "$SMC" --list
[[ $RC -eq 0 && $OUT == $'smcd\nsmcr\nsmc_run\nsmcss\nsmc_pnet\nsmc_rnics\nsmc_chk\nsmc_dbg' ]] && ok "smc --list prints the applet names" ||
	nok "smc --list prints the applet names" "rc=$RC out=$OUT"
expect_ok "smc --version" '^smc \(smc\) [0-9]+\.[0-9]+' "$SMC" --version
expect_ok "smc -v" '^smc \(smc\) [0-9]' "$SMC" -v
expect_fail "smc without arguments" 'missing applet, try "smc --help"' "$SMC"
expect_fail "smc unknown applet" 'applet "bogus" is unknown, try "smc --help"' "$SMC" bogus
expect_fail "smc unknown option" 'option "--bogus" is unknown' "$SMC" --bogus
expect_fail "smc empty applet name" 'applet "" is unknown' "$SMC" ""
expect_ok "smc smcr -h reaches smcr" '^Usage: smcr ' "$SMC" smcr -h
expect_ok "smc smcd --help reaches smcd" '^Usage: smcd ' "$SMC" smcd --help
expect_ok "smc help is smc --help" '^  smc_pnet ' "$SMC" help
for app in smcd smcr smcss smc_pnet smc_rnics smc_run run ss pnet; do
	expect_ok "smc $app help is $app --help" '^Usage: (smc_run|smcss|smc_pnet|smc_rnics|smcd|smcr) ' "$SMC" $app help
done
expect_ok "smc smcr -v reaches smcr's version" '^smcr \(smc\) ' "$SMC" smcr -v
expect_ok "smc run -v reaches smc_run" '^smc_run \(smc\) ' "$SMC" run -v
expect_ok "smc smc_run -v reaches smc_run" '^smc_run \(smc\) ' "$SMC" smc_run -v

dir=$TMP/links
mkdir -p "$dir"
for name in smcd smcr smc_run smcss smc_pnet smc_chk smc_dbg; do
	ln -s "$(realpath "$SMC")" "$dir/$name"
	expect_ok "symlink $name runs $name" "^$name \\(smc\\) " "$dir/$name" --version
done
mkdir -p "$dir/hl" && ln "$(realpath "$SMC")" "$dir/hl/smcr" 2>/dev/null &&
	expect_ok "hard link smcr runs smcr" '^Usage: smcr ' "$dir/hl/smcr" -h
ln -s "$(realpath "$SMC")" "$dir/run"
expect_ok "a link named run (an alias, not an applet) acts as smc" '^smc \(smc\) ' "$dir/run" -v

inst=$TMP/inst
mkdir -p "$inst"
expect_ok "smc --install -s DIR" '^$' "$SMC" --install -s "$inst"
for name in smcd smcr smc_run smcss smc_pnet smc_chk smc_dbg; do
	[[ -L $inst/$name ]] && ok "--install -s made $name" || nok "--install -s made $name" "missing"
done
expect_ok "smc --install -s again replaces its own links" '^$' "$SMC" --install -s "$inst"
rm "$inst/smcr" && echo keep >"$inst/smcr"
expect_fail "smc --install refuses to overwrite a foreign file" 'smcr exists and is not a link.*-f' "$SMC" --install -s "$inst"
[[ $(cat "$inst/smcr") == keep ]] && ok "the foreign file is untouched" || nok "the foreign file is untouched" "changed"
expect_ok "smc --install -f replaces a foreign file" '^$' "$SMC" --install -s -f "$inst"
[[ -L $inst/smcr ]] && ok "-f replaced the file with a link" || nok "-f replaced the file with a link" "not a link"
hard=$TMP/hard
mkdir -p "$hard"
expect_ok "smc --install DIR makes hard links" '^$' "$SMC" --install "$hard"
[[ $(stat -c %i "$hard/smcd") == $(stat -c %i "$(realpath "$SMC")") ]] && ok "hard link shares the binary's inode" ||
	nok "hard link shares the binary's inode" "different inode"
expect_fail "smc --install without DIR" 'missing DIR' "$SMC" --install
expect_fail "smc --install with two DIRs" 'extra argument "b"' "$SMC" --install a b
expect_fail "smc --install bad option" 'option "-x" is unknown' "$SMC" --install -x "$inst"
expect_fail "smc --install into a missing directory" 'nonexistent: No such file or directory$' "$SMC" --install -s "$TMP/nonexistent"
