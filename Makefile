# SPDX-License-Identifier: GPL-2.0-or-later
# smc: one static multicall binary for SMC (AF_SMC) administration.
# `make` builds build/smc (static) and build/libsmc-preload.so;
# `make check` builds everything and runs the whole test suite.

VERSION   := 0.1.0
O         ?= build
CC        ?= cc
PREFIX    ?= /usr/local
DESTDIR   ?=

LIBMNL_A      ?= $(firstword $(wildcard $(O)/deps/usr/lib/*/libmnl.a /usr/lib/*/libmnl.a /usr/lib/libmnl.a /usr/local/lib/libmnl.a))
LIBMNL_CFLAGS ?= $(if $(wildcard $(O)/deps/usr/include/libmnl),-I$(O)/deps/usr/include)

WARN     := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
CPPFLAGS += -I. -D_GNU_SOURCE -DSMC_VERSION='"$(VERSION)"' -DSMC_PREFIX='"$(PREFIX)"' $(LIBMNL_CFLAGS)
CFLAGS   ?= -Os -g0
CFLAGS   += -std=gnu11 $(WARN) -ffunction-sections -fdata-sections
LDFLAGS  += -static -Wl,--gc-sections

# Freestanding code shared by smc and the preload library.
FREE_SRC  := preload/size.c
LIB_SRC   := $(sort $(wildcard netlink/*.c applets/*.c applets/*/*.c)) $(FREE_SRC)
LIB_OBJ   := $(LIB_SRC:%.c=$(O)/obj/%.o)
PRELOAD_SRC := preload/preload.c $(FREE_SRC)

# Sanitizer build: dynamic, ASan+UBSan, used by the unit and CLI tests.
SAN       := $(O)/san
SANFLAGS  := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
# The sanitizer build carries the netlink fault seam (SMC_NL_FAULT in netlink/nl.c).
SANFLAGS  += -DSMC_FAULT_INJECTION
SAN_OBJ   := $(LIB_SRC:%.c=$(SAN)/obj/%.o)
UNIT_SRC  := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(SAN)/tests/%)

.PHONY: all san unit progs check release install uninstall clean size
all: $(O)/smc $(O)/libsmc-preload.so

$(O)/obj/%.o: %.c $(wildcard */*.h */*/*.h) | check-libmnl
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# smc_run looks for the installed library under PREFIX: a PREFIX other than
# the last build's rebuilds it.
$(O)/prefix: FORCE
	@mkdir -p $(@D)
	@echo '$(PREFIX)' | cmp -s - $@ || echo '$(PREFIX)' >$@
$(O)/obj/applets/smc_run.o $(O)/san/obj/applets/smc_run.o: $(O)/prefix
.PHONY: FORCE

$(O)/obj/smc.o: smc.c $(wildcard */*.h */*/*.h)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(O)/obj/embed.o: preload/embed.S $(O)/libsmc-preload.so
	@mkdir -p $(@D)
	$(CC) -c -DPRELOAD_SO='"$(O)/libsmc-preload.so"' -o $@ $<

$(O)/smc: $(O)/obj/smc.o $(O)/obj/embed.o $(LIB_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(LIBMNL_A)
	@file $@ | grep -q 'statically linked' || { echo "error: $@ is not statically linked" >&2; rm -f $@; exit 1; }

# The preload library: freestanding, no libc, no NEEDED entries. Its only
# undefined symbols are environ and __errno_location, which glibc and musl
# both export; the build fails on anything else.
PRELOAD_CFLAGS := -Os -std=gnu11 $(WARN) -ffreestanding -fno-builtin -nostdlib -fno-stack-protector \
                  -fPIC -fvisibility=hidden -fno-asynchronous-unwind-tables -I.
# aarch64: atomics inline, not through libgcc helpers that need getauxval.
PRELOAD_CFLAGS += $(shell $(CC) -mno-outline-atomics -E -x c /dev/null >/dev/null 2>&1 && echo -mno-outline-atomics)
PRELOAD_UNDEF  := __errno_location environ
$(O)/libsmc-preload.so: $(PRELOAD_SRC) $(wildcard preload/*.h)
	@mkdir -p $(@D)
	$(CC) $(PRELOAD_CFLAGS) -shared -s -Wl,--gc-sections -Wl,-z,noseparate-code -Wl,-soname,libsmc-preload.so \
	      -o $@.tmp $(PRELOAD_SRC) -lgcc
	@bad=$$(readelf -d $@.tmp | grep NEEDED; readelf -W --dyn-syms $@.tmp | \
	  awk '$$7 == "UND" && $$8 != "" { sub(/@.*/, "", $$8); print $$8 }' | grep -vxF $(PRELOAD_UNDEF:%=-e %)); \
	  [ -z "$$bad" ] || { echo "error: $@ must need nothing but $(PRELOAD_UNDEF):" $$bad >&2; rm -f $@.tmp; exit 1; }
	mv $@.tmp $@

size: $(O)/smc
	@cp $(O)/smc $(O)/smc.stripped && strip $(O)/smc.stripped
	@echo "build/smc: $$(stat -c %s $(O)/smc.stripped) bytes stripped, $$(stat -c %s $(O)/smc) bytes as built"

release: all
	strip $(O)/smc
	@echo "build/smc: $$(stat -c %s $(O)/smc) bytes stripped"

check-libmnl:
	@test -n "$(LIBMNL_A)" -a -f "$(LIBMNL_A)" || { echo "error: no static libmnl.a found; run ./build.sh (it fetches one) or set LIBMNL_A=/path/libmnl.a" >&2; exit 1; }
.PHONY: check-libmnl

$(SAN)/obj/%.o: %.c $(wildcard */*.h */*/*.h)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -std=gnu11 $(WARN) $(SANFLAGS) -c -o $@ $<

$(SAN)/libsmc.a: $(SAN_OBJ)
	rm -f $@ && ar rcs $@ $^

$(SAN)/smc: $(SAN)/obj/smc.o $(O)/obj/embed.o $(SAN)/libsmc.a
	$(CC) $(SANFLAGS) -o $@ $(SAN)/obj/smc.o $(O)/obj/embed.o $(SAN)/libsmc.a -lmnl

$(SAN)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(SAN)/libsmc.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -std=gnu11 $(WARN) $(SANFLAGS) -o $@ $< $(SAN)/libsmc.a -lmnl

# Programs the CLI tests run under smc_run: plain (a sanitizer runtime
# refuses to follow a preloaded library), against glibc and against musl.
MUSL_CC   ?= $(shell command -v musl-gcc 2>/dev/null)
PROGS     := $(O)/progs/sockcheck-glibc $(O)/progs/libmarker.so $(if $(MUSL_CC),$(O)/progs/sockcheck-musl)
PROG_CFLAGS := -O1 -std=gnu11 $(WARN) -pthread

$(O)/progs/sockcheck-glibc: tests/progs/sockcheck.c
	@mkdir -p $(@D)
	$(CC) $(PROG_CFLAGS) -o $@ $<

$(O)/progs/sockcheck-musl: tests/progs/sockcheck.c
	@mkdir -p $(@D)
	$(MUSL_CC) $(PROG_CFLAGS) -o $@ $<

$(O)/progs/libmarker.so: tests/progs/marker.c
	@mkdir -p $(@D)
	$(CC) -shared -nostdlib -fPIC -o $@ $<

# Many threads' sockets at once under the preload library (tests/cli/preload_storm.sh).
PROGS += $(O)/progs/sockstorm-glibc
$(O)/progs/sockstorm-glibc: tests/progs/sockstorm.c
	@mkdir -p $(@D)
	$(CC) $(PROG_CFLAGS) -o $@ $<

# Statically linked programs for smc_run's seccomp supervisor
# (tests/cli/smc_run_seccomp.sh, and the lab).
PROGS += $(O)/progs/sockcheck-static $(O)/progs/sockstorm-static $(O)/progs/forker-static $(O)/progs/oldkernel-static
$(O)/progs/%-static: tests/progs/%.c
	@mkdir -p $(@D)
	$(CC) $(PROG_CFLAGS) -static -o $@ $<

san: $(SAN)/smc
unit: $(UNIT_BIN)
progs: $(PROGS)

# Programs for the QEMU lab (tests/vm): xfer, a plain TCP program linked
# dynamically against glibc and against musl; for recording fixtures the
# recorder and xfer-smc (the same program opening AF_SMC sockets itself).
LAB_PROGS := $(O)/progs/xfer-glibc $(O)/progs/xfer-musl $(O)/progs/xfer-smc $(O)/progs/record
# Static ones for smc_run's seccomp supervisor: glibc's socket(), and musl
# with the raw system call; and the storm and the daemon start.
LAB_PROGS += $(O)/progs/xfer-static $(O)/progs/xfer-raw $(O)/progs/sockstorm-static $(O)/progs/forker-static \
             $(O)/progs/sockcheck-static
# A static Go HTTP server and client (Debian's golang-go, stdlib only, no
# network needed); Go's caches stay under $(O).
LAB_PROGS += $(O)/progs/gohttp
$(O)/progs/xfer-glibc: tests/progs/xfer.c
	@mkdir -p $(@D)
	$(CC) $(PROG_CFLAGS) -o $@ $<
$(O)/progs/xfer-musl: tests/progs/xfer.c
	@mkdir -p $(@D)
	@test -n "$(MUSL_CC)" || { echo "error: musl-gcc not found (./build.sh test installs musl-tools)" >&2; exit 1; }
	$(MUSL_CC) $(PROG_CFLAGS) -o $@ $<
$(O)/progs/xfer-smc: tests/progs/xfer.c tests/vm/as_smc.h
	@mkdir -p $(@D)
	$(CC) $(PROG_CFLAGS) -static -include tests/vm/as_smc.h -o $@ $<
$(O)/progs/xfer-raw: tests/progs/xfer.c tests/progs/raw_socket.h
	@mkdir -p $(@D)
	@test -n "$(MUSL_CC)" || { echo "error: musl-gcc not found (./build.sh test installs musl-tools)" >&2; exit 1; }
	$(MUSL_CC) $(PROG_CFLAGS) -static -include tests/progs/raw_socket.h -o $@ $<
$(O)/progs/gohttp: tests/progs/gohttp.go
	@mkdir -p $(@D)
	@command -v go >/dev/null || { echo "error: go not found (./build.sh test installs golang-go)" >&2; exit 1; }
	cd $(@D) && CGO_ENABLED=0 GO111MODULE=off GOFLAGS= GOCACHE=$(abspath $(O))/go/cache GOPATH=$(abspath $(O))/go \
	      go build -trimpath -o gohttp $(abspath tests/progs/gohttp.go)
	@file $@ | grep -q 'statically linked' || { echo "error: $@ is not statically linked" >&2; rm -f $@; exit 1; }
$(O)/progs/record: tests/vm/record.c $(O)/obj/netlink/nl.o
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBMNL_A)
lab-progs: $(LAB_PROGS)
.PHONY: lab-progs

# libFuzzer targets (tests/fuzz): every parser of kernel replies and the
# SIZE, UEID and PNETID validators, built with clang against the same
# sources; seeds from the recorded replies in tests/fixtures.
# `make fuzz` runs each for FUZZ_SECONDS, `make fuzz-smoke` 2 seconds (tests/run).
FUZZ_CC      ?= $(firstword $(shell command -v clang-14 clang 2>/dev/null))
FUZZ         := $(O)/fuzz
FUZZ_FLAGS   := -O1 -g -fno-omit-frame-pointer -fno-sanitize-recover=all
FUZZ_SRC     := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN     := $(FUZZ_SRC:tests/fuzz/%.c=$(FUZZ)/%)
FUZZ_OBJ     := $(LIB_SRC:%.c=$(FUZZ)/obj/%.o)
FUZZ_SECONDS ?= 60

$(FUZZ)/obj/%.o: %.c $(wildcard */*.h */*/*.h)
	@test -n "$(FUZZ_CC)" || { echo "error: clang not found (./build.sh test installs clang-14)" >&2; exit 1; }
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS) -std=gnu11 $(WARN) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link,address,undefined -c -o $@ $<

$(FUZZ)/libsmc.a: $(FUZZ_OBJ)
	rm -f $@ && ar rcs $@ $^

$(FUZZ)/fuzz_%: tests/fuzz/fuzz_%.c $(wildcard tests/fuzz/*.h) $(FUZZ)/libsmc.a
	$(FUZZ_CC) $(CPPFLAGS) -std=gnu11 $(WARN) $(FUZZ_FLAGS) -fsanitize=fuzzer,address,undefined \
	      -o $@ $< $(FUZZ)/libsmc.a -lmnl

$(FUZZ)/seeds: tests/fuzz/seeds $(shell find tests/fixtures -type f)
	tests/fuzz/seeds $@

fuzz-build: $(FUZZ_BIN) $(FUZZ)/seeds
fuzz: fuzz-build
	FUZZ_SECONDS=$(FUZZ_SECONDS) tests/fuzz/run
fuzz-smoke: fuzz-build
	tests/fuzz/run --smoke
.PHONY: fuzz-build fuzz fuzz-smoke

# valgrind memcheck (tests/valgrind): the unit tests and the CLI tests
# against a plain dynamic build in $(O)/vg, the sanitizer build's rules
# without sanitizers (valgrind cannot run them). Too slow for tests/run.
valgrind: progs
	$(MAKE) SAN=$(O)/vg SANFLAGS='-O1 -g' $(O)/vg/smc unit
	tests/valgrind
.PHONY: valgrind

check: all san unit progs lab-progs fuzz-build
	tests/run

# Benchmarks (bench/run): timing runs and the lab, never part of `make check`.
BENCH_PROGS := $(O)/bench/sockets $(O)/bench/loop
$(O)/bench/%: bench/%.c
	@mkdir -p $(@D)
	$(CC) -O2 -std=gnu11 $(WARN) -o $@ $<
bench: all lab-progs $(BENCH_PROGS)
	O=$(O) bench/run
.PHONY: bench

# Installed: the binary and a link per applet, the preload library beside
# them in lib/ (where smc_run finds it), the man pages (alias pages stay
# links), and one bash completion file with a link per applet.
BINDIR    = $(DESTDIR)$(PREFIX)/bin
LIBDIR    = $(DESTDIR)$(PREFIX)/lib
MANDIR    = $(DESTDIR)$(PREFIX)/share/man
COMPDIR   = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
MAN_PAGES = $(wildcard man/*.[1-8])
APPLETS   = $(or $(shell $(O)/smc --list 2>/dev/null),$(shell $(BINDIR)/smc --list 2>/dev/null))
install: all
	install -D -m 0755 $(O)/smc $(BINDIR)/smc
	strip $(BINDIR)/smc
	for a in $(APPLETS); do ln -sf smc $(BINDIR)/$$a; done
	install -D -m 0644 $(O)/libsmc-preload.so $(LIBDIR)/libsmc-preload.so
	for m in $(MAN_PAGES); do d=$(MANDIR)/man$${m##*.}; mkdir -p $$d; \
	  if [ -L $$m ]; then ln -sf $$(readlink $$m) $$d/$${m##*/}; else install -m 0644 $$m $$d/; fi; done
	install -D -m 0644 completion/smc.bash $(COMPDIR)/smc
	for a in $(APPLETS); do ln -sf smc $(COMPDIR)/$$a; done

uninstall:
	@test -n "$(APPLETS)" || { echo "error: no $(O)/smc or $(BINDIR)/smc to list the applets" >&2; exit 1; }
	rm -f $(BINDIR)/smc $(APPLETS:%=$(BINDIR)/%) $(LIBDIR)/libsmc-preload.so
	for m in $(MAN_PAGES); do rm -f $(MANDIR)/man$${m##*.}/$${m##*/}; done
	rm -f $(COMPDIR)/smc $(APPLETS:%=$(COMPDIR)/%)

clean:
	rm -rf $(O)/obj $(O)/san $(O)/fuzz $(O)/vg $(O)/progs $(O)/go $(O)/smc $(O)/smc.stripped $(O)/libsmc-preload.so
