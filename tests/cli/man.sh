#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Man pages: mandoc finds nothing worse than style, man-db renders each,
# aliases are links to a page that names them, and every option an applet's
# help lists is in its page and the other way round.
. "$(dirname "$0")/lib.sh"
MAN=$(cd "$(dirname "$0")/../../man" && pwd)

pages=(smc.8 smcd.8 smcr.8 smc_run.8 smcss.8 smc_pnet.8 smc_rnics.8 smc_chk.8 smc_dbg.8 af_smc.7)
objects=(info linkgroup device stats ueid seid handshake-limit)
smcr_objects=(info linkgroup device stats ueid handshake-limit)
for f in "${pages[@]}" "${objects[@]/#/smcd-}" "${smcr_objects[@]/#/smcr-}"; do
	f=${f%.[0-9]}
	[[ -e $MAN/$f.8 || -e $MAN/$f.7 ]] && ok "man page $f exists" || nok "man page $f exists" "missing in man/"
done

# Every page names the version, which is the binary's.
version=$("$SMC" --version | awk '{ print $NF }')
for page in "$MAN"/*.[1-8]; do
	name=${page##*/}
	if [[ -L $page ]]; then
		target=$(readlink "$page")
		if [[ $target == */* || ! -f $MAN/$target ]]; then
			nok "alias $name" "links to $target, not to a page beside it"
		elif ! sed -n '/^\.SH NAME/{n;p;q}' "$MAN/$target" | grep -q "\\b${name%.*}\\b"; then
			nok "alias $name" "$target does not name ${name%.*}"
		else
			ok "alias $name is a link to $target, which names it"
		fi
		continue
	fi
	th=$(sed -n 's/^\.TH [^ ]* [0-9] [^ ]* "\([^"]*\)".*/\1/p' "$page")
	[[ $th == "smc $version" ]] && ok "$name: .TH names smc $version" || nok "$name: .TH names smc $version" "it says \"$th\""
	for section in EXAMPLES "EXIT STATUS"; do
		[[ $name == af_smc.7 ]] && break
		grep -qx "\.SH \"*$section\"*" "$page" && ok "$name has $section" || nok "$name has $section" "no .SH $section"
	done
	lint=$(mandoc -T lint -W style "$page" 2>&1 | grep -v ' STYLE: ')
	[[ -z $lint ]] && ok "mandoc lint $name: nothing above style" || nok "mandoc lint $name" "$lint"
	run env MANWIDTH=80 man -l "$page"
	if [[ $RC -ne 0 || -n $ERR ]]; then nok "man -l $name renders" "rc=$RC: $ERR"
	elif ! grep -q '^NAME' <<<"$OUT" || (($(wc -l <<<"$OUT") < 15)); then nok "man -l $name renders" "no NAME section or too short"
	else ok "man -l $name renders"; fi
done

# options TEXT: the options TEXT mentions, one per line: "-x[yz]" is -x and
# --xyz, a cluster "-abc" is -a, -b and -c.
options() {
	grep -oE -- '(^|[^A-Za-z0-9_-])--?[A-Za-z][A-Za-z-]*(\[[a-z]+\])?' <<<"$1" | sed 's/^[^-]*//' |
		sed -E -e 's/^-([A-Za-z]+)\[([a-z]+)\]$/-\1\n--\1\2/' |
		sed -E -e '/^-[A-Za-z]{2,}$/{s/^-//;s/./-&\n/g;s/\n$//}' | sort -u
}

# page_options PAGE: the options in the tags of PAGE's OPTIONS section.
page_options() {
	options "$(sed -n '/^\.SH OPTIONS/,/^\.SH /p' "$MAN/$1" | sed -n '/^\.TP/{n;p}' | sed 's/\\-/-/g')"
}

# check_options PAGE HELP [EXTRA]: HELP's options are in PAGE; PAGE's are in
# HELP or EXTRA (an applet's global options, which object pages repeat).
check_options() {
	local page=$1 help=$2 extra=${3:-} in_page missing unknown
	in_page=$(page_options "$page")
	missing=$(comm -23 <(options "$help") <(echo "$in_page"))
	unknown=$(comm -23 <(echo "$in_page") <(options "$help$extra" | sort -u))
	[[ -n $in_page || -z $(options "$help") ]] || missing="no OPTIONS tags"
	[[ -z $missing ]] && ok "$page documents every option of the help" ||
		nok "$page documents every option of the help" "$(echo $missing)"
	[[ -z $unknown ]] && ok "$page documents only options of the help" ||
		nok "$page documents only options of the help" "$(echo $unknown)"
}

help_of() { "$SMC" "$@" 2>&1; }
check_options smc.8 "$(help_of --help)"
for app in smcd smcr smc_run smcss smc_pnet smc_rnics smc_chk smc_dbg; do
	check_options "$app.8" "$(help_of "$app" -h)"
done
for obj in "${objects[@]}"; do
	check_options "smcd-$obj.8" "$(help_of smcd "$obj" help)" "$(help_of smcd -h)"
done
for obj in "${smcr_objects[@]}"; do
	check_options "smcr-$obj.8" "$(help_of smcr "$obj" help)" "$(help_of smcr -h)"
done

# The fields and options the smc-tools pages smcd-stats(8) and smc_run(8)
# describe are described here too.
stats=$(MANWIDTH=200 man -l "$MAN/smcd-stats.8" 2>/dev/null)
for field in "Total connections handled" "SMC connections" "Handshake errors" "Avg requests per SMC conn" \
	"TCP fallback" "Data transmitted" "Total requests" "Buffer full" "Buffer full (remote)" "Buffer too small" \
	"Buffer too small (remote)" "Buffer downgrades" "Buffer reuses" "Bufs" "Reqs" "Special socket calls" \
	cork nodelay sendpage splice "urgent data" show reset json "--details" "--absolute"; do
	grep -qF -- "$field" <<<"$stats" && ok "smcd-stats(8) describes $field" || nok "smcd-stats(8) describes $field" "missing"
done
run_page=$(page_options smc_run.8)
for opt in -d -h -r -t -v; do
	grep -qx -- "$opt" <<<"$run_page" && ok "smc_run(8) describes $opt" || nok "smc_run(8) describes $opt" "missing"
done
for word in LD_PRELOAD SMC_SNDBUF SMC_RCVBUF net.core.rmem_max net.core.wmem_max; do
	grep -qF "$word" "$MAN/smc_run.8" && ok "smc_run(8) describes $word" || nok "smc_run(8) describes $word" "missing"
done

# Every environment variable the program reads is in an ENVIRONMENT section
# (PATH is the usual one; SMC_NL_FAULT exists in the sanitizer build only).
top=$(dirname "$0")/../..
read_vars=$(cat "$top"/smc.c "$top"/applets/*.c "$top"/applets/*/*.c "$top"/netlink/*.c "$top"/sysfs/*.c |
	grep -o 'getenv("[A-Z_]*")' | sed 's/getenv("\(.*\)")/\1/' | grep -vx -e PATH -e SMC_NL_FAULT | sort -u)
documented=$(for page in "$MAN"/*.[1-8]; do sed -n '/^\.SH ENVIRONMENT/,/^\.SH /p' "$page"; done)
undocumented=
for var in $read_vars; do
	grep -q "\b$var\b" <<<"$documented" || undocumented+=" $var"
done
[[ -n $read_vars && -z $undocumented ]] && ok "every variable the code reads is in an ENVIRONMENT section: $(echo $read_vars)" ||
	nok "every variable the code reads is in an ENVIRONMENT section" "missing:$undocumented"
