# SPDX-License-Identifier: GPL-2.0-or-later
# The QEMU lab, host side: Debian trixie's kernel cached once per machine,
# an initramfs of busybox + build/smc + test programs, guests booted under
# TCG with a hard time limit. Sourced by tests/vm/run, demo and record.
LAB_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
O=${O:-build}
case $O in /*) ;; *) O=$LAB_TOP/$O ;; esac
LAB_CACHE=${SMC_LAB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/smc-lab}
SMC_BIN=${SMC_BIN:-$O/smc}
# Modules the guests may load; modprobe adds what they depend on.
LAB_MODULES=(smc smc_diag rdma_rxe virtio_net veth crc32_generic crc32-pclmul 9p 9pnet_virtio)

lab_die() { echo "lab: $*" >&2; exit 1; }

. "$LAB_TOP/tests/took.sh"

# cache_seal DIR: record the checksum of every file in DIR, then mark it
# ready for the clones that share the cache.
cache_seal() {
	(cd "$1" && find . -type f ! -name SHA256SUMS ! -name ready -print0 | sort -z | xargs -0 sha256sum >SHA256SUMS) &&
		touch "$1/ready"
}

# cache_ok DIR: DIR is ready and its files still have their checksums. A
# DIR that an older lab made without checksums has them recorded now.
cache_ok() {
	local dir=$1
	[[ -f $dir/ready ]] || return 1
	[[ -f $dir/SHA256SUMS ]] || { echo "lab: recording the checksums of $dir" >&2; cache_seal "$dir"; }
	(cd "$dir" && sha256sum --quiet --strict -c SHA256SUMS >/dev/null 2>&1) && return
	echo "lab: $dir does not match its checksums; making it again" >&2
	return 1
}

# lab_kernel: set KERNEL_DIR, KVER, VMLINUZ, fetching and unpacking Debian
# trixie's linux-image-6.12.*-amd64 the first time (under a lock: clones
# share the cache). LAB_KERNEL_PKG names an exact package; otherwise the
# newest cached one is used, or the one that trixie's linux-image-amd64
# depends on is fetched.
lab_kernel() {
	local pkg=${LAB_KERNEL_PKG:-} lock
	mkdir -p "$LAB_CACHE"
	exec {lock}>"$LAB_CACHE/kernel.lock"
	flock "$lock"
	if [[ -z $pkg ]]; then
		pkg=$(cd "$LAB_CACHE" && ls -d linux-image-*/ready 2>/dev/null | sort -V | tail -n 1) || true
		pkg=${pkg%/ready}
	fi
	[[ -n $pkg ]] || pkg=$(lab_kernel_current) || exit 1
	KERNEL_DIR=$LAB_CACHE/$pkg
	cache_ok "$KERNEL_DIR" || lab_kernel_fetch "$pkg"
	exec {lock}>&-
	KVER=$(ls "$KERNEL_DIR/root/lib/modules")
	VMLINUZ=$KERNEL_DIR/root/boot/vmlinuz-$KVER
	[[ -f $VMLINUZ ]] || lab_die "no $VMLINUZ"
}

# lab_kernel_current: the linux-image-6.12.*-amd64 that trixie's
# linux-image-amd64 depends on now.
lab_kernel_current() {
	local tmp pkg
	tmp=$(mktemp -d)
	"$LAB_TOP/build.sh" fetch "$tmp" linux-image-amd64 >&2 || { rm -rf "$tmp"; lab_die "cannot fetch trixie's linux-image-amd64"; }
	pkg=$(dpkg-deb -f "$tmp"/linux-image-amd64_*.deb Depends | grep -o 'linux-image-6\.12[^ ,]*-amd64' | head -n 1)
	rm -rf "$tmp"
	[[ -n $pkg ]] || lab_die "trixie's linux-image-amd64 depends on no linux-image-6.12.*-amd64"
	echo "$pkg"
}

# lab_kernel_fetch PKG: fetch PKG and unpack its kernel and modules into
# KERNEL_DIR.
lab_kernel_fetch() {
	local pkg=$1 deb start=$SECONDS
	echo "lab: fetching $pkg into $KERNEL_DIR (once per machine)" >&2
	rm -rf "$KERNEL_DIR" && mkdir -p "$KERNEL_DIR/deb" "$KERNEL_DIR/root/lib"
	"$LAB_TOP/build.sh" fetch "$KERNEL_DIR/deb" "$pkg" >&2 || lab_die "cannot fetch $pkg"
	deb=$(ls "$KERNEL_DIR"/deb/*.deb)
	dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$KERNEL_DIR/root" ./boot ./usr/lib/modules ||
		lab_die "cannot unpack $deb"
	mv "$KERNEL_DIR/root/usr/lib/modules" "$KERNEL_DIR/root/lib/modules"
	KVER=$(ls "$KERNEL_DIR/root/lib/modules")
	depmod -b "$KERNEL_DIR/root" "$KVER" || lab_die "depmod failed for $KVER"
	grep -q '^CONFIG_SMC=m' "$KERNEL_DIR/root/boot/config-$KVER" || lab_die "$pkg has no SMC module"
	rm -rf "$KERNEL_DIR/deb"
	cache_seal "$KERNEL_DIR"
	took "kernel: Debian's, fetched" $((SECONDS - start))
}

# copy_program ROOT FILE [DEST]: FILE into ROOT at DEST (default: the same
# path), with its ELF interpreter and, for glibc programs, the shared
# libraries ldd names.
copy_program() {
	local root=$1 file=$2 dest=${3:-$2} interp lib
	install -D "$file" "$root$dest"
	interp=$(readelf -l "$file" | sed -n 's/.*Requesting program interpreter: \(.*\)]/\1/p')
	[[ -z $interp ]] && return
	install -D "$(readlink -f "$interp")" "$root$interp"
	[[ $interp == *musl* ]] && return
	for lib in $(ldd "$file" | awk '$2 == "=>" && $3 ~ /^\// { print $3 }'); do
		install -D "$(readlink -f "$lib")" "$root$lib"
	done
}

# lab_initramfs OUT: one image for every scenario: busybox, build/smc (the
# binary under test, applet links made by its own --install inside the
# guest), the lab programs, iproute2's rdma, the modules, tests/vm/guest.
lab_initramfs() {
	local out=$1 root m path rel
	root=$(mktemp -d)
	chmod 755 "$root"
	mkdir -p "$root"/{bin,sbin,etc,proc,sys,dev,tmp,run,out,lab}
	cp /bin/busybox "$root/bin/busybox"
	file "$root/bin/busybox" | grep -q 'statically linked' || lab_die "/bin/busybox is not static (install busybox-static)"
	cp "$SMC_BIN" "$root/bin/smc"
	for m in xfer-glibc xfer-musl xfer-smc record probecheck-glibc xfer-static xfer-raw sockstorm-static forker-static \
		gohttp sockcheck-static; do
		[[ -x $O/progs/$m ]] || lab_die "$O/progs/$m missing (make lab-progs)"
		copy_program "$root" "$O/progs/$m" "/bin/$m"
	done
	copy_program "$root" "$(command -v rdma)"
	for m in "${LAB_MODULES[@]}"; do
		modprobe -d "$KERNEL_DIR/root" -S "$KVER" --show-depends "$m" ||
			lab_die "module $m not found in $KVER"
	done | awk '$1 == "insmod" { print $2 }' | sort -u | while read -r path; do
		rel=${path#"$KERNEL_DIR/root"}
		mkdir -p "$root$(dirname "$rel")"
		case $path in
		*.xz) xz -dc "$path" >"$root${rel%.xz}" ;;
		*) cp "$path" "$root$rel" ;;
		esac
	done
	cp "$KERNEL_DIR/root/lib/modules/$KVER"/modules.{order,builtin,builtin.modinfo} "$root/lib/modules/$KVER/"
	depmod -b "$root" "$KVER" || lab_die "depmod in the initramfs failed"
	cp "$LAB_TOP/tests/vm/guest/init" "$root/init"
	cp "$LAB_TOP"/tests/vm/guest/*.sh "$root/lab/"
	cp -r "$LAB_TOP/tests/golden" "$root/lab/golden"
	chmod +x "$root/init"
	(cd "$root" && find . | cpio -o -H newc --quiet) >"$out" || lab_die "cpio failed"
	rm -rf "$root"
}

# lab_boot DIR SECONDS SCENARIO ROLE [QEMU ARGS...]: boot one guest running
# /lab/SCENARIO.sh ROLE. The kernel's console goes to DIR/console.log, the
# scenario's result lines to DIR/results.log, files it writes to /out to
# DIR/out; the host's / is shared read-only (tag "host") for its programs.
# qemu's process id goes to DIR/qemu.pid. Returns qemu's status (124:
# killed at the time limit). The kernel and initramfs are LAB_BOOT_KERNEL
# and LAB_BOOT_INITRD (default: Debian's and the lab's); LAB_BOOT_APPEND
# adds to the kernel's command line.
lab_boot() {
	local dir=$1 secs=$2 scenario=$3 role=$4
	shift 4
	mkdir -p "$dir/out"
	timeout -k 5 "$secs" qemu-system-x86_64 -accel tcg -cpu max -smp 1 -m 1024 \
		-nodefaults -no-reboot -display none -monitor none \
		-kernel "${LAB_BOOT_KERNEL:-$VMLINUZ}" -initrd "${LAB_BOOT_INITRD:-$LAB_INITRD}" \
		-append "console=ttyS0 panic=-1 quiet scenario=$scenario role=$role ${LAB_BOOT_APPEND:-}" \
		-serial "file:$dir/console.log" -serial "file:$dir/results.log" -pidfile "$dir/qemu.pid" \
		-virtfs "local,path=$dir/out,mount_tag=out,security_model=none" \
		-virtfs "local,path=/,mount_tag=host,security_model=none,readonly=on,multidevs=remap" \
		"$@" >"$dir/qemu.log" 2>&1
}

# lab_verdict NAME DIR RC: print the guest's result lines prefixed with
# NAME; a time-out, a stop (lab_pair), a missing end marker or no result at
# all is a failure: a "not ok" line says which, and the status is 1.
lab_verdict() {
	local name=$1 dir=$2 rc=$3 why=
	tr -d '\r' <"$dir/results.log" | sed -n -e "s/^ok - /ok - $name: /p" -e "s/^not ok - /not ok - $name: /p"
	if ((rc == 124 || rc == 137)); then
		why="guest killed at its time limit"
	elif [[ -f $dir/stopped ]]; then
		why="guest stopped: $(cat "$dir/stopped")"
	elif ((rc != 0)); then
		why="qemu exited with status $rc: $(tail -n 3 "$dir/qemu.log" | tr '\n' ' ')"
	elif ! grep -q '^LAB-END' "$dir/results.log"; then
		why="guest ended without its end marker"
	elif ! grep -q '^ok - ' "$dir/results.log"; then
		why="guest reported no result"
	fi
	[[ -z $why ]] && return 0
	echo "not ok - $name: $why"
	return 1
}

# lab_console NAME DIR: the end of the guest's console (its commands with
# their output and the kernel's messages), and where the rest is.
lab_console() {
	echo "--- $1: guest console (last 40 lines; all of it and dmesg in $2) ---"
	tr -d '\r' <"$2/console.log" | tail -n 40
}

# lab_failed DIR: the guest reported a failed check.
lab_failed() { grep -q '^not ok' "$1/results.log"; }

# lab_results NAME DIR RC: lab_verdict, and after any failure the end of
# the guest's console.
lab_results() {
	local status=0
	lab_verdict "$@" || status=1
	if ((status)) || lab_failed "$2"; then
		lab_console "$1" "$2"
	fi
	return $status
}

# lab_pair_results NAME DIR: lab_verdict for both guests of lab_pair;
# after any failure on either side the end of both consoles.
lab_pair_results() {
	local name=$1 dir=$2 g status=0
	for g in server client; do
		lab_verdict "$name $g" "$dir/$g" "$(cat "$dir/$g/rc")" || status=1
	done
	if ((status)) || lab_failed "$dir/server" || lab_failed "$dir/client"; then
		for g in server client; do
			lab_console "$name $g" "$dir/$g"
		done
	fi
	return $status
}

# lab_rxe_crash DIR: print which guest of the pair in DIR died of the
# kernel bug seen in Debian's 6.12 rdma_rxe (an oops in rxe's code, then
# "Kernel panic - not syncing"), without its end marker; false if none.
lab_rxe_crash() {
	local g console
	for g in server client; do
		grep -q '^LAB-END' "$1/$g/results.log" && continue
		console=$(tr -d '\r' <"$1/$g/console.log")
		grep -q 'Kernel panic - not syncing' <<<"$console" && grep -q '\[rdma_rxe\]' <<<"$console" || continue
		echo "$g"
		return 0
	done
	return 1
}

# lab_free_port: a TCP port on 127.0.0.1 nobody listens on now.
lab_free_port() {
	local port
	for _ in $(seq 50); do
		port=$((20000 + RANDOM % 40000))
		ss -Htln "sport = :$port" | grep -q . || { echo "$port"; return; }
	done
	lab_die "no free port found"
}

# lab_prepare: kernel, programs and initramfs; qemu must be able to run.
lab_prepare() {
	command -v qemu-system-x86_64 >/dev/null || lab_die "qemu-system-x86_64 not installed (./build.sh test installs it)"
	[[ -x $SMC_BIN ]] || lab_die "$SMC_BIN missing (build first)"
	lab_kernel
	LAB_WORK=$(mktemp -d "${TMPDIR:-/tmp}/smc-lab.XXXXXX")
	LAB_INITRD=$LAB_WORK/initrd.cpio
	lab_initramfs "$LAB_INITRD"
}

# lab_pair DIR SECONDS SCENARIO SERVER_ROLE CLIENT_ROLE: two guests joined
# by a QEMU socket netdev on 127.0.0.1, the server's eth0 listening. Their
# directories are DIR/server and DIR/client; qemu's statuses go to
# DIR/{server,client}/rc. A guest that ends without its end marker (killed
# at its time limit, crashed, qemu failed) takes its peer down with it: the
# peer would only wait for it until its own time limit, and fail for that.
lab_pair() {
	local dir=$1 secs=$2 scenario=$3 srole=$4 crole=$5 port spid cpid
	port=$(lab_free_port)
	mkdir -p "$dir/server" "$dir/client"
	lab_guest "$dir/server" "$secs" "$scenario" "$srole" \
		-netdev "socket,id=n0,listen=127.0.0.1:$port" -device virtio-net-pci,netdev=n0,mac=52:54:00:5c:00:01 &
	spid=$!
	until ss -Htln "sport = :$port" | grep -q .; do
		kill -0 "$spid" 2>/dev/null || break
		sleep 0.1
	done
	lab_guest "$dir/client" "$secs" "$scenario" "$crole" \
		-netdev "socket,id=n0,connect=127.0.0.1:$port" -device virtio-net-pci,netdev=n0,mac=52:54:00:5c:00:02 &
	cpid=$!
	while kill -0 "$spid" 2>/dev/null && kill -0 "$cpid" 2>/dev/null; do
		sleep 1
	done
	lab_peer_gone "$dir" server client
	lab_peer_gone "$dir" client server
	wait "$spid" "$cpid"
}

# lab_guest DIR ARGS...: lab_boot DIR ARGS..., its status to DIR/rc.
lab_guest() {
	local rc=0
	lab_boot "$@" || rc=$?
	echo "$rc" >"$1/rc"
}

# lab_peer_gone DIR GONE OTHER: if guest GONE has ended without its end
# marker while OTHER still runs, stop OTHER's qemu (once it has written its
# pidfile) and note why.
lab_peer_gone() {
	local dir=$1 gone=$2 other=$3
	[[ -f $dir/$gone/rc && ! -f $dir/$other/rc ]] || return 0
	grep -q '^LAB-END' "$dir/$gone/results.log" && return 0
	until [[ -s $dir/$other/qemu.pid || -f $dir/$other/rc ]]; do
		sleep 0.1
	done
	[[ -f $dir/$other/rc ]] && return 0
	echo "its peer, the $gone, ended without its end marker" >"$dir/$other/stopped"
	kill -TERM "$(cat "$dir/$other/qemu.pid")" 2>/dev/null || true
}

# lab_cleanup: remove the work directory unless LAB_KEEP is set.
lab_cleanup() {
	if [[ -n ${LAB_KEEP:-} ]]; then
		echo "lab: guests' files kept in $LAB_WORK" >&2
	else
		rm -rf "$LAB_WORK"
	fi
}
