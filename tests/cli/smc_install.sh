#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# smc --install [-s] [-f] DIR: the links, the library in DIR/../lib/smc,
# smc_run finding that copy through either kind of link, installed copies
# that others could have written ignored, a refused install changing
# nothing, and a root prepared from outside and run with chroot.
. "$(dirname "$0")/lib.sh"
. tests/progs/progs.sh

STATIC=${O:-build}/smc
unset SMC_PRELOAD_LIB LD_PRELOAD
export XDG_RUNTIME_DIR=$TMP/xdg
mkdir -m 0700 "$XDG_RUNTIME_DIR"
if [[ -e /usr/local/lib/smc/libsmc-preload.so ]]; then
	nok "smc --install" "a copy installed on this host in /usr/local/lib/smc comes first: remove it"
	exit 0
fi

# preloads NAME WANT CMD...: CMD (an smc_run -d) says it preloads WANT.
preloads() {
	local name=$1 want=$2
	shift 2
	run "$@"
	[[ $RC -eq 0 && $ERR == *"smc_run: preloading $want (the installed copy)"* ]] && ok "$name" || nok "$name" "rc=$RC $ERR"
}

# --- a binary elsewhere, absolute symbolic links: found as invoked -----------
mkdir -p "$TMP/build" "$TMP/a/bin"
cp "$SMC" "$TMP/build/smc"
expect_ok "smc --install -s DIR writes links and the library" '^$' "$TMP/build/smc" --install -s "$TMP/a/bin"
[[ $(readlink "$TMP/a/bin/smc_run") == "$TMP/build/smc" ]] && ok "without DIR/smc the links name the running binary" ||
	nok "without DIR/smc the links name the running binary" "$(readlink "$TMP/a/bin/smc_run")"
cmp -s "$TMP/a/lib/smc/libsmc-preload.so" "$LIB" && ok "the library is in DIR/../lib/smc" ||
	nok "the library is in DIR/../lib/smc" "differs or missing"
preloads "smc_run through an absolute link finds ../lib/smc beside the link" "$TMP/a/lib/smc/libsmc-preload.so" \
	"$TMP/a/bin/smc_run" -d true

# --- DIR/smc there: relative links; found as resolved too -----------------------
mkdir -p "$TMP/b/bin" "$TMP/elsewhere"
cp "$SMC" "$TMP/b/bin/smc"
expect_ok "smc --install -s DIR with DIR/smc" '^$' "$TMP/build/smc" --install -s "$TMP/b/bin"
[[ $(readlink "$TMP/b/bin/smcr") == smc ]] && ok "with DIR/smc there the links are relative (smc)" ||
	nok "with DIR/smc there the links are relative (smc)" "$(readlink "$TMP/b/bin/smcr")"
preloads "smc_run through a relative link finds ../lib/smc" "$TMP/b/lib/smc/libsmc-preload.so" "$TMP/b/bin/smc_run" -d true
ln -s "$TMP/b/bin/smc" "$TMP/elsewhere/smc_run"
preloads "smc_run through a link elsewhere finds ../lib/smc beside the resolved binary" \
	"$TMP/b/lib/smc/libsmc-preload.so" "$TMP/elsewhere/smc_run" -d true
mkdir -p "$TMP/h/bin" && cp "$SMC" "$TMP/h/bin/smc"
expect_ok "smc --install DIR (hard links) with DIR/smc" '^$' "$TMP/build/smc" --install "$TMP/h/bin"
[[ $(stat -c %i "$TMP/h/bin/smcss") == $(stat -c %i "$TMP/h/bin/smc") ]] && ok "hard links are to DIR/smc" ||
	nok "hard links are to DIR/smc" "other inode"
preloads "smc_run through a hard link finds ../lib/smc" "$TMP/h/lib/smc/libsmc-preload.so" "$TMP/h/bin/smc_run" -d true

# --- copies others could have written are ignored -----------------------------
copy_re="$XDG_RUNTIME_DIR/smc/libsmc-preload-[0-9.]+-[0-9a-f]{16}\.so \(the copy embedded"
ignored() {
	run "$TMP/b/bin/smc_run" -d sh -c 'echo "$LD_PRELOAD"'
	[[ $RC -eq 0 && $ERR == *"smc_run: ignoring $TMP/b/lib/smc/libsmc-preload.so: it or its directory is owned or writable by another user"* &&
		$ERR =~ preloading\ $copy_re && $OUT != *"$TMP/b/lib"* ]] && ok "$1" || nok "$1" "rc=$RC $OUT $ERR"
}
chmod 0777 "$TMP/b/lib/smc" && ignored "a world-writable library directory: the copy is ignored (-d says so)"
chmod 0775 "$TMP/b/lib/smc" && ignored "a group-writable library directory: the copy is ignored"
chmod 0755 "$TMP/b/lib/smc" && chmod 0664 "$TMP/b/lib/smc/libsmc-preload.so" &&
	ignored "a group-writable library: ignored"
chmod 0644 "$TMP/b/lib/smc/libsmc-preload.so"
if [[ $EUID -eq 0 ]]; then
	chown 65534 "$TMP/b/lib/smc/libsmc-preload.so" && ignored "a library owned by another user: ignored"
	chown 0 "$TMP/b/lib/smc/libsmc-preload.so"
else
	nok "a library owned by another user: ignored" "needs root for chown"
fi
run "$TMP/b/bin/smc_run" true
[[ $RC -eq 0 && -z $ERR ]] && ok "without -d an ignored copy makes no noise" || nok "without -d an ignored copy makes no noise" "$ERR"

# --- the library: replaced only if it is ours, or with -f ---------------------
expect_ok "smc --install again replaces its own library" '^$' "$TMP/build/smc" --install -s "$TMP/b/bin"
echo foreign >"$TMP/b/lib/smc/libsmc-preload.so"
expect_fail "smc --install keeps a foreign library" 'libsmc-preload.so exists and is not this smc.s library \(use -f' \
	"$TMP/build/smc" --install -s "$TMP/b/bin"
expect_ok "smc --install -f replaces a foreign library" '^$' "$TMP/build/smc" --install -s -f "$TMP/b/bin"
cmp -s "$TMP/b/lib/smc/libsmc-preload.so" "$LIB" && ok "-f wrote the library" || nok "-f wrote the library" "differs"
mkdir -p "$TMP/ro/bin" && : >"$TMP/ro/lib"
run "$TMP/build/smc" --install -s "$TMP/ro/bin"
[[ $RC -eq 0 && -L $TMP/ro/bin/smcr && $ERR == "smc: install: cannot write $TMP/ro/bin/../lib/smc/libsmc-preload.so (Not a directory); smc_run will use the copy embedded in smc"* ]] &&
	ok "smc --install says where the library would go when it cannot write it" ||
	nok "smc --install says where the library would go when it cannot write it" "rc=$RC $ERR"

# --- a refused install changes nothing -----------------------------------------
mkdir -p "$TMP/c/bin" && echo foreign >"$TMP/c/bin/smcss"
expect_fail "smc --install refuses a foreign file in DIR" "^smc: install: $TMP/c/bin/smcss exists and is not a link to " \
	"$TMP/build/smc" --install -s "$TMP/c/bin"
[[ $(ls -A "$TMP/c/bin") == smcss && ! -e $TMP/c/lib ]] && ok "the refused install made no link and no library" ||
	nok "the refused install made no link and no library" "$(ls -A "$TMP/c" "$TMP/c/bin")"
mkdir -p "$TMP/d/bin" "$TMP/d/lib/smc" && echo foreign >"$TMP/d/lib/smc/libsmc-preload.so"
run "$TMP/build/smc" --install -s "$TMP/d/bin"
[[ $RC -eq 1 && -z $(ls -A "$TMP/d/bin") ]] && ok "a refused library: no link made either" ||
	nok "a refused library: no link made either" "rc=$RC $(ls -A "$TMP/d/bin")"
expect_fail "smc --install of a missing DIR" "^smc: install: $TMP/none: No such file or directory\$" \
	"$TMP/build/smc" --install -s "$TMP/none"

# --- a root prepared from outside, run with chroot -------------------------------
if [[ $EUID -ne 0 ]]; then
	nok "a root made with smc --install -s ROOT/bin runs in chroot" "needs root for chroot"
	exit 0
fi
for kind in -s ""; do
	links=${kind:+symbolic}; links=${links:-hard}
	root=$TMP/root$kind
	mkdir -p "$root/bin"
	cp "$STATIC" "$root/bin/smc"
	expect_ok "smc --install ROOT/bin before the root is used ($links links)" '^$' "$SMC" --install $kind "$root/bin"
	expect_ok "chroot ROOT /bin/smcr -h ($links links)" '^Usage: smcr ' chroot "$root" /bin/smcr -h
	expect_ok "chroot ROOT /bin/smcss -v ($links links)" '^smcss \(smc\) ' chroot "$root" /bin/smcss -v
	preloads "chroot ROOT /bin/smc_run finds /lib/smc/libsmc-preload.so, without /proc ($links links)" \
		/lib/smc/libsmc-preload.so chroot "$root" /bin/smc_run -d -m preload /bin/smc -v
done
