# SPDX-License-Identifier: GPL-2.0-or-later
# The benchmarks inside a lab guest (busybox sh), run by bench/lab. Figures
# go to fd 3 as "# NAME: VALUE" lines; "ok - ..." lines say a step ran.
# Sizes: role "small" for a quick look, "full" for the published figures.
. /lab/lib.sh
load_smc
# Role "libc": only the musl against glibc comparison at the end.
if [ "$1" = small ]; then
	calls="20 50" churn="2000 5000" scale="90:5 900:50" libc_pair="90:5"
else
	calls="100 1000" churn="20000 200000" scale="800:100 8000:1000" libc_pair="9000:500"
fi
[ "$1" = libc ] && calls= churn= scale=
fig() { echo "# $1: $2" >&3; echo "# $1: $2"; }

# held LISTENERS:CONNECTIONS CMD...: run CMD while a program under smc run
# holds that many SMC sockets (its "ready N" line in /tmp/hold.out).
held() {
	pair=$1
	shift
	smc run sockets hold "${pair%:*}" "${pair#*:}" >/tmp/hold.out 2>&1 &
	holder=$!
	for _ in $(seq 600); do
		grep -q ready /tmp/hold.out && break
		kill -0 $holder 2>/dev/null || break
		sleep 1
	done
	if grep -q ready /tmp/hold.out; then
		"$@"
		ok "bench: $* over $(cat /tmp/hold.out)"
	else
		nok "bench: $* over $pair" "holder did not get ready: $(cat /tmp/hold.out)"
	fi
	kill $holder
	wait $holder
}

# smcr stats against /bin/true, both run by the same loop.
for n in $calls; do
	for cmd in "/bin/true" "smcr stats" "smcr -d stats json"; do
		fig "loop $n $cmd" "$(loop "$n" $cmd)"
	done
done
for cmd in "smcr stats" "smcr -d stats json"; do
	strace -f -o /tmp/trace $cmd >/dev/null
	fig "syscalls $cmd" "$(wc -l </tmp/trace) total, $(grep -c 'socket(AF_NETLINK' /tmp/trace) netlink socket, $(grep -c '^[0-9]* *sendto(' /tmp/trace) requests, $(grep -c '^[0-9]* *recvmsg(' /tmp/trace) reads"
done
ok "bench: smcr stats"

# Preload overhead: TCP sockets turned into AF_SMC by the library, and by
# smc run's seccomp supervisor, against a program making AF_SMC sockets
# itself, alternated three times (the median of each), plain TCP once for
# scale.
ns() { "$@" | awk '{ print $1 }'; }
median() { tr ' ' '\n' | sort -n | sed -n 2p; }
for n in $churn; do
	fig "churn $n tcp" "$(ns sockets churn "$n" tcp) ns per socket"
	direct= preload= seccomp=
	for _ in 1 2 3; do
		direct="$direct $(ns sockets churn "$n" smc)"
		preload="$preload $(ns smc run sockets churn "$n" tcp)"
		seccomp="$seccomp $(ns smc run -m seccomp sockets churn "$n" tcp)"
	done
	fig "churn $n smc direct" "$(echo $direct | median) ns per socket (runs:$direct)"
	fig "churn $n smc preload" "$(echo $preload | median) ns per socket (runs:$preload)"
	fig "churn $n ratio" "$(awk -v p="$(echo $preload | median)" -v d="$(echo $direct | median)" 'BEGIN { printf "%.3f", p / d }')"
	fig "churn $n smc seccomp" "$(echo $seccomp | median) ns per socket (runs:$seccomp)"
	fig "churn $n seccomp ratio" "$(awk -v s="$(echo $seccomp | median)" -v d="$(echo $direct | median)" 'BEGIN { printf "%.3f, %+.1f us per socket", s / d, (s - d) / 1000 }')"
done
ok "bench: socket churn"

# smcss -a over many SMC sockets held by a program under smc run.
smcss_figure() { fig "smcss $(cat /tmp/hold.out) sockets" "$(smcss -a | wc -l) lines; $(loop 5 smcss -a)"; }
for pair in $scale; do
	held "$pair" smcss_figure
done

# musl against glibc: the same commands from /bin/smc and from
# /bin/smc-glibc (smc linked against glibc, added by bench/lab), run by the
# same loop, four rounds, each side first in two; loop prints the mean time
# and peak RSS.
libc_smcss() {
	for order in "smc smc-glibc" "smc-glibc smc" "smc smc-glibc" "smc-glibc smc"; do
		for smc in $order; do
			fig "libc $smc smcss -a, $(cat /tmp/hold.out) sockets" "$(loop 5 $smc smcss -a)"
		done
	done
}
if [ -x /bin/smc-glibc ]; then
	for order in "smc smc-glibc" "smc-glibc smc" "smc smc-glibc" "smc-glibc smc"; do
		for cmd in /bin/true "${order%% *} smcr stats" "${order#* } smcr stats"; do
			fig "libc loop 200 $cmd" "$(loop 200 $cmd)"
		done
	done
	held "$libc_pair" libc_smcss
fi
