# SPDX-License-Identifier: GPL-2.0-or-later
# `smcd stats prometheus -o FILE` after the SMC-D transfers (sourced by
# smcd.sh): the file is the exposition whole, written beside its final
# name and renamed; a failed write leaves the old file and no temporary.
# The file goes to /out/prometheus for the host's promtool and Prometheus.
PROM=/out/prometheus
mkdir -p "$PROM"
umask 022
expect_ok "smcd stats prometheus -o: nothing on stdout" '' smcd stats prometheus -o "$PROM/smc.prom"
smcd stats prometheus >/tmp/prom-stdout
if cmp -s /tmp/prom-stdout "$PROM/smc.prom"; then ok "stats prometheus -o: the file holds what stdout gets"
else nok "stats prometheus -o: the file holds what stdout gets" "$(diff /tmp/prom-stdout "$PROM/smc.prom" | head -n 5 | tr '\n' '|')"; fi
[ "$(stat -c %a "$PROM/smc.prom")" = 644 ] && ok "stats prometheus -o: mode 644 under umask 022" ||
	nok "stats prometheus -o: mode 644 under umask 022" "mode $(stat -c %a "$PROM/smc.prom")"
grep -q '^smc_request_size_bytes_bucket{technology="smcd",direction="tx",le="+Inf"} [1-9]' "$PROM/smc.prom" &&
	ok "stats prometheus: the SMC-D send sizes counted in the +Inf bucket" ||
	nok "stats prometheus: the SMC-D send sizes counted in the +Inf bucket" "$(grep request_size "$PROM/smc.prom" | head -n 3)"

# A second write replaces the first; a write that fails (its directory is a
# file) leaves no file and no temporary behind.
expect_ok "stats prometheus -o over an existing file" '' smcd stats prometheus -o "$PROM/smc.prom"
: >/tmp/notadir
expect_fail "stats prometheus -o into a file's place: one line" 'cannot create a temporary file beside /tmp/notadir/smc.prom' \
	smcd stats prometheus -o /tmp/notadir/smc.prom
left=$(ls -A "$PROM" | grep -vx smc.prom)
[ -z "$left" ] && ok "stats prometheus -o: no temporary file left" || nok "stats prometheus -o: no temporary file left" "$left"
