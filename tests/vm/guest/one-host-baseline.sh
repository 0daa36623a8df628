# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by one-host.sh: where `stats reset` keeps its baseline for root
# with another user's HOME and XDG_RUNTIME_DIR (sudo -E), and with a
# read-only home and no XDG_RUNTIME_DIR (a read-only root). The guest has no
# /run/user/0, so root's own place is /tmp/smc-0.
total='^  Total connections handled +[0-9]+$'
mkdir -p /home/u /run/user/1000
chown 1000:1000 /home/u /run/user/1000
chmod 0700 /run/user/1000
rm -rf /tmp/smc-0

foreign_env() { env HOME=/home/u XDG_RUNTIME_DIR=/run/user/1000 "$@"; }
# nothing_in_user_dirs NAME: ok if /home/u and /run/user/1000 are still empty.
nothing_in_user_dirs() {
	left=$(find /home/u /run/user/1000 -mindepth 1)
	[ -z "$left" ] && ok "$1" || nok "$1" "made: $left"
}
expect_ok "foreign HOME: smcr -d stats, no note" "$total" foreign_env smcr -d stats
nothing_in_user_dirs "foreign HOME: show made nothing in the user's directories"
[ ! -e /tmp/smc-0 ] && ok "foreign HOME: show made no directory of root's" ||
	nok "foreign HOME: show made no directory of root's" "/tmp/smc-0 exists"
expect_ok "foreign HOME: smcr stats reset" "$total" foreign_env smcr stats reset
nothing_in_user_dirs "foreign HOME: reset made nothing in the user's directories"
[ "$(stat -c %u:%a /tmp/smc-0 2>&1)" = 0:700 ] && ls /tmp/smc-0/stats-net* >/dev/null 2>&1 &&
	ok "foreign HOME: the baseline is in root's /tmp/smc-0, mode 0700" ||
	nok "foreign HOME: the baseline is in root's /tmp/smc-0, mode 0700" "$(ls -la /tmp/smc-0 2>&1)"
expect_ok "foreign HOME: smcr -d stats reads it, no note" "$total" foreign_env smcr -d stats

rm -rf /tmp/smc-0
mkdir -p /mnt/ro
mount -t tmpfs -o ro,mode=0755 tmpfs /mnt/ro
read_only_env() { env -u XDG_RUNTIME_DIR -u XDG_CACHE_HOME HOME=/mnt/ro "$@"; }
expect_ok "read-only home: smcr -d stats, no note" "$total" read_only_env smcr -d stats
expect_ok "read-only home: smcr stats reset" "$total" read_only_env smcr stats reset
ls /tmp/smc-0/stats-net* >/dev/null 2>&1 && ok "read-only home: the baseline is in /tmp/smc-0" ||
	nok "read-only home: the baseline is in /tmp/smc-0" "$(ls -la /tmp/smc-0 2>&1)"
expect_ok "read-only home: smcr -d stats after the reset, no note" "$total" read_only_env smcr -d stats

umount /mnt/ro
rm -rf /tmp/smc-0 /home/u /run/user
