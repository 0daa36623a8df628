#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The same mistake gets the same words from every applet. Each case lists
# the applet's message, which must be exactly one of these forms:
#   APPLET: option "-V" is unknown, try "APPLET HELP"
#   APPLET: KIND "WORD" is unknown, try "APPLET HELP"     (also: is ambiguous)
#   APPLET: extra argument "X", try "APPLET HELP"
#   APPLET: missing WHAT [after "OPTION"], try "APPLET HELP"
# and the HELP it names must print the applet's usage.
. "$(dirname "$0")/lib.sh"
export LC_ALL=C

# same FORM ARGS...: the message of "$SMC" ARGS... in FORM (an extended
# regex between "APPLET: " and ', try "APPLET HELP"').
same() {
	local form=$1 app=smc name help
	shift
	name="$form: smc $*"
	case $1 in smcd | smcr | smcss | smc_pnet | smc_run | smc_rnics | smc_chk | smc_dbg) app=$1 ;; esac
	run "$SMC" "$@"
	echo "# $ERR"
	if [[ $RC -ne 1 || -n $OUT ]]; then nok "$name" "status $RC, stdout: ${OUT:0:100}"; return; fi
	if ! [[ $ERR =~ ^$app:\ $form,\ try\ \"$app\ ([^\"]+)\"$ ]]; then nok "$name" "got: $ERR"; return; fi
	help=${BASH_REMATCH[-1]}
	# shellcheck disable=SC2086 # HELP may be two words ("stats help")
	run "$SMC" $([[ $app == smc ]] || echo "$app") $help
	if [[ $RC -eq 0 && ${OUT#$'\n'} == Usage:* ]]; then ok "$name"
	else nok "$name" "\"$app $help\" does not print a usage (status $RC)"; fi
}

unknown_option='option "(-V|--bogus)" is unknown'
for args in "-V" "--bogus"; do
	same "$unknown_option" "$args"
	same "$unknown_option" --install "$args" /tmp
	for app in smcd smcr smcss smc_pnet smc_run smc_rnics smc_chk smc_dbg; do
		same "$unknown_option" $app "$args"
	done
	same "$unknown_option" smcr -d "$args" stats
	same "$unknown_option" smc_pnet -s "$args"
	same "$unknown_option" smc_run -d "$args" true
done
same "$unknown_option" smcss -aV
same "$unknown_option" smc_pnet -sV
same "$unknown_option" smc_run -dV true

extra='extra argument "X"'
same "$extra" --list X
same "$extra" --help X
same "$extra" --version X
same "$extra" --install /tmp X
# "smcd help X" prints the usage, as smc-tools does; "linkgroup show X" is
# a link group ID filter.
for tech in smcd smcr; do
	for obj in info device stats ueid handshake-limit; do
		same "$extra" $tech $obj show X
		same "$extra" $tech $obj help X
	done
	same "$extra" $tech linkgroup show 100 X
	same "$extra" $tech linkgroup help X
	same "$extra" $tech ueid add A X
	same "$extra" $tech linkgroup show all X
done
same "$extra" smcss X
same "$extra" smcss -a X
same "$extra" smc_pnet -s NET1 X
same "$extra" smc_rnics 1 X
same "$extra" smc_chk -C 198.18.0.1 X
same "$extra" smc_dbg X

missing='missing [A-Za-z]+( after "[^"]+")?'
same "$missing"
same "$missing" --install
for tech in smcd smcr; do
	same "$missing" $tech
	same "$missing" $tech -d
	same "$missing" $tech ueid add
	same "$missing" $tech ueid del
done
same "$missing" smcr linkgroup show netdev
same "$missing" smcr device ibdev
same "$missing" smc_run
same "$missing" smc_run -d
same "$missing" smc_run -r
same "$missing" smc_run -t
same "$missing" smc_pnet -a NET1 -I
same "$missing" smc_pnet -a NET1 --ibdevice
same "$missing" smc_rnics -e
same "$missing" smc_run -m
same "$missing" smc_chk -C
same "$missing" smc_chk -p

word='[a-z ]+ "[^"]*" is (unknown|ambiguous)'
same "$word" bogus
for tech in smcd smcr; do
	same "$word" $tech bogus
	same "$word" $tech stats bogus
	same "$word" $tech ueid bogus
	# (a linkgroup word is an LG-ID filter, as in smc-tools)
	for obj in info device handshake-limit; do
		same "$word" $tech $obj bogus
	done
done
