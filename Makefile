# Makefile — builds and installs govreport with PGXS, and builds the
# programs that test the core without a server.
#
#   make && make install         the extension, against the first pg_config on PATH
#   make installcheck            the pg_regress suite (needs a running server)
#   make unit                    the core's unit tests, no server needed
#   make tools                   test/tools/grdump, the command-line parser
#   (make and make install also build and install src/tool/govreport, the
#   command-line tool, into $(bindir), and its manual page docs/govreport.1)
#   make dist                    dist/govreport-$(EXTVERSION).zip, the PGXN distribution

EXTENSION = govreport
EXTVERSION = 0.4.0

MODULE_big = govreport
CORE_SRCS = $(sort $(wildcard src/core/*.c))
# the folding table, generated at build time from ICU's data (src/gen/gr_foldgen.c)
GR_FOLDTAB = src/core/gr_foldtab.h
PG_SRCS = $(sort $(wildcard src/pg/*.c))
OBJS = $(CORE_SRCS:.c=.o) $(PG_SRCS:.c=.o)

# The first release's install script and every upgrade script since
# (CREATE EXTENSION runs the chain up to default_version).
DATA = $(wildcard src/sql/govreport--*.sql)

REGRESS = setup parse_report sections cells checks analyst validation encodings interrupts trusted upgrade cache sheet
REGRESS_OPTS = --load-extension=govreport
ENCODING = UTF8
NO_LOCALE = 1

GR_DEP_CFLAGS := $(shell pkg-config --cflags icu-uc icu-i18n libxml-2.0)
GR_DEP_LIBS := $(shell pkg-config --libs icu-uc icu-i18n libxml-2.0)

PG_CPPFLAGS = -Isrc/core $(GR_DEP_CFLAGS)
SHLIB_LINK = $(GR_DEP_LIBS)
EXTRA_CLEAN = test/unit/test_core test/unit/test_layouts test/unit/test_html test/tools/grdump test/tools/grdump_verify test/fuzz/fuzz_parse \
	src/tool/govreport src/tool/*.o bench/core $(GR_FOLDTAB) src/gen/gr_foldgen

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# The core's functions are the library's own business: hidden, its calls to
# one another are direct, not through the PLT, and may be inlined (the
# server finds only the glue's fmgr functions and the magic block, which PG
# 15 cannot mark visible, so the glue keeps the default).
$(CORE_SRCS:.c=.o): override CFLAGS += -fvisibility=hidden $(GR_CORE_OPT)

# The core is built at -O3 and, where the compiler can, optimized as one
# program at link time (-flto): its steps call one another's small functions
# (the maps back to the input, a value's reading, the UTF-8 helpers) once or
# more per cell, and inlining them across files saves 6 % of the core's
# instructions over the benchmark's reports, some 5 % of its time (BENCHMARKS.md,
# eleventh round).  GR_CORE_OPT= builds it as PostgreSQL's own flags say.
GR_LTO := $(shell echo 'int main(void) { return 0; }' | $(CC) -x c -O3 -flto=auto -o /dev/null - 2>/dev/null && echo -flto=auto)
GR_CORE_OPT ?= -O3 $(GR_LTO)
# the link of govreport.so (and of the tool) makes the code of the core's objects
SHLIB_LINK += $(GR_CORE_OPT)

# every object depends on every header (the headers are few and small), and
# so does its LLVM bitcode (PGXS builds %.bc beside %.o when the server has JIT)
$(OBJS) $(OBJS:.o=.bc): $(wildcard src/core/*.h src/pg/*.h) $(GR_FOLDTAB)

# ICU asked once per code point, by a program built and run here
$(GR_FOLDTAB): src/gen/gr_foldgen.c src/core/gr_foldextra.h src/core/gr_utf8.c src/core/gr_internal.h
	$(CC) -O2 -o src/gen/gr_foldgen src/gen/gr_foldgen.c src/core/gr_utf8.c $(GR_DEP_CFLAGS) $(GR_DEP_LIBS)
	src/gen/gr_foldgen > $@.tmp
	mv $@.tmp $@

# ---- govreport, the command-line tool (src/tool) ----
# PGXS builds one MODULE_big; the tool is a program of its own, linked with
# the core's objects (the very ones in govreport.so) and libpq.

TOOL = src/tool/govreport
TOOL_SRCS = $(sort $(wildcard src/tool/*.c))
TOOL_OBJS = $(TOOL_SRCS:.c=.o)
CORE_OBJS = $(CORE_SRCS:.c=.o)
LIBPQ_CFLAGS := $(shell pkg-config --cflags libpq)
LIBPQ_LIBS := $(shell pkg-config --libs libpq)

all: $(TOOL)

src/tool/%.o: src/tool/%.c $(wildcard src/tool/*.h) src/core/gr_core.h
	$(CC) $(CFLAGS) -D_GNU_SOURCE -Isrc/core $(GR_DEP_CFLAGS) $(LIBPQ_CFLAGS) -c -o $@ $<

$(TOOL): $(TOOL_OBJS) $(CORE_OBJS)
	$(CC) $(CFLAGS) $(GR_CORE_OPT) $(LDFLAGS) -o $@ $(TOOL_OBJS) $(CORE_OBJS) $(GR_DEP_LIBS) $(LIBPQ_LIBS)

.PHONY: install-tool uninstall-tool
install: install-tool
install-tool: $(TOOL)
	$(MKDIR_P) '$(DESTDIR)$(bindir)' '$(DESTDIR)$(mandir)/man1'
	$(INSTALL_PROGRAM) $(TOOL) '$(DESTDIR)$(bindir)/govreport'
	$(INSTALL_DATA) docs/govreport.1 '$(DESTDIR)$(mandir)/man1/govreport.1'

uninstall: uninstall-tool
uninstall-tool:
	rm -f '$(DESTDIR)$(bindir)/govreport' '$(DESTDIR)$(mandir)/man1/govreport.1'

# ---- programs that call the core without PostgreSQL ----

# the core as govreport.so has it (GR_CORE_OPT), so the tests and the benchmark run the code that ships
TEST_CFLAGS = -std=c11 -O2 -g -Wall -Wextra -Wno-unused-parameter -Wno-unused-function -Wno-missing-field-initializers -Wno-format-truncation \
	-D_GNU_SOURCE $(GR_CORE_OPT) $(COPT) -Isrc/core -Itest/tools $(GR_DEP_CFLAGS)

test/unit/test_core: test/unit/test_core.c $(CORE_SRCS) $(wildcard src/core/*.h test/tools/*.h) $(GR_FOLDTAB)
	$(CC) $(TEST_CFLAGS) -o $@ test/unit/test_core.c $(CORE_SRCS) $(GR_DEP_LIBS)

test/tools/grdump: test/tools/grdump.c $(CORE_SRCS) $(wildcard src/core/*.h test/tools/*.h) $(GR_FOLDTAB)
	$(CC) $(TEST_CFLAGS) -o $@ test/tools/grdump.c $(CORE_SRCS) $(GR_DEP_LIBS)

# grdump whose glued-digit walks are each checked against the walk without pruning
test/tools/grdump_verify: test/tools/grdump.c $(CORE_SRCS) $(wildcard src/core/*.h test/tools/*.h) $(GR_FOLDTAB)
	$(CC) $(TEST_CFLAGS) -DGR_DIGITS_VERIFY -o $@ test/tools/grdump.c $(CORE_SRCS) $(GR_DEP_LIBS)

# the compact tree of HTML pages against libxml2's own tree of them
test/unit/test_html: test/unit/test_html.c test/unit/html_ref.c test/unit/html_ref.h $(CORE_SRCS) $(wildcard src/core/*.h test/tools/*.h) $(GR_FOLDTAB)
	$(CC) $(TEST_CFLAGS) -o $@ test/unit/test_html.c test/unit/html_ref.c $(CORE_SRCS) $(GR_DEP_LIBS)

test/unit/test_layouts: test/unit/test_layouts.c $(CORE_SRCS) $(wildcard src/core/*.h test/tools/*.h) $(GR_FOLDTAB)
	$(CC) $(TEST_CFLAGS) -o $@ test/unit/test_layouts.c $(CORE_SRCS) $(GR_DEP_LIBS)

# the core's speed and memory without a server (bench/run.sh; the header
# that marks what callgrind counts comes with Debian's valgrind package)
bench/core: bench/core.c $(CORE_SRCS) $(wildcard src/core/*.h test/tools/*.h) $(GR_FOLDTAB)
	$(CC) $(TEST_CFLAGS) -o $@ bench/core.c $(CORE_SRCS) $(GR_DEP_LIBS)

# the fuzzer needs clang and its sanitizer runtimes (Debian: clang, libclang-rt-14-dev)
FUZZ_CC ?= clang
test/fuzz/fuzz_parse: test/fuzz/fuzz_parse.c $(CORE_SRCS) $(wildcard src/core/*.h test/tools/*.h) $(GR_FOLDTAB)
	$(FUZZ_CC) -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
		-Isrc/core -Itest/tools $(GR_DEP_CFLAGS) -o $@ test/fuzz/fuzz_parse.c $(CORE_SRCS) $(GR_DEP_LIBS)

.PHONY: unit tools fuzz
fuzz: test/fuzz/fuzz_parse
unit: test/unit/test_core test/unit/test_layouts
	test/unit/test_core
	test/unit/test_layouts

tools: test/tools/grdump

# ---- the distribution ----

# What PGXN takes: a zip of the committed tree (HEAD, so nothing built or
# uncommitted gets in) under a govreport-<version>/ prefix, as pgvector
# makes its own.  .gitattributes says what stays out (export-ignore).
DIST_DIR ?= dist
DIST = $(DIST_DIR)/$(EXTENSION)-$(EXTVERSION).zip
.PHONY: dist
dist:
	mkdir -p $(DIST_DIR)
	git archive --format zip --prefix=$(EXTENSION)-$(EXTVERSION)/ --output $(DIST) HEAD
	@echo "$(DIST)"
