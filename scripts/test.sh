#!/bin/bash
# test.sh — runs every test of govreport on this machine: installs what is
# missing, builds with warnings as errors, runs the core's unit tests, the
# pg_regress suite in a throwaway cluster (pg_virtualenv -t), the demo as a
# new user runs it, the repository checks, and last builds the Debian
# package, installs it, runs the pg_regress suite against the installed
# package and removes it again.  The last line says "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
. scripts/common.sh	# also sets the UTF-8 locale (C.UTF-8) that every step runs in

passed=0
failed=0
count() {	# count <passed> <failed>
	passed=$((passed + $1))
	failed=$((failed + $2))
}
# count_run <output> <what>: add a step's last "N passed, N failed" line to the
# totals; a step that printed none did not finish, and counts as one failure
count_run() {
	local last
	last=$(echo "$1" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -n 1)
	if [[ "$last" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
		count "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
	else
		echo "$1" | tail -n 20
		echo "not ok - $2 did not finish"
		count 0 1
	fi
}

ensure_packages $GOVREPORT_DEB_PACKAGES $GOVREPORT_FUZZ_PACKAGES $GOVREPORT_VARIANT_PACKAGES
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
count_run "$unit_out" "unit test program"

echo "== layout generator: generated reports in every layout must give their cells back"
make -s PG_CONFIG="$PG_CONFIG" test/unit/test_layouts >/dev/null
layout_out=$(test/unit/test_layouts 500 2>&1)
echo "$layout_out" | grep -v '^ok ' || true
count_run "$layout_out" "layout generator"

echo "== HTML pages: the compact tree of each page against libxml2's own tree of it"
make -s PG_CONFIG="$PG_CONFIG" test/unit/test_html >/dev/null
html_dir=$(mktemp -d /tmp/govreport-html.XXXXXX)
LAYOUT_DUMP="$html_dir" test/unit/test_layouts 40 >/dev/null 2>&1 || true
html_files=()
for f in "$html_dir"/e_*.txt "$html_dir"/j_*.txt "$html_dir"/k_*.txt test/data/*.html ../shared/corpus/*.html; do
	[ -f "$f" ] && html_files+=("$f")
done
html_out=$(test/unit/test_html "${html_files[@]}" 2>&1)
rm -rf "$html_dir"
echo "$html_out" | grep -v '^ok ' || true
count_run "$html_out" "HTML tree test"

echo "== glued digits: every pruned walk against the walk without pruning"
# The walk over a glued row's readings skips what cannot hold a reading and
# counts the steps it skips; grdump_verify makes each walk again in full and
# aborts on any difference (readings, their order, the budget's outcome).
make -s PG_CONFIG="$PG_CONFIG" test/tools/grdump_verify >/dev/null
glued_dir=$(mktemp -d /tmp/govreport-glued.XXXXXX)
LAYOUT_DUMP="$glued_dir" test/unit/test_layouts 60 >/dev/null 2>&1 || true
glued_fail=0
for f in "$glued_dir"/g_*.txt samples/*.txt ../shared/corpus/*.txt; do
	[ -f "$f" ] || continue
	test/tools/grdump_verify -r "$f" >/dev/null 2>"$glued_dir/err" || { glued_fail=1; echo "not ok - $f"; head -3 "$glued_dir/err"; }
done
rm -rf "$glued_dir"
# and rows made to be hard: sums of parts of every size, zeros, nines, runs
# near the budget, rows of many readings, digits at random (grdump.c -g)
if ! glued_made=$(test/tools/grdump_verify -g 400 1 2>&1); then
	glued_fail=1
	echo "not ok - made-up glued rows"
	echo "$glued_made" | head -3
else
	echo "# $glued_made"
fi
if [ "$glued_fail" = 0 ]; then
	echo "ok - glued digits: pruned walks agree with the full ones"
	count 1 0
else
	count 0 1
fi

echo "== corpus: real reports of ../shared/corpus against what their text makes certain"
if [ -d ../shared/corpus ]; then
	make -s PG_CONFIG="$PG_CONFIG" test/tools/grdump >/dev/null
	corpus_out=$(test/corpus/run.sh ../shared/corpus 2>&1)
	# known gaps (TODO facts) are counted in its "# facts:" line, not listed
	echo "$corpus_out" | grep -v '^ok ' | grep -v '^not ok .*# TODO' || true
	count_run "$corpus_out" "corpus test"
else
	echo "(no ../shared/corpus here: skipped)"
fi

echo "== fuzzing the core: 60 s under ASan and UBSan, from the samples, the corpus and generated reports"
# A short run on every test: a crash, a leak report or undefined behaviour
# fails it.  Its inputs go to a scratch folder, never into the tree; the
# longer runs are documented in the notes of the issues.
fuzz_out=""
fuzz_dir=$(mktemp -d /tmp/govreport-fuzz.XXXXXX)
cp samples/* "$fuzz_dir"/
# the inputs that once crashed it, read first under the sanitizers
cp test/fuzz/regressions/* "$fuzz_dir"/
# the corpus reports as other tools extract them (test/data/extract)
cp test/data/extract/*.*.* "$fuzz_dir"/
[ -d ../shared/corpus ] && cp ../shared/corpus/*.txt ../shared/corpus/*.html ../shared/corpus/*.md "$fuzz_dir"/ 2>/dev/null
LAYOUT_DUMP="$fuzz_dir" test/unit/test_layouts 3 >/dev/null 2>&1 || true
if make -s test/fuzz/fuzz_parse >/dev/null 2>&1 &&
	fuzz_out=$(test/fuzz/fuzz_parse -max_total_time=60 -rss_limit_mb=4096 -max_len=200000 "$fuzz_dir" 2>&1); then
	echo "ok - fuzzing: $(echo "$fuzz_out" | grep -o 'Done [0-9]* runs in [0-9]* second(s)' | tail -n 1), no crash"
	count 1 0
else
	echo "$fuzz_out" | grep -E 'ERROR|SUMMARY|==[0-9]+==' | head -n 20
	echo "not ok - fuzzing found a crash (or the fuzzer did not build)"
	count 0 1
fi
rm -rf "$fuzz_dir"

echo "== regression tests (pg_regress in a throwaway cluster)"
# -t everywhere: a cluster in a temporary directory even for root, so that
# two runs on one machine never share /etc/postgresql/15/regress
reg_out=$(pg_virtualenv -t -v 15 make -s PG_CONFIG="$PG_CONFIG" installcheck 2>&1)
echo "$reg_out" | grep -E '^(test| *[0-9]+ of|All [0-9]+|not ok|ok )' || true
reg_ok=$(echo "$reg_out" | grep -cE '^(test |ok ).*\.\.\. ok' || true)
reg_bad=$(echo "$reg_out" | grep -cE '^(test |not ok ).*\.\.\. FAILED' || true)
if [ "$reg_ok" -eq 0 ] && [ "$reg_bad" -eq 0 ]; then
	echo "$reg_out" | tail -n 30
	reg_bad=1
fi
[ -s regression.diffs ] && head -n 200 regression.diffs
count "$reg_ok" "$reg_bad"

echo "== interrupts from a second session: cancel, terminate, timeout, a barrier, memory contexts, parallel"
# installed again right before, and checked after: on a shared machine
# another tree's make install may land in between, and its results are not ours
as_root make -s PG_CONFIG="$PG_CONFIG" install >/dev/null
int_so="$($PG_CONFIG --pkglibdir)/govreport.so"
int_out=$(pg_virtualenv -t -v 15 test/interrupts.sh 2>&1)
echo "$int_out" | grep -E '^(not ok|#)' || true
if ! cmp -s govreport.so "$int_so"; then
	echo "   (the installed govreport.so is not this tree's any more: another make install on this machine during the run? re-run)"
fi
count_run "$int_out" "interrupts test"

echo "== 8 concurrent writers through the record and reject triggers, every row accounted for"
wr_out=$(pg_virtualenv -t -v 15 test/writers.sh 10 2>&1)
echo "$wr_out" | grep -E '^(not ok|#)' || true
count_run "$wr_out" "writers test"

echo "== the SQL of README.md, README.zh-CN.md and docs/cookbook.md, pasted as a new user would"
readme_out=$(pg_virtualenv -t -v 15 test/readme/run.sh 2>&1)
echo "$readme_out" | grep -E '^(not ok|#)' || true
count_run "$readme_out" "the README examples"

echo "== review sheets in headless Chromium: screenshots kept in test/sheet/out/, highlights against the findings"
sheet_out=$(test/sheet/run.sh 2>&1)
echo "$sheet_out" | grep -v '^ok ' || true
count_run "$sheet_out" "review sheet test"

echo "== govreport, the command-line tool: every command on the samples, every encoding, load into a throwaway cluster"
tool_out=$(test/tool/run.sh 2>&1)
echo "$tool_out" | grep -E '^(not ok|#)' || true
count_run "$tool_out" "the tool's tests"

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

# the PGXN metadata follows the Meta Spec (and the validator rejects what it should)
meta_out=$(test/tools/validate_meta.pl --self-test META.json 2>&1)
echo "$meta_out" | grep -v '^ok ' || true
count_run "$meta_out" "META.json validator"
if meta_bad=$(test/tools/validate_meta.pl --dist . META.json 2>&1); then
	echo "ok - META.json names files that are in the tree"
	count 1 0
else
	echo "$meta_bad"
	echo "not ok - META.json names files that are not in the tree"
	count 0 1
fi
# the versions of the packaging agree with the Makefile's
meta_v=$(perl -MJSON::PP -0777 -ne '$m = decode_json($_); print "$m->{version} $m->{provides}{govreport}{version}"' META.json 2>/dev/null)
deb_v=$(sed -n '1s/^govreport (\([^)-]*\).*/\1/p' debian/changelog)
if [ "$meta_v" = "$make_v $make_v" ] && [ "$deb_v" = "$make_v" ]; then
	echo "ok - version $make_v in META.json (distribution and extension) and debian/changelog"
	count 1 0
else
	echo "not ok - versions differ: Makefile $make_v, META.json $meta_v, debian/changelog $deb_v"
	count 0 1
fi
# debian/control is what pg_buildext makes of debian/control.in for the
# PostgreSQL versions this Debian release supports
if pg_buildext checkcontrol >/dev/null 2>&1; then
	echo "ok - debian/control is current with debian/control.in (pg_buildext checkcontrol)"
	count 1 0
else
	echo "not ok - debian/control differs from debian/control.in (run pg_buildext updatecontrol)"
	count 0 1
fi
# make dist: the zip PGXN takes, from the committed tree
if git rev-parse --verify -q HEAD >/dev/null 2>&1; then
	dist_tmp=$(mktemp -d /tmp/govreport-dist.XXXXXX)
	top="$dist_tmp/x/govreport-$make_v"
	if make -s DIST_DIR="$dist_tmp" dist >/dev/null 2>&1 && [ -f "$dist_tmp/govreport-$make_v.zip" ] &&
		unzip -q "$dist_tmp/govreport-$make_v.zip" -d "$dist_tmp/x" &&
		[ -f "$top/LICENSE" ] && [ -f "$top/govreport.control" ] && [ ! -e "$top/.ci" ] &&
		test/tools/validate_meta.pl --dist "$top" "$top/META.json" >/dev/null; then
		echo "ok - make dist writes govreport-$make_v.zip: LICENSE, a valid META.json, the files it names"
		count 1 0
	else
		echo "not ok - make dist (govreport-$make_v.zip missing, incomplete or with an invalid META.json)"
		count 0 1
	fi
	rm -rf "$dist_tmp"
else
	echo "(not a git checkout: make dist, which archives HEAD, skipped)"
fi

echo "== the demo as a new user runs it: LANG unset, no terminal, --psql"
# A fresh machine may have no LANG at all; the demo must still make a UTF-8
# cluster and aligned tables.  With no terminal, --psql just runs the demo.
demo_t0=$SECONDS
demo_out=$(env -u LANG -u LC_ALL -u LC_CTYPE -u LANGUAGE scripts/demo.sh --psql </dev/null 2>&1)
demo_rc=$?
n_samples=$(ls samples/*.txt | wc -l)
if [ "$demo_rc" -eq 0 ] && echo "$demo_out" | grep -q '^(--psql: no terminal' &&
	echo "$demo_out" | grep -q "^== loaded $n_samples reports$"; then
	echo "ok - scripts/demo.sh --psql with LANG unset and no terminal runs the demo ($((SECONDS - demo_t0)) s)"
	count 1 0
else
	echo "$demo_out" | tail -n 20
	echo "not ok - scripts/demo.sh --psql with LANG unset and no terminal (exit status $demo_rc)"
	count 0 1
fi
if align_out=$(echo "$demo_out" | test/tools/aligned.pl 5); then
	echo "ok - the demo's tables line up with their Chinese text ($(echo "$align_out" | tail -n 1))"
	count 1 0
else
	echo "$align_out" | tail -n 10
	echo "not ok - the demo's tables are misaligned (not a UTF-8 cluster and client?)"
	count 0 1
fi

echo "== Debian package: dpkg-buildpackage, dpkg -i, pg_regress against the installed package, dpkg -r"
# Installing the package replaces govreport's files in /usr/lib/postgresql/15
# and /usr/share/postgresql/15/extension (those a make install put there
# too); the package is removed again at the end of this step, so that a
# later make install on this machine does not overwrite files dpkg thinks a
# package owns.  This step comes last for that reason: after it, no
# govreport is installed.
deb_pkg=postgresql-15-govreport
# dpkg has no lock timeout; on a machine where something else is running
# apt or dpkg, wait for it (up to a minute) instead of failing
dpkg_waiting() {	# dpkg_waiting LOG dpkg-arguments…
	local log=$1 tries=0
	shift
	until as_root dpkg "$@" >"$log" 2>&1; do
		grep -q 'lock' "$log" && [ $tries -lt 30 ] || return 1
		tries=$((tries + 1))
		sleep 2
	done
}
deb_step() {
	local tmp deb t0 before reg_out reg_ok reg_bad libdir sharedir
	before=$(git status --porcelain 2>/dev/null)
	tmp=$(mktemp -d /tmp/govreport-debtest.XXXXXX)
	t0=$SECONDS
	deb=$(scripts/deb.sh "$tmp" 2>&1 | tail -n 1)
	if [ -f "$deb" ]; then
		echo "ok - dpkg-buildpackage -us -uc -b builds $(basename "$deb") ($((SECONDS - t0)) s)"
		count 1 0
	else
		[ -f "$tmp/deb-build.log" ] && tail -n 30 "$tmp/deb-build.log"
		echo "not ok - dpkg-buildpackage -us -uc -b (scripts/deb.sh): $deb"
		count 0 1
		rm -rf "$tmp"
		return
	fi

	# One package test at a time on this machine: another run's dpkg -i or
	# dpkg -r in the middle of this one's suite would test, or remove, the
	# wrong files.  The lock goes with this shell (fd 9) when it exits.
	# (A lock file another user made and this one cannot open: a lock of
	# this run's own, which waits for nobody.)
	{ exec 9>>/tmp/govreport-package-test.lock; } 2>/dev/null || exec 9>>"$tmp/lock"
	chmod 666 /tmp/govreport-package-test.lock 2>/dev/null || true
	if ! flock -n 9; then
		echo "   (waiting for another run's package test on this machine)"
		flock -w 900 9 || echo "   (waited 15 minutes; going on)"
	fi
	# from here on the package may be installed: remove it however the run ends
	trap 'as_root dpkg -r '"$deb_pkg"' >/dev/null 2>&1' EXIT
	libdir=$("$PG_CONFIG" --pkglibdir)
	sharedir=$("$PG_CONFIG" --sharedir)/extension
	if dpkg_waiting "$tmp/dpkg-i.log" -i "$deb" &&
		[ -z "$(dpkg -V "$deb_pkg" 2>&1)" ] &&
		dpkg -S "$libdir/govreport.so" 2>/dev/null | grep -q "^$deb_pkg: " &&
		dpkg -S "$sharedir/govreport.control" 2>/dev/null | grep -q "^$deb_pkg: "; then
		echo "ok - dpkg -i installs it: govreport.so and govreport.control are the package's, unchanged (dpkg -V)"
		count 1 0
	else
		tail -n 20 "$tmp/dpkg-i.log"
		echo "not ok - dpkg -i $(basename "$deb")"
		count 0 1
	fi

	# the command-line tool: in PostgreSQL's bindir, on PATH as /usr/bin/govreport, with its manual page
	if dpkg -S "$("$PG_CONFIG" --bindir)/govreport" 2>/dev/null | grep -q "^$deb_pkg: " &&
		[ "$(/usr/bin/govreport --version 2>&1)" = "govreport $make_v" ] &&
		[ -e /usr/share/man/man1/govreport.1.gz ]; then
		/usr/bin/govreport check samples/004_c93bc2a644177ce0.txt >/dev/null 2>&1
		check_rc=$?
		/usr/bin/govreport check samples/003_46e25f98fd9935f9.txt >/dev/null 2>&1
		if [ "$check_rc" -eq 1 ] && [ $? -eq 0 ]; then
			echo "ok - the package's /usr/bin/govreport runs (check: 1 on a broken sample, 0 on a clean one) and man govreport is there"
			count 1 0
		else
			echo "not ok - the package's /usr/bin/govreport check gives $check_rc on a broken sample"
			count 0 1
		fi
	else
		echo "not ok - the package has no govreport tool in $("$PG_CONFIG" --bindir), /usr/bin or no manual page"
		count 0 1
	fi

	# pg_buildext installcheck: what the package's autopkgtest
	# (debian/tests/installcheck) runs, for each PostgreSQL version whose
	# package is installed, in a throwaway cluster (not as root: NONROOT).
	# It writes results/ into the tree it runs in, so it runs in a copy.
	t0=$SECONDS
	mkdir "$tmp/src"
	copy_tree "$tmp/src"
	reg_out=$(cd "$tmp/src" && pg_buildext installcheck 2>&1)
	echo "$reg_out" | grep -E '^(test| *[0-9]+ of|All [0-9]+|not ok|ok |### )' | sed 's/^/   /' || true
	reg_ok=$(echo "$reg_out" | grep -cE '^(test |ok ).*\.\.\. ok' || true)
	reg_bad=$(echo "$reg_out" | grep -cE '^(test |not ok ).*\.\.\. FAILED' || true)
	if [ "$reg_ok" -eq 0 ] && [ "$reg_bad" -eq 0 ]; then
		echo "$reg_out" | tail -n 30
		echo "not ok - pg_buildext installcheck ran no test"
		reg_bad=1
	else
		echo "   (pg_regress against the installed package: $((SECONDS - t0)) s)"
	fi
	echo "$reg_out" | sed -n '/regression.diffs \*\*\*\*/,$p' | head -n 200
	count "$reg_ok" "$reg_bad"
	# PostgreSQL's directories are shared by everything on this machine: say
	# so when the package's files were replaced while the suite ran (a make
	# install elsewhere), since the suite then tested something else
	if [ -n "$(dpkg -V "$deb_pkg" 2>&1)" ]; then
		dpkg -V "$deb_pkg" 2>&1 | head -n 5 | sed 's/^/   /'
		echo "   (the installed package's files changed while the suite ran: another make install on this machine? re-run)"
	fi

	dpkg_waiting "$tmp/dpkg-r.log" -r "$deb_pkg"
	trap - EXIT
	flock -u 9
	if ! dpkg-query -W -f='${Status}' "$deb_pkg" 2>/dev/null | grep -q "install ok installed" &&
		[ ! -e "$libdir/govreport.so" ] && [ ! -e "$sharedir/govreport.control" ]; then
		echo "ok - dpkg -r removes it, and its files"
		count 1 0
	else
		tail -n 20 "$tmp/dpkg-r.log"
		echo "not ok - dpkg -r $deb_pkg"
		count 0 1
	fi

	if [ "$(git status --porcelain 2>/dev/null)" = "$before" ]; then
		echo "ok - the source tree is as the package steps found it"
		count 1 0
	else
		git status --porcelain
		echo "not ok - the package steps changed the source tree"
		count 0 1
	fi
	rm -rf "$tmp"
}
if dpkg-query -W -f='${Status}' "$deb_pkg" 2>/dev/null | grep -q "install ok installed"; then
	# somebody installed the package on purpose; do not replace and remove theirs
	echo "($deb_pkg is installed on this machine: this step would replace it and then remove it, so it is skipped; dpkg -r $deb_pkg to run it)"
else
	deb_step
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
