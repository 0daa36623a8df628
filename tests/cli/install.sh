#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# make install into a temporary DESTDIR: the binary, its applet links, the
# preload library in its private directory, the man pages with their
# aliases and the configured paths, and the completion; the installed
# applets run through their links; make install compiles nothing and keeps
# the symbols, install-strip strips; make uninstall leaves nothing of ours
# behind.
. "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DEST=$TMP/dest
PREFIX=/usr/local
TREE=$DEST$PREFIX

applets=$("$SMC" --list)
run make -s -C "$ROOT" applets
[[ $RC -eq 0 && $OUT == "$(echo $applets)" ]] && ok "make applets (from smc.c) lists what smc --list does" ||
	nok "make applets (from smc.c) lists what smc --list does" "rc=$RC: $OUT"
run make -n -C "$ROOT" install DESTDIR="$DEST"
[[ $RC -eq 0 ]] && ! grep -qE '(^|[ /])(cc|gcc|musl-gcc|clang)[^ ]* .*-c ' <<<"$OUT" &&
	ok "make -n install runs no compiler" || nok "make -n install runs no compiler" "rc=$RC: $OUT"
run make -s -C "$ROOT" install DESTDIR="$DEST" prefix=/opt/other
[[ $RC -ne 0 && $ERR == *"built for prefix and libdir"* && ! -e $DEST ]] &&
	ok "make install for another prefix than the build's refuses, installs nothing" ||
	nok "make install for another prefix than the build's refuses, installs nothing" "rc=$RC: $ERR"

run make -s -C "$ROOT" install DESTDIR="$DEST"
[[ $RC -eq 0 ]] && ok "make install DESTDIR=..." || nok "make install DESTDIR=..." "rc=$RC: $ERR"
[[ $(file -b "$TREE/bin/smc") == *"not stripped"* ]] && ok "make install keeps the symbols" ||
	nok "make install keeps the symbols" "$(file -b "$TREE/bin/smc")"

for a in $applets; do
	[[ -L $TREE/bin/$a && $(readlink "$TREE/bin/$a") == smc ]] && ok "bin/$a is a link to smc" ||
		nok "bin/$a is a link to smc" "$(ls -l "$TREE/bin/$a" 2>&1)"
	[[ -L $TREE/share/bash-completion/completions/$a ]] && ok "completion for $a installed" ||
		nok "completion for $a installed" "missing"
	[[ $(readlink "$TREE/share/fish/vendor_completions.d/$a.fish") == smc.fish ]] && ok "fish completion for $a installed" ||
		nok "fish completion for $a installed" "no link $a.fish to smc.fish"
done
[[ -f $TREE/share/zsh/site-functions/_smc && -f $TREE/share/fish/vendor_completions.d/smc.fish ]] &&
	ok "zsh and fish completions installed" || nok "zsh and fish completions installed" "missing"
[[ -x $TREE/bin/smc && -f $TREE/lib/smc/libsmc-preload.so && -f $TREE/share/bash-completion/completions/smc ]] &&
	ok "binary, preload library and completion installed" || nok "binary, preload library and completion installed" "missing"
for m in "$ROOT"/man/*.[1-8]; do
	dest=$TREE/share/man/man${m##*.}/${m##*/}
	if [[ -L $m ]]; then
		[[ -L $dest && $(readlink "$dest") == $(readlink "$m") ]] && ok "alias page ${m##*/} installed as a link" ||
			nok "alias page ${m##*/} installed as a link" "$(ls -l "$dest" 2>&1)"
	else
		[[ -f $dest && $(wc -l <"$dest") == $(wc -l <"$m") ]] && ! grep -q 'PREFIX/' "$dest" &&
			ok "man page ${m##*/} installed with the paths filled in" ||
			nok "man page ${m##*/} installed with the paths filled in" "$(grep 'PREFIX/' "$dest" 2>&1)"
	fi
done

expect_ok "installed smcr -h runs smcr through its link" '^Usage: smcr ' "$TREE/bin/smcr" -h
expect_ok "installed smc_run -v runs smc_run through its link" '^smc_run \(smc\) ' "$TREE/bin/smc_run" -v
run env MANWIDTH=80 man -M "$TREE/share/man" smcr-stats
[[ $RC -eq 0 ]] && grep -q '^NAME' <<<"$OUT" && grep -q 'smcr-stats' <<<"$OUT" &&
	ok "man -M finds the installed alias smcr-stats" || nok "man -M finds the installed alias smcr-stats" "rc=$RC $ERR"
grep -qF "LD_PRELOAD=$PREFIX/lib/smc/libsmc-preload.so" "$TREE/share/man/man8/smc_run.8" &&
	ok "installed smc_run(8) names the installed library" ||
	nok "installed smc_run(8) names the installed library" "$(grep LD_PRELOAD= "$TREE/share/man/man8/smc_run.8")"
# A copy installed on this host under the same PREFIX comes first.
want=$(realpath "$TREE/lib/smc/libsmc-preload.so")
[[ -e $PREFIX/lib/smc/libsmc-preload.so ]] && want=$(realpath "$PREFIX/lib/smc/libsmc-preload.so")
run env -u SMC_PRELOAD_LIB "$TREE/bin/smc_run" -d true
grep -qF "preloading $want (the installed copy)" <<<"$ERR" && ok "installed smc_run preloads the installed library" ||
	nok "installed smc_run preloads the installed library" "$ERR"

run make -s -C "$ROOT" install DESTDIR="$TMP/dirs" bindir=/b mandir=/m completionsdir=/c
[[ $RC -eq 0 && -x $TMP/dirs/b/smc && -L $TMP/dirs/b/smcr && -f $TMP/dirs/m/man8/smcd-stats.8 && -f $TMP/dirs/c/smc &&
	-f $TMP/dirs$PREFIX/lib/smc/libsmc-preload.so ]] && ok "make install bindir= mandir= completionsdir= puts the files there" ||
	nok "make install bindir= mandir= completionsdir= puts the files there" "rc=$RC $ERR: $(cd "$TMP/dirs" && find . ! -type d)"

run make -s -C "$ROOT" install-strip DESTDIR="$DEST"
[[ $RC -eq 0 && $(file -b "$TREE/bin/smc") == *", stripped"* ]] && ok "make install-strip strips" ||
	nok "make install-strip strips" "rc=$RC: $ERR $(file -b "$TREE/bin/smc")"

run make -s -C "$ROOT" uninstall DESTDIR="$DEST"
[[ $RC -eq 0 ]] && ok "make uninstall DESTDIR=..." || nok "make uninstall DESTDIR=..." "rc=$RC: $ERR"
left=$(find "$DEST" ! -type d)
[[ -z $left ]] && ok "make uninstall leaves no file or link" || nok "make uninstall leaves no file or link" "$left"
