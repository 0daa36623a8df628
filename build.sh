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
BUILD_PKGS+=(musl-tools)	# the release smc links statically against musl (make LIBC=glibc: not needed)
TEST_PKGS=(python3 musl-tools mount qemu-system-x86 busybox-static cpio kmod xz-utils iproute2 mandoc man-db curl)
# promtool validates `stats prometheus` output; node_exporter and Prometheus scrape it (tests/vm/prometheus)
TEST_PKGS+=(prometheus prometheus-node-exporter)
# the completions tried in real shells (tests/completion-shells)
TEST_PKGS+=(bash-completion zsh fish tmux)
# strace: the syscall budget and the preload probe count (tests); hyperfine, time: make bench.
TEST_PKGS+=(strace hyperfine time)
TEST_PKGS+=(golang-go)	# a static Go program for smc run in the lab (tests/progs/gohttp.go)
TEST_PKGS+=(clang-14 libclang-rt-14-dev valgrind)	# fuzz targets, make valgrind
# To fetch Debian's kernel and build the SMC-D lab kernel from trixie's
# linux-source (tests/vm/kernels): installed first, so that the kernels are
# made while the other test packages install.
KERNEL_PKGS=(kmod xz-utils flex bison bc libelf-dev libssl-dev)
# tests/fetch: a Debian mirror on 127.0.0.1, signed with a throwaway key.
TEST_PKGS+=(gnupg)
# make deb: build the Debian package and check it with lintian.
TEST_PKGS+=(dpkg-dev debhelper fakeroot lintian)

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

# ---- Trixie packages, fetched through a private apt state ----
# The state (package lists) and the .debs fetched live in the per-user cache
# that every clone shares; a .deb is reused while it matches the SHA256 that
# the signed index gives for it. A lock keeps two clones from filling the
# cache at once. SMC_DEBIAN_MIRROR and SMC_DEBIAN_KEYRING override the
# mirror and its key (tests/fetch serves one on 127.0.0.1).
SMC_CACHE=${SMC_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/smc}
TRIXIE_STATE=$SMC_CACHE/apt-trixie
FETCH_TRIES=4
FETCH_PAUSE=${SMC_FETCH_PAUSE:-10}

# The Debian mirror: SMC_DEBIAN_MIRROR, else the one this machine already
# uses, read from its apt configuration.
debian_mirror() {
	local f uri
	[[ -n ${SMC_DEBIAN_MIRROR:-} ]] && { echo "$SMC_DEBIAN_MIRROR"; return; }
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

# trixie_config: the private apt configuration. It reads nothing of the
# system's apt.conf.d (whose index targets, such as apt-file's Contents,
# and update hooks are not ours) and keeps only how the system reaches its
# mirrors (proxies, the Valid-Until policy); its state, cache and locks
# are its own, so it runs beside the system's apt-get install. The source
# asks for one index target: the Packages index of main for this
# architecture.
trixie_config() {
	local mirror
	mirror=$(debian_mirror) || die "cannot find a Debian mirror in /etc/apt (sources.list or sources.list.d)"
	mkdir -p "$TRIXIE_STATE/lists/partial" "$TRIXIE_STATE/empty" "$TRIXIE_STATE/sources" "$TRIXIE_STATE/cache"
	touch "$TRIXIE_STATE/status"
	cat >"$TRIXIE_STATE/sources/trixie.sources" <<-SRC
		Types: deb
		URIs: $mirror
		Suites: trixie
		Components: main
		Architectures: $(dpkg --print-architecture)
		Targets: Packages
		Signed-By: ${SMC_DEBIAN_KEYRING:-/usr/share/keyrings/debian-archive-keyring.gpg}
	SRC
	{
		cat <<-CONF
			Dir::Etc::Main "/dev/null";
			Dir::Etc::Parts "$TRIXIE_STATE/empty";
			Dir::Etc::SourceList "/dev/null";
			Dir::Etc::SourceParts "$TRIXIE_STATE/sources";
			Dir::Etc::Preferences "/dev/null";
			Dir::Etc::PreferencesParts "$TRIXIE_STATE/empty";
			Dir::State "$TRIXIE_STATE";
			Dir::State::Lists "lists";
			Dir::State::status "$TRIXIE_STATE/status";
			Dir::Cache "$TRIXIE_STATE/cache";
			Dir::Cache::pkgcache "";
			Dir::Cache::srcpkgcache "";
			APT::Sandbox::User "root";
			Acquire::Languages "none";
			Acquire::PDiffs "false";
			Acquire::Retries "0";
			APT::Update::Error-Mode "any";
		CONF
		apt-config dump | grep -E '^Acquire::(https?|ftp|socks|Check-Valid-Until|Check-Date)(::| )' || true
	} >"$TRIXIE_STATE/apt.conf"
}

apt_trixie() { APT_CONFIG=$TRIXIE_STATE/apt.conf apt-get -qq "$@"; }
apt_download() { (cd "$1" && apt_trixie download "$2"); }

# apt_reason: from apt's messages on stdin, the file that failed and why.
apt_reason() {
	local line
	line=$(grep -m 1 '^E: ' || true)
	line=${line#E: }
	line=$(sed -e 's/^Failed to fetch \([^ ]*\) */\1: /' -e 's/ *\[IP: [^]]*\]//' -e 's/  */ /g' <<<"$line")
	echo "${line:-no reason given}"
}

# retry WHAT CMD...: run CMD; a failure other than a missing package or a
# bad signature is tried again after a pause, FETCH_TRIES times in all.
# The last failure's file and reason are left in FAILED.
retry() {
	local what=$1 try err
	shift
	err=$(mktemp)
	for ((try = 1; ; try++)); do
		"$@" 2>"$err" && { rm -f "$err"; return 0; }
		FAILED=$(apt_reason <"$err")
		if ((try == FETCH_TRIES)) || grep -qE 'Unable to locate package|is not signed|NO_PUBKEY' "$err"; then
			rm -f "$err"
			return 1
		fi
		echo "build.sh: $what: $FAILED; trying again in $((FETCH_PAUSE * try)) s (try $((try + 1)) of $FETCH_TRIES)" >&2
		sleep $((FETCH_PAUSE * try))
	done
}

# trixie_lists: read trixie's Packages index, unless this mirror's copy is
# less than a day old. Where the mirror fails, an older copy serves.
trixie_lists() {
	local stamp=$TRIXIE_STATE/updated what="reading the trixie package lists"
	trixie_config
	cmp -s "$stamp" "$TRIXIE_STATE/sources/trixie.sources" || rm -f "$stamp"
	[[ -f $stamp && -z $(find "$stamp" -mmin +1440) ]] && return
	if retry "$what" apt_trixie update; then
		cp "$TRIXIE_STATE/sources/trixie.sources" "$stamp"
	elif [[ -f $stamp ]]; then
		echo "build.sh: $what failed: $FAILED; using the lists read on $(date -r "$stamp" '+%F %R')" >&2
	else
		die "$what failed: $FAILED"
	fi
}

# trixie_deb PKG: set DEB to PKG's .deb in the cache, downloading it unless
# the cached file has the SHA256 that the index gives. The cache keeps one
# version of each package.
trixie_deb() {
	local pkg=$1 file sum
	read -r _ file _ sum < <(apt_trixie --print-uris download "$pkg" 2>/dev/null) ||
		die "trixie has no package $pkg"
	DEB=$SMC_CACHE/debs/$file
	sum=${sum#SHA256:}
	[[ -f $DEB ]] && sha256sum "$DEB" | grep -q "^$sum " && return
	rm -f "$DEB" "$SMC_CACHE/debs/partial/$file"
	retry "downloading $file" apt_download "$SMC_CACHE/debs/partial" "$pkg" || die "downloading $file failed: $FAILED"
	sha256sum "$SMC_CACHE/debs/partial/$file" | grep -q "^$sum " || die "$file does not have the SHA256 of the index"
	mv "$SMC_CACHE/debs/partial/$file" "$DEB"
	find "$SMC_CACHE/debs" -maxdepth 1 -name "${pkg}_*.deb" ! -name "$file" -delete	# older versions
}

# fetch_trixie DIR PKG...: trixie's PKG... into DIR, from the cache where
# it holds them.
fetch_trixie() {
	local dir=$1 pkg lock
	shift
	mkdir -p "$dir" "$SMC_CACHE/debs/partial"
	exec {lock}>"$SMC_CACHE/fetch.lock"
	flock "$lock"
	trixie_lists
	for pkg; do
		trixie_deb "$pkg"
		cp --reflink=auto "$DEB" "$dir/"
	done
	exec {lock}>&-
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
	make_smc
}

make_smc() {
	make -s O="$O" LIBMNL_A="$(find_libmnl_a)" all
	make -s O="$O" size
}

# ---- ./build.sh test and demo ----
# timed PART CMD...: run CMD, note how long it took (tests/took.sh).
timed() {
	local part=$1 start=$SECONDS rc=0
	shift
	"$@" || rc=$?
	took "$part" $((SECONDS - start))
	return $rc
}

# lab_kernels_ahead: fetch Debian's kernel and build the SMC-D kernel in
# the background, in a process group of their own, while the builds and
# the no-kernel tests run; the lab waits for them on the cache's locks.
lab_kernels_ahead() {
	echo "build.sh: fetching and building the lab's kernels in the background (log: $O/kernels.log)"
	setsid tests/vm/kernels >"$O/kernels.log" 2>&1 </dev/null &
	KERNELS_PID=$!
	trap 'kill -- -"$KERNELS_PID" 2>/dev/null' EXIT
}

# run_tests: the whole test suite, each part timed; ends with tests/run's
# count.
run_tests() {
	local rc=0
	mkdir -p "$O"
	SMC_TIMES=$(cd "$O" && pwd)/times
	export SMC_TIMES
	: >"$SMC_TIMES"
	. tests/took.sh
	timed "packages: build, kernels" ensure_packages "${BUILD_PKGS[@]}" "${KERNEL_PKGS[@]}"
	timed "libmnl" ensure_libmnl
	lab_kernels_ahead
	timed "packages: tests" ensure_packages "${TEST_PKGS[@]}"
	timed "build: smc" make_smc
	timed "build: tests" make -s O="$O" LIBMNL_A="$(find_libmnl_a)" check-build
	tests/run || rc=$?
	wait "$KERNELS_PID" || true
	trap - EXIT
	return $rc
}

# run_demo: build what the demo boots (smc, the lab programs), then boot it.
run_demo() {
	ensure_packages "${BUILD_PKGS[@]}" "${KERNEL_PKGS[@]}" "${TEST_PKGS[@]}"
	build
	make -s O="$O" LIBMNL_A="$(find_libmnl_a)" lab-progs
	tests/vm/demo
}

case ${1:-build} in
build) build ;;
test) run_tests ;;
demo) run_demo ;;
fetch)
	(($# >= 3)) || die "usage: ./build.sh fetch DIR PKG..."
	shift
	fetch_trixie "$@"
	;;
*) die "unknown command \"$1\" (commands: build, test, demo, fetch)" ;;
esac
