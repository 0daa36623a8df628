#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The SMC-D lab kernel: no Debian kernel sets CONFIG_SMC_LO (loopback-ism),
# so this one is built from trixie's linux-source-6.12 with the options in
# tests/vm/smcd.config, once per machine, cached in LAB_CACHE under a name
# holding the package version and a hash of smcd.config, with the checksums
# of its files (checked on every use). Sourced after lib.sh; run as a
# script it builds (or finds) the kernel and prints its path, so a long
# first build can be started ahead of the lab (./build.sh test does).
[[ ${BASH_SOURCE[0]} == "$0" ]] && set -uo pipefail && . "$(dirname "$0")/lib.sh"
SMCD_CONFIG=$LAB_TOP/tests/vm/smcd.config
SMCD_SOURCE_PKG=linux-source-6.12

smcd_config_hash() { sha256sum "$SMCD_CONFIG" | cut -c1-16; }
smcd_options() { sed -e 's/#.*//' "$SMCD_CONFIG" | tr -s ' \t' '\n\n' | grep .; }

# smcd_cached: the newest ready kernel built from this smcd.config.
smcd_cached() {
	(cd "$LAB_CACHE" 2>/dev/null && ls -d smcd-*-"$(smcd_config_hash)"/ready 2>/dev/null) |
		sort -V | tail -n 1 | sed 's,/ready$,,'
}

# smcd_configure SRC OUT: tinyconfig plus smcd.config; every listed option
# must come out built in, or Kconfig dropped it and the kernel is not the
# one asked for.
smcd_configure() {
	local src=$1 out=$2 opt missing=()
	make -s -C "$src" O="$out" tinyconfig >/dev/null || return 1
	smcd_options | sed 's/^/-e /' | xargs "$src/scripts/config" --file "$out/.config" || return 1
	make -s -C "$src" O="$out" olddefconfig >/dev/null || return 1
	for opt in $(smcd_options); do
		grep -qx "CONFIG_$opt=y" "$out/.config" || missing+=("$opt")
	done
	((${#missing[@]} == 0)) || { echo "lab: Kconfig left out: ${missing[*]}" >&2; return 1; }
}

# smcd_build TMP: fetch the source package into TMP, build there, move the
# result to its cache directory. Prints that directory's name.
smcd_build() {
	local tmp=$1 deb version name src out
	"$LAB_TOP/build.sh" fetch "$tmp/deb" "$SMCD_SOURCE_PKG" >&2 || lab_die "cannot fetch $SMCD_SOURCE_PKG"
	deb=$(ls "$tmp"/deb/*.deb)
	version=$(dpkg-deb -f "$deb" Version)
	name=smcd-${SMCD_SOURCE_PKG}_$version-$(smcd_config_hash)
	src=$tmp/src out=$tmp/out
	mkdir -p "$src" "$out"
	dpkg-deb --fsys-tarfile "$deb" | tar -xO --wildcards './usr/src/linux-source-*.tar.xz' |
		tar -xJ -C "$src" --strip-components=1 || lab_die "cannot unpack the kernel source from $deb"
	rm -rf "$tmp/deb"
	smcd_configure "$src" "$out" >"$tmp/build.log" 2>&1 ||
		{ tail -n 20 "$tmp/build.log" >&2; lab_die "configuring the SMC-D kernel failed"; }
	nice make -s -C "$src" O="$out" -j"$(nproc)" bzImage >>"$tmp/build.log" 2>&1 ||
		{ tail -n 40 "$tmp/build.log" >&2; lab_die "building the SMC-D kernel failed"; }
	mkdir -p "$tmp/$name"
	cp "$out/arch/x86/boot/bzImage" "$out/.config" "$out/modules.builtin" "$tmp/build.log" "$tmp/$name/"
	make -s -C "$src" O="$out" kernelrelease >"$tmp/$name/kernelrelease"
	rm -rf "$LAB_CACHE/$name"
	mv "$tmp/$name" "$LAB_CACHE/$name"
	cache_seal "$LAB_CACHE/$name"
	echo "$name"
}

# lab_kernel_smcd: set SMCD_DIR (the cached kernel: bzImage, .config,
# modules.builtin, kernelrelease), building the kernel the first time
# (minutes); a second lab started meanwhile waits for the first's build.
# Returns 1, having said why, if the kernel cannot be had.
lab_kernel_smcd() {
	local name tmp lock start=$SECONDS
	mkdir -p "$LAB_CACHE"
	exec {lock}>"$LAB_CACHE/smcd.lock"
	flock "$lock"
	name=$(smcd_cached)
	if [[ -n $name ]] && ! cache_ok "$LAB_CACHE/$name"; then
		rm -rf "${LAB_CACHE:?}/$name"
		name=
	fi
	if [[ -z $name ]]; then
		echo "lab: building the SMC-D kernel from $SMCD_SOURCE_PKG (once per machine, several minutes)" >&2
		rm -rf "$LAB_CACHE"/smcd-build.*	# left by a build that was killed; we hold the lock
		tmp=$(mktemp -d "$LAB_CACHE/smcd-build.XXXXXX")
		name=$(smcd_build "$tmp") && echo "lab: built $name in $((SECONDS - start)) s" >&2 &&
			took "kernel: SMC-D, built" $((SECONDS - start))
		rm -rf "$tmp"
	fi
	exec {lock}>&-
	SMCD_DIR=$LAB_CACHE/$name
	[[ -n $name && -f $SMCD_DIR/bzImage && -f $SMCD_DIR/modules.builtin ]]
}

# smcd_initramfs OUT: the lab's initramfs with this kernel's modules.builtin
# added, so that busybox modprobe takes the built-in smc, 9p, ... as loaded.
smcd_initramfs() {
	local root krel
	root=$(mktemp -d)
	krel=$(cat "$SMCD_DIR/kernelrelease")
	mkdir -p "$root/lib/modules/$krel"
	cp "$SMCD_DIR/modules.builtin" "$root/lib/modules/$krel/"
	: >"$root/lib/modules/$krel/modules.dep"
	{ cat "$LAB_INITRD" && (cd "$root" && find . | cpio -o -H newc --quiet); } >"$1"
	rm -rf "$root"
}

# lab_boot_smcd ARGS...: lab_boot ARGS... on the SMC-D kernel (after
# lab_kernel_smcd succeeded).
lab_boot_smcd() {
	[[ -f $LAB_WORK/smcd.cpio ]] || smcd_initramfs "$LAB_WORK/smcd.cpio"
	LAB_BOOT_KERNEL=$SMCD_DIR/bzImage LAB_BOOT_INITRD=$LAB_WORK/smcd.cpio lab_boot "$@"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
	lab_kernel_smcd || lab_die "no SMC-D kernel"
	echo "$SMCD_DIR/bzImage"
fi
