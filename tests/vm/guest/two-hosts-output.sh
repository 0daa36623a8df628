# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by two-hosts.sh while the SMC-R connection is held: the link
# group, link and device lists in text, against a stdout that cannot be
# written (see unwritten.sh).
. /lab/unwritten.sh
unwritten "smcr linkgroup show" "smcr -d linkgroup show" "smcr linkgroup link-show" "smcr -dd linkgroup link-show" \
	"smcr device show" "smcr -d device show" "smcss -R" "smcss -a"
