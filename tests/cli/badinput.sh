#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Malformed command lines, one table across every applet. Each case must
# exit with status 1 (smc run: 127 or 126 as $WANT_RC for a PROGRAM not
# found or not executable, as env and the shells), print nothing on stdout and exactly one line on
# stderr that holds the case's NEEDLE (the bad argument, or what is
# missing), with no sanitizer report. None of them may reach the kernel:
# the same table passes with or without the SMC module.
. "$(dirname "$0")/lib.sh"
export LC_ALL=C

long=$(printf 'X%.0s' {1..5000})	# far beyond any name or buffer
long40=${long:0:40}			# what a message keeps of it
utf8=$'g\xc3\xa4rbage'			# non-ASCII, valid UTF-8
latin1=$'g\xe4rbage'			# non-ASCII, not UTF-8
ctrl=$'two\nlines'			# a control character: still one line
ctrl_shown='two\x0alines'		# ... shown escaped
cases=0
: >"$TMP/not-executable"

# bad NEEDLE ARGS...: run "$SMC" ARGS... and check the rules above.
bad() {
	local needle=$1 name
	shift
	cases=$((cases + 1))
	name="bad input $cases: smc $(printf '%q ' "$@" | cut -c 1-80)"
	run "$SMC" "$@"
	if [[ $RC -ne ${WANT_RC:-1} ]]; then nok "$name" "exit status $RC, want ${WANT_RC:-1} (stderr: ${ERR:0:300})"
	elif [[ -n $OUT ]]; then nok "$name" "stdout not empty: ${OUT:0:200}"
	elif grep -Eq 'Sanitizer|runtime error:' <<<"$ERR"; then nok "$name" "sanitizer report: ${ERR:0:300}"
	elif [[ -z $ERR || $(printf '%s\n' "$ERR" | wc -l) -ne 1 ]]; then nok "$name" "want one stderr line, got: ${ERR:0:300}"
	elif [[ $ERR != *"$needle"* ]]; then nok "$name" "stderr \"${ERR:0:300}\" does not name \"${needle:0:60}\""
	else ok "$name"; fi
}

# --- smc itself ---------------------------------------------------------
bad "missing applet"
bad '"bogus"' bogus
bad '"--bogus"' --bogus
bad '"-x"' -x
bad '""' ""
bad "\"$utf8\"" "$utf8"
bad "\"$latin1\"" "$latin1"
bad "$ctrl_shown" "$ctrl"
bad "$long40" "$long"
bad '"smc_run2"' smc_run2
bad '"SMCD"' SMCD
bad '"extra"' --list extra
bad '"extra"' --help extra
bad '"extra"' --version extra
bad '"extra"' -v extra
bad "missing DIR" --install
bad "missing DIR" --install -s -f
bad '"-x"' --install -x /tmp
bad '"b"' --install a b
bad '"--force"' --install --force /tmp

# --- smcd and smcr: options and objects --------------------------------
for tech in smcd smcr; do
	bad "missing object" $tech
	bad "missing object" $tech -d
	bad "missing object" $tech -a -j
	bad '"-x"' $tech -x info
	bad '"-dx"' $tech -dx info
	bad '"--bogus"' $tech --bogus info
	bad "\"-$utf8\"" $tech "-$utf8" info
	bad '"bogus"' $tech bogus
	bad '""' $tech ""
	bad "\"$utf8\"" $tech "$utf8"
	bad "$long40" $tech "$long"
	bad "$ctrl_shown" $tech "$ctrl"
	bad '"INFO"' $tech INFO
	bad '"infos"' $tech infos
	bad '"show"' $tech info show show
	bad '"extra"' $tech info extra
	bad '"extra"' $tech linkgroup show 100 extra
	bad '"100"' $tech linkgroup all 100
	bad '"---d"' $tech ---d info
	bad '"bogus"' $tech device bogus
	bad '"extra"' $tech device show all extra
	bad '"bogus"' $tech stats bogus
	bad '""' $tech stats ""
	bad '"extra"' $tech stats show extra
	bad '"extra"' $tech stats reset extra
	bad '"extra"' $tech stats json extra
	bad '"extra"' $tech stats help extra
	bad "\"$utf8\"" $tech stats "$utf8"
	bad '"bogus"' $tech ueid bogus
	bad '""' $tech ueid ""
	bad 'missing UEID after "add"' $tech ueid add
	bad 'missing UEID after "del"' $tech ueid del
	bad '"B"' $tech ueid add A B
	bad '"B"' $tech ueid del A B
	bad '"extra"' $tech ueid flush extra
	bad '"extra"' $tech ueid show extra
	bad '"abc"' $tech ueid add abc
	bad '"AB_C"' $tech ueid add AB_C
	bad '".ABC"' $tech ueid add .ABC
	bad '"-ABC"' $tech ueid add -- -ABC
	bad "UEID is empty" $tech ueid add ""
	bad "UEID is empty" $tech ueid add "   "
	bad "\"${long:0:33}" $tech ueid add "${long:0:33}"
	bad "\"$long40" $tech ueid add "$long"
	bad '"A B"' $tech ueid add "A B"
	bad "byte 0xc3" $tech ueid add "G${utf8:1}"
	bad "byte 0xe4" $tech ueid del "G${latin1:1}"
	bad '\x0a' $tech ueid add $'A\nB'
	bad '"a.b"' $tech ueid del a.b
	bad "consecutive dots ('..')" $tech ueid add A..B
	bad "consecutive dots ('..')" $tech ueid del SMC..X
	bad '"bogus"' $tech hslimit bogus
	bad '"extra"' $tech handshake-limit show extra
	bad '"all"' $tech info all
done

bad 'seid: the system EID is SMC-D only' smcr seid
bad 'seid: the system EID is SMC-D only' smcr seid show
bad '"bogus"' smcd seid bogus
bad '"extra"' smcd seid show extra
bad '"enable"' smcd seid show enable
bad '"eth0"' smcd linkgroup show netdev eth0
bad '"ibdev"' smcd device show ibdev mlx5_0
bad "NETDEV" smcr linkgroup show netdev
bad "IBDEV" smcr linkgroup show ibdev
bad "NETDEV" smcr device show netdev
bad "IBDEV" smcr device ibdev
bad '"extra"' smcr device show netdev eth0 extra
bad '"extra"' smcr linkgroup show ibdev mlx5_0 extra
bad "\"$long40" smcr device show netdev "$long"
bad "\"$long40" smcr linkgroup show ibdev "$long"
bad '""' smcr device show netdev ""
bad '""' smcr linkgroup ibdev ""

# --- smc_rnics ------------------------------------------------------------
bad '"-x"' smc_rnics -x
bad '"--bogus"' smc_rnics --bogus
bad 'missing FID after "-e"' smc_rnics -e
bad 'missing FID after "--disable"' smc_rnics --disable
bad '"zz" is not a valid FID' smc_rnics -e zz
bad '"123456789" is not a valid FID' smc_rnics -d 123456789
bad '"-1" is not a valid FID' smc_rnics -- -1
bad '"g1" is not a valid FID' smc_rnics g1
bad 'extra argument "2"' smc_rnics 1 2
bad "only one of -d and -e" smc_rnics -e 1 -d 2
bad 'extra argument "5"' smc_rnics -e 1 5
bad "\"$long40" smc_rnics "$long"

# --- smc run / smc_run ---------------------------------------------------
for run in run smc_run; do
	bad "missing PROGRAM" $run
	bad "missing PROGRAM" $run -d
	bad "missing PROGRAM" $run -r 64k -t 64k
	bad "missing PROGRAM" $run --
	bad '"-x"' $run -x true
	bad '"--bogus"' $run --bogus true
	bad 'missing SIZE after "-r"' $run -r
	bad 'missing SIZE after "-t"' $run -t
	bad '"abc"' $run -r abc true
	bad '"12q"' $run -t 12q true
	bad '""' $run -r "" true
	bad '"0"' $run -r 0 true
	bad '"-1"' $run -t -1 true
	bad '"+8k"' $run -r +8k true
	bad '" 8k"' $run -r " 8k" true
	bad '"8k "' $run -t "8k " true
	bad '"8kk"' $run -r 8kk true
	bad '"8g"' $run -r 8g true
	bad '"2048m"' $run -t 2048m true
	bad '"2097152k"' $run -r 2097152k true
	bad '"2147483648"' $run -t 2147483648 true
	bad '"99999999999999999999"' $run -r 99999999999999999999 true
	bad '"18446744073709551617"' $run -t 18446744073709551617 true
	bad '"0x100"' $run -r 0x100 true
	bad '"1e6"' $run -t 1e6 true
	bad "\"$utf8\"" $run -r "$utf8" true
	bad "$long40" $run -t "$long" true
	WANT_RC=127 bad '/nonexistent/program' $run /nonexistent/program
	WANT_RC=127 bad '"no-such-program-here"' $run no-such-program-here
	WANT_RC=127 bad '""' $run ""
	WANT_RC=127 bad "\"$utf8\"" $run "$utf8"
	WANT_RC=126 bad "$TMP/not-executable" $run "$TMP/not-executable"
	WANT_RC=126 bad "/" $run /
	WANT_RC=127 bad "$long40" $run "$long"
done

# --- smcss ----------------------------------------------------------------
for ss in ss smcss; do
	bad '"-x"' $ss -x
	bad '"--bogus"' $ss --bogus
	bad '"--smc"' $ss --smc
	bad '"extra"' $ss extra
	bad '"extra"' $ss -a extra
	bad '""' $ss ""
	bad "\"$utf8\"" $ss "$utf8"
	bad '"-Z"' $ss -aZ
	bad "--smcr" $ss -D -R
	bad "--listening" $ss -l -a
	bad "--listening" $ss -l -d
	bad "--listening" $ss -l --smcr
	bad "--listening" $ss --listening --smcd
	bad '"--all=1"' $ss --all=1
done

# --- smc_pnet ---------------------------------------------------------------
for pnet in pnet smc_pnet; do
	bad '"-x"' $pnet -x
	bad '"--bogus"' $pnet --bogus
	bad '"-I"' $pnet -a NET1 -I
	bad '"-D"' $pnet -a NET1 -D
	bad '"-P"' $pnet -a NET1 -D mlx5_0 -P
	bad '"--interface"' $pnet -a NET1 --interface
	bad '"3"' $pnet -a NET1 -D mlx5_0 -P 3
	bad '"0"' $pnet -a NET1 -D mlx5_0 -P 0
	bad '"256"' $pnet -a NET1 -D mlx5_0 -P 256
	bad '"4294967297"' $pnet -a NET1 -D mlx5_0 -P 4294967297
	bad '"1x"' $pnet -a NET1 -D mlx5_0 -P 1x
	bad '""' $pnet -a NET1 -D mlx5_0 -P ""
	bad '"-1"' $pnet -a NET1 -D mlx5_0 -P -1
	bad '"eth1"' $pnet -a NET1 -I eth0 -I eth1
	bad '"mlx5_1"' $pnet -a NET1 -D mlx5_0 -D mlx5_1
	bad '"2"' $pnet -a NET1 -D mlx5_0 -P 1 -P 2
	bad '"eth1"' $pnet -a NET1 --interface eth0 -I eth1
	bad "-d" $pnet -a -d NET1
	bad "-f" $pnet -s -f
	bad "needs a PNETID" $pnet -a -I eth0
	bad "needs a PNETID" $pnet -d
	bad '"NET2"' $pnet -s NET1 NET2
	bad '"NET1"' $pnet NET1
	bad "-f takes no PNETID" $pnet -f NET1
	bad "-a needs an interface" $pnet -a NET1
	bad "-I, -D and -P go only with -a" $pnet -d NET1 -I eth0
	bad "-I, -D and -P go only with -a" $pnet -s -D mlx5_0
	bad "-P needs a device" $pnet -a NET1 -I eth0 -P 1
	bad "-j goes only with showing" $pnet -a NET1 -I eth0 -j
	bad "-j goes only with showing" $pnet -f -j
	bad '"NET-1"' $pnet -a NET-1 -I eth0
	bad '"NET 1"' $pnet -s "NET 1"
	bad '"net_1"' $pnet -d net_1
	bad '"ABCDEFGHIJKLMNOPQ"' $pnet -a ABCDEFGHIJKLMNOPQ -I eth0
	bad "\"$long40" $pnet -s "$long"
	bad '""' $pnet -s ""
	bad "\"$utf8\"" $pnet -d "$utf8"
	bad '\x0a' $pnet -s $'NET\n1'
	bad '""' $pnet -a NET1 -I ""
	bad '""' $pnet -a NET1 -D ""
	bad '"0123456789abcdef"' $pnet -a NET1 -I 0123456789abcdef
	bad "\"$long40" $pnet -a NET1 -D "$long"
	bad '"eth0/1"' $pnet -a NET1 -I eth0/1
	bad '"eth 0"' $pnet -a NET1 -I "eth 0"
done

[[ $cases -ge 200 ]] && ok "bad input: $cases cases in the table" || nok "bad input: at least 200 cases" "only $cases"
