#!/bin/bash
# test.sh — runs every test of govreport on this machine: installs what is
# missing, builds with warnings as errors, runs the core's unit tests, the
# pg_regress suite in a throwaway cluster (pg_virtualenv), and the
# repository checks.  The last line says "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
. scripts/common.sh

passed=0
failed=0
count() {	# count <passed> <failed>
	passed=$((passed + $1))
	failed=$((failed + $2))
}

ensure_packages
if ! build_and_install; then
	echo "not ok - build"
	count 0 1
	echo "$passed passed, $failed failed"
	exit 1
fi
echo "ok - build (warnings are errors)"
count 1 0

echo "== unit tests of the core (no server)"
make -s PG_CONFIG="$PG_CONFIG" test/unit/test_core >/dev/null
unit_out=$(test/unit/test_core samples 2>&1)
echo "$unit_out" | grep -v '^ok ' || true
last=$(echo "$unit_out" | tail -n 1)
if [[ "$last" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
	count "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
else
	echo "not ok - unit test program did not finish"
	count 0 1
fi

echo "== layout generator: generated reports in every layout must give their cells back"
make -s PG_CONFIG="$PG_CONFIG" test/unit/test_layouts >/dev/null
layout_out=$(test/unit/test_layouts 500 2>&1)
echo "$layout_out" | grep -v '^ok ' || true
last=$(echo "$layout_out" | tail -n 1)
if [[ "$last" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
	count "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
else
	echo "not ok - layout generator did not finish"
	count 0 1
fi

echo "== corpus: real reports of ../shared/corpus against what their text makes certain"
if [ -d ../shared/corpus ]; then
	make -s PG_CONFIG="$PG_CONFIG" test/tools/grdump >/dev/null
	corpus_out=$(test/corpus/run.sh ../shared/corpus 2>&1)
	# known gaps (TODO facts) are counted in its "# facts:" line, not listed
	echo "$corpus_out" | grep -v '^ok ' | grep -v '^not ok .*# TODO' || true
	last=$(echo "$corpus_out" | tail -n 1)
	if [[ "$last" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
		count "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
	else
		echo "not ok - corpus test did not finish"
		count 0 1
	fi
else
	echo "(no ../shared/corpus here: skipped)"
fi

echo "== regression tests (pg_regress in a throwaway cluster)"
reg_out=$(pg_virtualenv -v 15 make -s PG_CONFIG="$PG_CONFIG" installcheck 2>&1)
echo "$reg_out" | grep -E '^(test| *[0-9]+ of|All [0-9]+|not ok|ok )' || true
reg_ok=$(echo "$reg_out" | grep -cE '^(test |ok ).*\.\.\. ok' || true)
reg_bad=$(echo "$reg_out" | grep -cE '^(test |not ok ).*\.\.\. FAILED' || true)
if [ "$reg_ok" -eq 0 ] && [ "$reg_bad" -eq 0 ]; then
	echo "$reg_out" | tail -n 30
	reg_bad=1
fi
[ -s regression.diffs ] && head -n 200 regression.diffs
count "$reg_ok" "$reg_bad"

echo "== the README's SQL examples, pasted as a new user would"
readme_out=$(pg_virtualenv -v 15 test/readme/run.sh 2>&1)
echo "$readme_out" | grep -E '^(not ok|#)' || true
last=$(echo "$readme_out" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -n 1)
if [[ "$last" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
	count "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
else
	echo "$readme_out" | tail -n 20
	echo "not ok - README examples did not run"
	count 0 1
fi

echo "== repository checks"
# the install script must load into EUC_CN and GBK databases too
if iconv -f UTF-8 -t GB2312 src/sql/*.sql >/dev/null 2>&1; then
	echo "ok - install scripts hold only characters every Chinese encoding has"
	count 1 0
else
	echo "not ok - install scripts hold characters outside GB2312"
	count 0 1
fi
# the key dictionary in the docs is what the format tables say
make -s PG_CONFIG="$PG_CONFIG" test/tools/grdump >/dev/null
if test/tools/grdump -k | diff -q - docs/keys.md >/dev/null; then
	echo "ok - docs/keys.md is current"
	count 1 0
else
	echo "not ok - docs/keys.md differs from test/tools/grdump -k (regenerate it)"
	count 0 1
fi
if test/tools/grdump -R | diff -q - docs/rules.md >/dev/null; then
	echo "ok - docs/rules.md is current"
	count 1 0
else
	echo "not ok - docs/rules.md differs from test/tools/grdump -R (regenerate it)"
	count 0 1
fi
# the versions agree: control file, Makefile, core
control_v=$(sed -n "s/^default_version = '\(.*\)'/\1/p" govreport.control)
make_v=$(sed -n 's/^EXTVERSION = //p' Makefile)
core_v=$(sed -n 's/^#define GR_VERSION "\(.*\)"/\1/p' src/core/gr_core.h)
if [ "$control_v" = "$make_v" ] && [ "$make_v" = "$core_v" ] && [ -n "$core_v" ]; then
	echo "ok - version $core_v in govreport.control, Makefile and gr_core.h"
	count 1 0
else
	echo "not ok - versions differ: control $control_v, Makefile $make_v, core $core_v"
	count 0 1
fi
# the bundled samples are the project's seed reports, byte for byte
if [ -d ../shared/seeds ]; then
	if diff -rq ../shared/seeds samples >/dev/null; then
		echo "ok - samples/ equals ../shared/seeds"
		count 1 0
	else
		echo "not ok - samples/ differs from ../shared/seeds"
		count 0 1
	fi
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
