#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# smc run must not harm the process tree it runs: descendants with closed,
# reused or redirected descriptors get the same library by a path valid for
# the whole tree, never another file; no descriptor of smc's stays in the
# program; the private copy of the embedded library; nested smc run. No
# AF_SMC on this host: the library falls back to TCP.
. "$(dirname "$0")/lib.sh"
. tests/progs/progs.sh

marker=$PROGS/libmarker.so
# XDG_RUNTIME_DIR of our own: the embedded copy goes where this test looks.
xdg=$TMP/xdg
mkdir -m 0700 "$xdg"
export XDG_RUNTIME_DIR=$xdg
unset SMC_PRELOAD_LIB LD_PRELOAD SMC_DEBUG
copy_re="^$xdg/smc/libsmc-preload-[0-9.]+-[0-9a-f]{16}\.so\$"

# same NAME WANT: $OUT is WANT, status 0, nothing on stderr.
same() {
	[[ $RC -eq 0 && $OUT == "$2" && -z $ERR ]] && ok "$1" || nok "$1" "rc=$RC out=$OUT err=$ERR"
}

# --- the examples of the issue, each one as it was reported ---------------
OUT=$("$SMC" run sh -c 'echo hello | cat' 2>"$TMP/err" <&-) RC=$? ERR=$(cat "$TMP/err")
same "stdin closed: a pipeline's cat reads the pipe, not as a library" hello
run "$SMC" run bash -c 'while read -u 3 l; do echo "got $l" | cat; done 3< <(printf "a\nb\nc\n")'
same "a loop reading fd 3 keeps its input from the cats it starts" $'got a\ngot b\ngot c'
run timeout 5 bash -c '"$1" run bash -c "exec 3>&1; /bin/echo hi" | cat' sh "$SMC"
same "a program with fd 3 on its own pipe does not hang (timeout 5)" hi
run "$SMC" run python3 -c 'import subprocess; subprocess.run(["true"], check=True)'
same "python3 subprocess (descriptors closed): no loader error" ""

# A daemon closes its descriptors, opens a client's file (fd 3: here a
# valid library, libmarker.so) and runs system(): the shell it starts must
# load ours, not the client's file.
if need "$marker"; then
	run "$SMC" run python3 -c '
import os, sys
os.closerange(3, 1024)
fd = os.open(sys.argv[1], os.O_RDONLY)
os.set_inheritable(fd, True)
print("fd", fd, flush=True)
os.system("cat /proc/self/maps")' "$marker"
	[[ $RC -eq 0 && $(head -n 1 <<<"$OUT") == "fd 3" && $OUT == *libsmc-preload* && $OUT != *libmarker* && -z $ERR ]] &&
		ok "a daemon's system() after opening a client's file on fd 3 loads our library, not the file" ||
		nok "a daemon's system() after opening a client's file on fd 3 loads our library, not the file" \
			"rc=$RC $(grep -E 'fd |libsmc|libmarker' <<<"$OUT") $ERR"
fi
run "$SMC" run python3 -c 'import subprocess; subprocess.run(["cat", "/proc/self/maps"], check=True)'
[[ $RC -eq 0 && $OUT == *libsmc-preload* && -z $ERR ]] && ok "python3 subprocess's child has the library" ||
	nok "python3 subprocess's child has the library" "rc=$RC err=$ERR"

# No descriptor of smc's in the program: the same ones as without smc run.
fds() {
	run "$@" sh -c 'exec ls -l /proc/self/fd/' && OUT=$(awk '{ print $9, $10, $11 }' <<<"$OUT" | tr -s 0-9 N)
}
fds env
without=$OUT
fds "$SMC" run
[[ $RC -eq 0 && $OUT == "$without" && $OUT != *memfd* ]] &&
	ok "no descriptor of smc's left open in the program" ||
	nok "no descriptor of smc's left open in the program" "$(diff <(echo "$without") <(echo "$OUT") | tr '\n' ' ')"

# --- the private copy of the embedded library --------------------------------
run "$SMC" run -d sh -c 'echo "$LD_PRELOAD"'
path=$OUT
[[ $RC -eq 0 && $path =~ $copy_re ]] && ok "LD_PRELOAD is the embedded copy in \$XDG_RUNTIME_DIR/smc" ||
	nok "LD_PRELOAD is the embedded copy in \$XDG_RUNTIME_DIR/smc" "rc=$RC $OUT"
[[ $ERR == *"smc_run: preloading $path (the copy embedded in smc, in a private directory)"* ]] &&
	ok "-d names the private copy" || nok "-d names the private copy" "$ERR"
cmp -s "$path" "$LIB" && ok "the private copy is the library" || nok "the private copy is the library" "differs or missing"
[[ $(stat -c %a "$xdg/smc") == 700 && $(stat -c %a "$path") == 444 && $(stat -c %u "$path") == "$EUID" ]] &&
	ok "private directory 0700, copy 0444, owned by the caller" ||
	nok "private directory 0700, copy 0444, owned by the caller" "$(stat -c '%a %u %n' "$xdg/smc" "$path")"
run "$SMC" run sh -c 'echo "$LD_PRELOAD"'
[[ $OUT == "$path" && $(ls -A "$xdg/smc" | wc -l) -eq 1 ]] && ok "a second run uses the same file, writes no other" ||
	nok "a second run uses the same file, writes no other" "$OUT $(ls -A "$xdg/smc")"
chmod 644 "$path" && printf 'garbage' >"$path" && chmod 444 "$path"
run "$SMC" run true
cmp -s "$path" "$LIB" && ok "a damaged copy is checked and replaced" || nok "a damaged copy is checked and replaced" "differs"

# A private directory that is not private is passed over.
mkdir -m 0755 "$TMP/open" "$TMP/open/smc"
run env XDG_RUNTIME_DIR="$TMP/open" TMPDIR="$TMP" "$SMC" run sh -c 'echo "$LD_PRELOAD"'
[[ $OUT == "$TMP/smc-$EUID/libsmc-preload-"* && -z $(ls -A "$TMP/open/smc") ]] &&
	ok "a private directory open to others is passed over (\$TMPDIR/smc-UID)" ||
	nok "a private directory open to others is passed over (\$TMPDIR/smc-UID)" "$OUT"
mkdir -m 0777 "$TMP/ww"
run env XDG_RUNTIME_DIR="$TMP/ww" TMPDIR="$TMP" "$SMC" run sh -c 'echo "$LD_PRELOAD"'
[[ $OUT == "$TMP/smc-$EUID/libsmc-preload-"* && ! -e $TMP/ww/smc ]] &&
	ok "a parent others may write in (not sticky) is passed over" ||
	nok "a parent others may write in (not sticky) is passed over" "$OUT"
mkdir -m 0700 "$TMP/symparent" && ln -s "$xdg/smc" "$TMP/symparent/smc"
run env XDG_RUNTIME_DIR="$TMP/symparent" TMPDIR="$TMP" "$SMC" run sh -c 'echo "$LD_PRELOAD"'
[[ $OUT == "$TMP/smc-$EUID/libsmc-preload-"* ]] && ok "a symbolic link as the private directory is passed over" ||
	nok "a symbolic link as the private directory is passed over" "$OUT"

# Nowhere to write the copy (read-only /tmp and /dev/shm, no
# XDG_RUNTIME_DIR): the program runs without the library, -d says why.
if [[ $EUID -eq 0 ]] && unshare -m true 2>/dev/null; then
	run unshare -m sh -c 'mount -t tmpfs -o ro tmpfs /tmp && mount -t tmpfs -o ro tmpfs /dev/shm &&
		exec env -u XDG_RUNTIME_DIR -u TMPDIR "$1" run -d sh -c "echo \"[\$LD_PRELOAD]\""' sh "$SMC"
	[[ $RC -eq 0 && $OUT == "[]" && $ERR == *"smc_run: not preloading libsmc-preload.so: no private directory"* ]] &&
		ok "no private directory: the program runs without the library, -d says so" ||
		nok "no private directory: the program runs without the library, -d says so" "rc=$RC $OUT $ERR"
	run unshare -m sh -c 'mount -t tmpfs -o noexec tmpfs "$2" &&
		exec env XDG_RUNTIME_DIR="$2" TMPDIR="$3" "$1" run sh -c "echo \"\$LD_PRELOAD\""' sh "$SMC" "$xdg" "$TMP"
	[[ $OUT == "$TMP/smc-$EUID/libsmc-preload-"* ]] && ok "a noexec file system is passed over" ||
		nok "a noexec file system is passed over" "$OUT $ERR"
else
	nok "no private directory: the program runs without the library, -d says so" "needs root and unshare -m"
fi

# --- nested smc run ----------------------------------------------------------
# An ASan smc refuses to start after a preloaded library, unless told not to check.
asan="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
run env ASAN_OPTIONS="$asan" "$SMC" run -d -m preload "$SMC" run -d sh -c 'echo "$LD_PRELOAD"; grep -c libsmc-preload /proc/self/maps'
[[ $RC -eq 0 && $(head -n 1 <<<"$OUT") =~ $copy_re && $ERR == *"smc_run: not preloading libsmc-preload.so: a libsmc-preload library is in LD_PRELOAD already"* ]] &&
	ok "smc run under smc run adds the library once" || nok "smc run under smc run adds the library once" "$OUT $ERR"
run env LD_PRELOAD="$TMP/elsewhere/libsmc-preload.so" "$SMC" run sh -c 'echo "$LD_PRELOAD"'
[[ $OUT == "$TMP/elsewhere/libsmc-preload.so" ]] && ok "any libsmc-preload in LD_PRELOAD counts as ours" ||
	nok "any libsmc-preload in LD_PRELOAD counts as ours" "$OUT"

# --- $SMC_PRELOAD_LIB as a relative name --------------------------------------
cp "$LIB" "$TMP/mine.so"
run sh -c 'cd "$1" && SMC_PRELOAD_LIB=mine.so exec "$2" run sh -c "cd / && echo \"\$LD_PRELOAD\" && cat /proc/self/maps"' \
	sh "$TMP" "$(realpath "$SMC")"
[[ $RC -eq 0 && $(head -n 1 <<<"$OUT") == "$TMP/mine.so" && $OUT == *"$TMP/mine.so"* && -z $ERR ]] &&
	ok "a relative \$SMC_PRELOAD_LIB is passed on as an absolute path" ||
	nok "a relative \$SMC_PRELOAD_LIB is passed on as an absolute path" "rc=$RC $(head -n 1 <<<"$OUT") $ERR"
