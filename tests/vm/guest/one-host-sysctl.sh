# SPDX-License-Identifier: GPL-2.0-or-later
# The kernel's SMC sysctls, for the host to compare with af_smc(7)
# (tests/vm/sysctls; sourced by one-host.sh once smc is loaded).
if ls /proc/sys/net/smc >/out/sysctls 2>/dev/null && [ -s /out/sysctls ]; then
	ok "/proc/sys/net/smc lists $(wc -l </out/sysctls) sysctls"
else
	nok "/proc/sys/net/smc lists sysctls" "nothing there"
fi
