#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# smc --install for image builders: with a copy of smc in DIR the links name
# DIR/smc (symbolic ones relatively), so a root prepared on this host works
# once it is the root: the applets run in a chroot through their links.
. "$(dirname "$0")/lib.sh"

# links_are NAME DIR WANT: every applet link in DIR is a symbolic link to WANT.
links_are() {
	local name=$1 dir=$2 want=$3 a bad=
	for a in $("$SMC" --list); do
		[[ -L $dir/$a && $(readlink "$dir/$a") == "$want" ]] || bad+=" $a:$(readlink "$dir/$a" 2>&1)"
	done
	[[ -z $bad ]] && ok "$name" || nok "$name" "${bad# }"
}

root=$TMP/root
mkdir -p "$root/bin"
cp "$SMC" "$root/bin/smc"
expect_ok "smc --install -s ROOT/bin with a copy of smc there" '^$' "$SMC" --install -s "$root/bin"
links_are "the links are relative: smc" "$root/bin" smc
expect_ok "ROOT/bin/smc --install -s ROOT/bin again keeps them" '^$' "$root/bin/smc" --install -s "$root/bin"
links_are "the links are still relative" "$root/bin" smc

if ((EUID != 0)); then
	nok "applets in a chroot of the root" "chroot needs root"
elif readelf -lW "$SMC" | grep -q 'Requesting program interpreter'; then
	echo "# $SMC is dynamically linked: it cannot run in an empty chroot, no chroot checks"
else
	expect_ok "chroot ROOT /bin/smcr -v runs through the relative link" '^smcr \(smc\) ' chroot "$root" /bin/smcr -v
	expect_ok "chroot ROOT /bin/smcss -h runs through the relative link" '^Usage: smcss' chroot "$root" /bin/smcss -h
	expect_ok "chroot ROOT /bin/smc_run -v runs through the relative link" '^smc_run \(smc\) ' chroot "$root" /bin/smc_run -v
fi

# DIR/smc need not be this build: an image's smc may be built for another
# machine than the one preparing the image.
other=$TMP/other
mkdir -p "$other/bin"
printf '#!/bin/sh\n' >"$other/bin/smc"
expect_ok "smc --install -s DIR where DIR/smc is another build" '^$' "$SMC" --install -s "$other/bin"
links_are "the links name DIR/smc, relative" "$other/bin" smc
none=$TMP/none
mkdir -p "$none/bin"
expect_ok "smc --install -s DIR without smc in DIR" '^$' "$SMC" --install -s "$none/bin"
links_are "the links name this binary's absolute path" "$none/bin" "$(realpath "$SMC")"

later=$TMP/later
mkdir -p "$later/bin"
expect_ok "smc --install -r DIR without smc in DIR" '^$' "$SMC" --install -r "$later/bin"
links_are "-r makes relative links" "$later/bin" smc
expect_ok "smc --install -r again replaces its own dangling links" '^$' "$SMC" --install -r "$later/bin"

hard=$TMP/hard
mkdir -p "$hard/bin"
cp "$SMC" "$hard/bin/smc"
expect_ok "smc --install DIR with a copy of smc there" '^$' "$SMC" --install "$hard/bin"
[[ $(stat -c %i "$hard/bin/smcr") == $(stat -c %i "$hard/bin/smc") && $(stat -c %h "$hard/bin/smc") -gt 1 ]] &&
	ok "the hard links are to DIR/smc" || nok "the hard links are to DIR/smc" "$(ls -li "$hard/bin")"
