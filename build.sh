#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Set up and build smc on a fresh Debian or Ubuntu machine.
#   ./build.sh          install build packages, obtain a static libmnl, make
#   ./build.sh test     the above, plus test packages, then the whole test suite
#   ./build.sh demo     build, boot the two-host SMC-R lab, show its statistics
#   ./build.sh fetch DIR PKG...   download Debian trixie packages into DIR
set -euo pipefail
cd "$(dirname "$0")"
O=${O:-build}

die() { echo "build.sh: $*" >&2; exit 1; }

BUILD_PKGS=(gcc make libc6-dev libmnl-dev linux-libc-dev file binutils)
TEST_PKGS=(python3 musl-tools mount qemu-system-x86 busybox-static cpio kmod xz-utils iproute2 mandoc man-db curl)
# promtool validates `stats prometheus` output
TEST_PKGS+=(prometheus)
# strace: the syscall budget and the preload probe count (tests); hyperfine, time: make bench.
TEST_PKGS+=(strace hyperfine time)
TEST_PKGS+=(golang-go)	# a static Go program for smc run in the lab (tests/progs/gohttp.go)
TEST_PKGS+=(clang-14 libclang-rt-14-dev valgrind)	# fuzz targets, make valgrind
# To build the SMC-D lab kernel from trixie's linux-source (tests/vm/kernel-smcd.sh).
TEST_PKGS+=(flex bison bc libelf-dev libssl-dev)

apt_updated=
ensure_packages() {
	local missing=() p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
	done
	((${#missing[@]})) || return 0
	command -v apt-get >/dev/null || die "missing packages: ${missing[*]} (no apt-get here: install them by hand)"
	((EUID == 0)) || die "missing packages: ${missing[*]}; run as root or: sudo apt-get install ${missing[*]}"
	echo "build.sh: installing ${missing[*]}"
	if [[ -z $apt_updated ]]; then
		apt-get update -qq || die "apt-get update failed"
		apt_updated=1
	fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null ||
		die "apt-get install ${missing[*]} failed"
}

# The Debian mirror this machine already uses, read from its apt configuration.
debian_mirror() {
	local f uri
	for f in /etc/apt/sources.list.d/*.sources; do
		[[ -f $f ]] || continue
		uri=$(awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i !~ /security/) { print $i; exit } }' "$f")
		[[ -n $uri ]] && { echo "$uri"; return; }
	done
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[[ -f $f ]] || continue
		uri=$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /:\/\//) { if ($i !~ /security/) { print $i; exit } else break } }' "$f")
		[[ -n $uri ]] && { echo "$uri"; return; }
	done
	return 1
}

# Download trixie packages into DIR through a private apt state: the
# system's sources, lists and cache stay as they are. apt checks every file
# against the signed Release it fetched.
fetch_trixie() {
	local dir=$1 state mirror
	shift
	state=$O/apt-trixie
	[[ $state == /* ]] || state=$PWD/$state
	mirror=$(debian_mirror) || die "cannot find a Debian mirror in /etc/apt (sources.list or sources.list.d)"
	mkdir -p "$state/lists/partial" "$dir"
	cat >"$state/trixie.sources" <<-SRC
		Types: deb
		URIs: $mirror
		Suites: trixie
		Components: main
		Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
	SRC
	local opts=(-o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts="$state/none"
		-o Dir::Etc::sourcelist="$state/trixie.sources" -o Dir::State::Lists="$state/lists"
		-o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache= -o APT::Sandbox::User=root)
	mkdir -p "$state/none"
	if [[ ! -f $state/updated ]] || [[ -n $(find "$state/updated" -mmin +1440) ]]; then
		apt-get "${opts[@]}" update -qq >/dev/null ||
			die "cannot read the trixie package lists from $mirror (apt-get update failed)"
		touch "$state/updated"
	fi
	(cd "$dir" && apt-get "${opts[@]}" download "$@" >/dev/null) ||
		die "cannot download $* from trixie (apt-get download failed)"
}

find_libmnl_a() {
	local d
	[[ -n ${LIBMNL_A:-} ]] && { echo "$LIBMNL_A"; return; }
	for d in "$O"/deps/usr/lib/*/ $(pkg-config --variable=libdir libmnl 2>/dev/null) /usr/lib/*/ /usr/lib /usr/local/lib; do
		[[ -f $d/libmnl.a ]] && { echo "${d%/}/libmnl.a"; return; }
	done
	return 1
}

ensure_libmnl() {
	local deb
	find_libmnl_a >/dev/null && return
	echo "build.sh: no libmnl.a on this system; fetching trixie's libmnl-dev into $O/deps"
	fetch_trixie "$O/deps/debs" libmnl-dev
	deb=$(ls "$O"/deps/debs/libmnl-dev_*.deb | tail -n 1)
	dpkg-deb -x "$deb" "$O/deps"
	find_libmnl_a >/dev/null || die "$deb holds no libmnl.a; set LIBMNL_A=/path/to/libmnl.a"
}

build() {
	ensure_packages "${BUILD_PKGS[@]}"
	ensure_libmnl
	make -s O="$O" LIBMNL_A="$(find_libmnl_a)" all
	make -s O="$O" size
}

case ${1:-build} in
build) build ;;
test)
	ensure_packages "${BUILD_PKGS[@]}" "${TEST_PKGS[@]}"
	build
	make -s O="$O" LIBMNL_A="$(find_libmnl_a)" check
	;;
demo)
	ensure_packages "${BUILD_PKGS[@]}" "${TEST_PKGS[@]}"
	build
	tests/vm/demo
	;;
fetch)
	(($# >= 3)) || die "usage: ./build.sh fetch DIR PKG..."
	shift
	fetch_trixie "$@"
	;;
*) die "unknown command \"$1\" (commands: build, test, demo, fetch)" ;;
esac
