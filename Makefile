# SPDX-License-Identifier: GPL-2.0-or-later
# smc: one static multicall binary for SMC (AF_SMC) administration.
# `make` builds build/smc (static, against musl) and build/libsmc-preload.so;
# `make LIBC=glibc` links smc statically against glibc instead;
# `make check` builds everything and runs the whole test suite.

VERSION   := 0.1.0
O         ?= build
CC        ?= cc
STRIP     ?= strip
DESTDIR   ?=

# Installation directories (GNU names; PREFIX is the older spelling of prefix).
PREFIX         ?= /usr/local
prefix         ?= $(PREFIX)
exec_prefix    ?= $(prefix)
bindir         ?= $(exec_prefix)/bin
libdir         ?= $(exec_prefix)/lib
datarootdir    ?= $(prefix)/share
mandir         ?= $(datarootdir)/man
# bash-completion's own layout when its pkg-config file is there, under our datarootdir.
completionsdir ?= $(or $(shell pkg-config --define-variable=prefix=$(prefix) --define-variable=datadir=$(datarootdir) \
                    --variable=completionsdir bash-completion 2>/dev/null),$(datarootdir)/bash-completion/completions)
# Where zsh and fish look for completions of packages (Debian's zsh: vendor-completions).
zshcompdir     ?= $(datarootdir)/zsh/site-functions
fishcompdir    ?= $(datarootdir)/fish/vendor_completions.d

LIBMNL_A      ?= $(firstword $(wildcard $(O)/deps/usr/lib/*/libmnl.a /usr/lib/*/libmnl.a /usr/lib/libmnl.a /usr/local/lib/libmnl.a))
LIBMNL_CFLAGS ?= $(if $(wildcard $(O)/deps/usr/include/libmnl),-I$(O)/deps/usr/include)

WARN     := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
CPPFLAGS += -I. -D_GNU_SOURCE -DSMC_VERSION='"$(VERSION)"' -DSMC_LIBDIR='"$(libdir)"' $(LIBMNL_CFLAGS)
CFLAGS   ?= -Os -g0
CFLAGS   += -std=gnu11 $(WARN) -ffunction-sections -fdata-sections
# No unwind tables: nothing in smc unwinds (no C++, no backtrace()), and
# they were 17 KiB of the static binary.
CFLAGS   += -fno-asynchronous-unwind-tables -fno-unwind-tables
LDFLAGS  += -static -Wl,--gc-sections

# The release smc links statically against musl (musl-gcc, Debian's
# musl-tools), or against glibc with LIBC=glibc where musl is missing. The
# sanitizer, fuzz and valgrind builds and the preload library use $(CC).
LIBC      ?= musl
# musl-gcc sees only musl's headers: the kernel's and libmnl's come from a
# directory of links to the system's (never glibc's own headers).
MUSL_INC  := $(O)/musl-include
ifeq ($(LIBC),musl)
STATIC_CC ?= musl-gcc
STATIC_CPPFLAGS := -isystem $(MUSL_INC)
STATIC_DEPS := $(MUSL_INC)/.made
# Two glibc symbols that Debian's libmnl.a references (compat/libmnl_musl.c).
STATIC_OBJ  := $(O)/obj/compat/libmnl_musl.o
else ifeq ($(LIBC),glibc)
STATIC_CC ?= $(CC)
else
$(error LIBC must be musl or glibc, not "$(LIBC)")
endif
KERNEL_ASM := $(firstword $(wildcard /usr/include/$(shell $(CC) -print-multiarch 2>/dev/null)/asm /usr/include/asm))

# Freestanding code shared by smc and the preload library.
FREE_SRC  := preload/size.c
LIB_SRC   := $(sort $(wildcard netlink/*.c sysfs/*.c applets/*.c applets/*/*.c)) $(FREE_SRC)
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

$(O)/obj/%.o: %.c $(wildcard */*.h */*/*.h) $(O)/libc | check-libmnl check-static-cc $(STATIC_DEPS)
	@mkdir -p $(@D)
	$(STATIC_CC) $(CPPFLAGS) $(STATIC_CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(MUSL_INC)/.made:
	@mkdir -p $(@D)
	@for d in /usr/include/linux /usr/include/asm-generic /usr/include/rdma /usr/include/libmnl $(KERNEL_ASM); do \
	  [ ! -d $$d ] || ln -sfn $$d $(@D)/; done
	@touch $@

check-static-cc:
	@command -v $(STATIC_CC) >/dev/null || { echo "error: $(STATIC_CC) not found; install musl-tools (./build.sh does) or build with LIBC=glibc" >&2; exit 1; }
.PHONY: check-static-cc

# smc_run looks for the installed library where the build says: other
# directories than the last build's rebuild it (make install checks them).
BUILT_PATHS := $(prefix) $(libdir)
$(O)/prefix: FORCE
	@mkdir -p $(@D)
	@echo '$(BUILT_PATHS)' | cmp -s - $@ || echo '$(BUILT_PATHS)' >$@
$(O)/obj/applets/smc_run.o $(O)/san/obj/applets/smc_run.o: $(O)/prefix
$(O)/obj/applets/preload_lib.o $(O)/san/obj/applets/preload_lib.o: $(O)/prefix
# Objects built for one C library are rebuilt for the other.
$(O)/libc: FORCE
	@mkdir -p $(@D)
	@echo '$(LIBC) $(STATIC_CC)' | cmp -s - $@ || echo '$(LIBC) $(STATIC_CC)' >$@
.PHONY: FORCE

$(O)/obj/embed.o: preload/embed.S $(O)/libsmc-preload.so
	@mkdir -p $(@D)
	$(CC) -c -DPRELOAD_SO='"$(O)/libsmc-preload.so"' -o $@ $<

$(O)/smc: $(O)/obj/smc.o $(O)/obj/embed.o $(LIB_OBJ) $(STATIC_OBJ)
	$(STATIC_CC) $(LDFLAGS) -o $@ $^ $(LIBMNL_A)
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
	@cp $(O)/smc $(O)/smc.stripped && $(STRIP) $(O)/smc.stripped
	@echo "build/smc: $$(stat -c %s $(O)/smc.stripped) bytes stripped, $$(stat -c %s $(O)/smc) bytes as built"

release: all
	$(STRIP) $(O)/smc
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

# glibc against musl (tests/libc/run): each program built with both C
# libraries must print the same; the musl side of shim links compat/libmnl_musl.c.
LIBC_TESTS := $(if $(MUSL_CC),$(foreach t,parity shim,$(O)/libc-tests/$(t)-glibc $(O)/libc-tests/$(t)-musl))
LIBC_TEST_FLAGS := -D_GNU_SOURCE -O1 -std=gnu11 $(WARN) $(LIBMNL_CFLAGS)
$(O)/libc-tests/%-glibc: tests/libc/%.c
	@mkdir -p $(@D)
	$(CC) $(LIBC_TEST_FLAGS) -o $@ $< $(LIBMNL_A)
$(O)/libc-tests/%-musl: tests/libc/%.c $(O)/libc-tests/libmnl_musl.o | $(MUSL_INC)/.made
	$(MUSL_CC) -static $(LIBC_TEST_FLAGS) -isystem $(MUSL_INC) -o $@ $^ $(LIBMNL_A)
$(O)/libc-tests/libmnl_musl.o: compat/libmnl_musl.c | check-libmnl
	@mkdir -p $(@D)
	$(MUSL_CC) $(LIBC_TEST_FLAGS) -c -o $@ $<

# The preload library's probe under a fork and without SMCPROTO_SMC6 (tests/cli/preload.sh, the lab).
PROGS += $(O)/progs/probecheck-glibc
$(O)/progs/probecheck-glibc: tests/progs/probecheck.c
	@mkdir -p $(@D)
	$(CC) $(PROG_CFLAGS) -o $@ $<

# Statically linked programs for smc_run's seccomp supervisor
# (tests/cli/smc_run_seccomp.sh, and the lab).
PROGS += $(O)/progs/sockcheck-static $(O)/progs/sockstorm-static $(O)/progs/forker-static $(O)/progs/oldkernel-static
$(O)/progs/%-static: tests/progs/%.c
	@mkdir -p $(@D)
	$(CC) $(PROG_CFLAGS) -static -o $@ $<

san: $(SAN)/smc
unit: $(UNIT_BIN) $(LIBC_TESTS)
progs: $(PROGS)

# Programs for the QEMU lab (tests/vm): xfer, a plain TCP program linked
# dynamically against glibc and against musl; for recording fixtures the
# recorder and xfer-smc (the same program opening AF_SMC sockets itself).
LAB_PROGS := $(O)/progs/xfer-glibc $(O)/progs/xfer-musl $(O)/progs/xfer-smc $(O)/progs/record $(O)/progs/probecheck-glibc
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
$(O)/progs/record: tests/vm/record.c $(O)/obj/netlink/nl.o $(STATIC_OBJ) | $(STATIC_DEPS)
	@mkdir -p $(@D)
	$(STATIC_CC) $(CPPFLAGS) $(STATIC_CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBMNL_A)
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

# check-build: what tests/run needs (./build.sh test times it apart).
check-build: all san unit progs lab-progs fuzz-build
check: check-build
	tests/run
.PHONY: check-build

# The Debian package, built from a copy of the tree in $(O)/deb, checked by
# lintian and installed into an empty root (tests/deb/run, run by tests/run).
deb:
	O=$(O) LIBMNL_A=$(abspath $(LIBMNL_A)) tests/deb/run
.PHONY: deb

# Benchmarks (bench/run): timing runs and the lab, never part of `make check`.
BENCH_PROGS := $(O)/bench/sockets $(O)/bench/loop
$(O)/bench/%: bench/%.c
	@mkdir -p $(@D)
	$(CC) -O2 -std=gnu11 $(WARN) -o $@ $<
# The floor and the reference for start-up and size: a static musl "hello,
# world" and smc linked against glibc (in $(O)/glibc).
BENCH_PROGS += $(O)/bench/hello-musl $(O)/glibc/smc
$(O)/bench/hello-musl: bench/hello.c | check-static-cc
	@mkdir -p $(@D)
	$(MUSL_CC) -static -Os -s -o $@ $<
$(O)/glibc/smc: FORCE
	$(MAKE) O=$(O)/glibc LIBC=glibc $@
bench: all lab-progs $(BENCH_PROGS)
	O=$(O) bench/run
.PHONY: bench

# Installed: the binary and a link per applet, the preload library in a
# private directory (libdir/smc, where smc_run looks), the man pages with
# the configured paths (alias pages stay links), and one bash completion
# file with a link per applet. make install copies what make built and
# compiles nothing; install keeps the symbols (a debug package strips them),
# install-strip strips with $(STRIP).
INSTALL         ?= install
INSTALL_PROGRAM ?= $(INSTALL) -m 0755
INSTALL_DATA    ?= $(INSTALL) -m 0644
MAN_PAGES = $(wildcard man/*.[1-8])
# The applet names from smc.c's table (make applets prints them): a cross
# build cannot run the binary to ask it.
APPLETS  := $(shell sed -n 's/^[[:space:]]*{ "\([a-z_]*\)",[[:space:]]*[a-z_]*_main,.*/\1/p' smc.c)
PRELOAD_DIR = $(libdir)/smc
MAN_PATHS := -e 's|PREFIX/lib/smc/libsmc-preload\.so|$(PRELOAD_DIR)/libsmc-preload.so|g' \
             -e 's|LIBDIR/smc/libsmc-preload\.so|$(PRELOAD_DIR)/libsmc-preload.so|g' \
             -e 's|PREFIX/lib/libsmc-preload\.so|$(PRELOAD_DIR)/libsmc-preload.so|g' \
             -e 's|/usr/local/lib/libsmc-preload\.so|$(PRELOAD_DIR)/libsmc-preload.so|g' \
             -e 's|PREFIX/bin/|$(bindir)/|g' -e 's|PREFIX/share/bash-completion/completions/|$(completionsdir)/|g' \
             -e 's|/usr/local/lib|$(libdir)|g' -e 's|/usr/local|$(prefix)|g'
applets:
	@echo $(APPLETS)
check-built:
	@for f in $(O)/smc $(O)/libsmc-preload.so; do [ -f $$f ] || \
	  { echo "error: $$f is not built: run make first (make install compiles nothing)" >&2; exit 1; }; done
	@[ "$$(cat $(O)/prefix)" = '$(BUILT_PATHS)' ] || { echo "error: $(O)/smc was built for" \
	  "prefix and libdir \"$$(cat $(O)/prefix)\", not \"$(BUILT_PATHS)\": run make with the same ones first" >&2; exit 1; }
install: check-built
	$(INSTALL) -d $(DESTDIR)$(bindir) $(DESTDIR)$(PRELOAD_DIR) $(DESTDIR)$(completionsdir)
	$(INSTALL_PROGRAM) $(O)/smc $(DESTDIR)$(bindir)/smc
	for a in $(APPLETS); do ln -sf smc $(DESTDIR)$(bindir)/$$a; done
	$(INSTALL_DATA) $(O)/libsmc-preload.so $(DESTDIR)$(PRELOAD_DIR)/libsmc-preload.so
	for m in $(MAN_PAGES); do d=$(DESTDIR)$(mandir)/man$${m##*.}; $(INSTALL) -d $$d; \
	  if [ -L $$m ]; then ln -sf $$(readlink $$m) $$d/$${m##*/}; \
	  else sed $(MAN_PATHS) $$m >$$d/$${m##*/}.tmp && chmod 0644 $$d/$${m##*/}.tmp && mv $$d/$${m##*/}.tmp $$d/$${m##*/}; fi; done
	$(INSTALL_DATA) completion/smc.bash $(DESTDIR)$(completionsdir)/smc
	for a in $(APPLETS); do ln -sf smc $(DESTDIR)$(completionsdir)/$$a; done
	$(INSTALL) -d $(DESTDIR)$(zshcompdir) $(DESTDIR)$(fishcompdir)
	$(INSTALL_DATA) completion/_smc $(DESTDIR)$(zshcompdir)/_smc
	$(INSTALL_DATA) completion/smc.fish $(DESTDIR)$(fishcompdir)/smc.fish
	for a in $(APPLETS); do ln -sf smc.fish $(DESTDIR)$(fishcompdir)/$$a.fish; done
install-strip: install
	$(STRIP) $(DESTDIR)$(bindir)/smc

uninstall:
	rm -f $(DESTDIR)$(bindir)/smc $(APPLETS:%=$(DESTDIR)$(bindir)/%) $(DESTDIR)$(PRELOAD_DIR)/libsmc-preload.so
	-rmdir $(DESTDIR)$(PRELOAD_DIR) 2>/dev/null
	for m in $(MAN_PAGES); do rm -f $(DESTDIR)$(mandir)/man$${m##*.}/$${m##*/}; done
	rm -f $(DESTDIR)$(completionsdir)/smc $(APPLETS:%=$(DESTDIR)$(completionsdir)/%)
	rm -f $(DESTDIR)$(zshcompdir)/_smc $(DESTDIR)$(fishcompdir)/smc.fish $(APPLETS:%=$(DESTDIR)$(fishcompdir)/%.fish)
.PHONY: applets check-built install-strip

clean:
	rm -rf $(O)/obj $(O)/san $(O)/fuzz $(O)/vg $(O)/progs $(O)/smc $(O)/smc.stripped $(O)/libsmc-preload.so \
	       $(O)/libc $(O)/libc-tests $(O)/musl-include $(O)/glibc $(O)/deb $(O)/go
