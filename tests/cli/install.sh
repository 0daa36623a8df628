#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# make install into a temporary DESTDIR: the binary, its applet links, the
# preload library, the man pages with their aliases and the completion;
# the installed applets run through their links; make uninstall leaves
# nothing of ours behind.
. "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DEST=$TMP/dest
PREFIX=/usr/local
TREE=$DEST$PREFIX

run make -s -C "$ROOT" install DESTDIR="$DEST"
[[ $RC -eq 0 ]] && ok "make install DESTDIR=..." || nok "make install DESTDIR=..." "rc=$RC: $ERR"

for a in $("$SMC" --list); do
	[[ -L $TREE/bin/$a && $(readlink "$TREE/bin/$a") == smc ]] && ok "bin/$a is a link to smc" ||
		nok "bin/$a is a link to smc" "$(ls -l "$TREE/bin/$a" 2>&1)"
	[[ -L $TREE/share/bash-completion/completions/$a ]] && ok "completion for $a installed" ||
		nok "completion for $a installed" "missing"
done
[[ -x $TREE/bin/smc && -f $TREE/lib/smc/libsmc-preload.so && -f $TREE/share/bash-completion/completions/smc ]] &&
	ok "binary, preload library and completion installed" || nok "binary, preload library and completion installed" "missing"
for m in "$ROOT"/man/*.[1-8]; do
	dest=$TREE/share/man/man${m##*.}/${m##*/}
	if [[ -L $m ]]; then
		[[ -L $dest && $(readlink "$dest") == $(readlink "$m") ]] && ok "alias page ${m##*/} installed as a link" ||
			nok "alias page ${m##*/} installed as a link" "$(ls -l "$dest" 2>&1)"
	else
		cmp -s "$m" "$dest" && ok "man page ${m##*/} installed" || nok "man page ${m##*/} installed" "missing or different"
	fi
done

expect_ok "installed smcr -h runs smcr through its link" '^Usage: smcr ' "$TREE/bin/smcr" -h
expect_ok "installed smc_run -v runs smc_run through its link" '^smc_run \(smc\) ' "$TREE/bin/smc_run" -v
run env MANWIDTH=80 man -M "$TREE/share/man" smcr-stats
[[ $RC -eq 0 ]] && grep -q '^NAME' <<<"$OUT" && grep -q 'smcr-stats' <<<"$OUT" &&
	ok "man -M finds the installed alias smcr-stats" || nok "man -M finds the installed alias smcr-stats" "rc=$RC $ERR"
# A copy installed on this host under the same PREFIX comes first.
want=$(realpath "$TREE/lib/smc/libsmc-preload.so")
[[ -e $PREFIX/lib/smc/libsmc-preload.so ]] && want=$(realpath "$PREFIX/lib/smc/libsmc-preload.so")
run env -u SMC_PRELOAD_LIB "$TREE/bin/smc_run" -d true
grep -qF "preloading $want (the installed copy)" <<<"$ERR" && ok "installed smc_run preloads the installed library" ||
	nok "installed smc_run preloads the installed library" "$ERR"

run make -s -C "$ROOT" uninstall DESTDIR="$DEST"
[[ $RC -eq 0 ]] && ok "make uninstall DESTDIR=..." || nok "make uninstall DESTDIR=..." "rc=$RC: $ERR"
left=$(find "$DEST" ! -type d)
[[ -z $left ]] && ok "make uninstall leaves no file or link" || nok "make uninstall leaves no file or link" "$left"
