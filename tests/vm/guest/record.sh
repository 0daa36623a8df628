# SPDX-License-Identifier: GPL-2.0-or-later
# Record SMC kernel replies into /out/SCENARIO/ (tests/fixtures). $1 is the
# recording: idle, fallback, two-hosts-server, two-hosts-client or smcd.
. /lab/lib.sh
UEID=SMC-LAB-UEID

rec() {
	mkdir -p "/out/$1"
	check "record $1" record "/out/$1" all
}

load_smc
case $1 in
idle)
	check "add UEID" record /tmp add_ueid=$UEID
	rec idle
	;;
fallback)
	check "add UEID" record /tmp add_ueid=$UEID
	xfer-smc server 7000 &
	srv=$!
	sleep 0.5
	rec fallback-listen
	xfer-smc client 127.0.0.1 7000 4096 &
	cli=$!
	established 7000 && sleep 1 && kill -STOP $cli
	rec fallback-held
	kill -CONT $cli
	kill $cli $srv
	wait
	xfer-smc server 7001 & sleep 0.5
	check "fallback transfer" xfer-smc client 127.0.0.1 7001 4
	wait
	rec fallback-after
	;;
smcd)
	# The SMC-D lab kernel: SMC-Dv2 over loopback-ism on 127.0.0.1.
	check "add UEID" record /tmp add_ueid=$UEID
	xfer-smc server 7000 &
	srv=$!
	xfer-smc client 127.0.0.1 7000 4096 &
	cli=$!
	established 7000 && sleep 1 && kill -STOP $cli
	rec smcd-loopback-held
	kill -CONT $cli
	kill $cli $srv
	wait
	xfer-smc server 7001 &
	check "SMC-D transfer" xfer-smc client 127.0.0.1 7001 16
	wait
	rec smcd-loopback-after
	;;
two-hosts-server)
	check "softroce" softroce 198.18.0.1
	check "add UEID" record /tmp add_ueid=$UEID
	rec two-hosts-server-listen
	xfer-smc server 7000 &
	nc -l -p 7100 </dev/null >/dev/null
	rec two-hosts-server-held
	check "tell client" nc 198.18.0.2 7101 </dev/null
	wait
	xfer-smc server 7001
	rec two-hosts-server-after
	;;
two-hosts-client)
	check "softroce" softroce 198.18.0.2
	check "add UEID" record /tmp add_ueid=$UEID
	nc -l -p 7101 </dev/null >/dev/null &
	done=$!
	xfer-smc client 198.18.0.1 7000 2048 &
	cli=$!
	established 7000 && sleep 1 && kill -STOP $cli
	rec two-hosts-client-held
	i=0
	while ! nc -w 2 198.18.0.1 7100 </dev/null; do
		i=$((i + 1)); [ $i -lt 50 ] || break; sleep 0.2
	done
	wait $done
	kill -CONT $cli
	kill $cli
	check "transfer" xfer-smc client 198.18.0.1 7001 16
	rec two-hosts-client-after
	;;
esac
