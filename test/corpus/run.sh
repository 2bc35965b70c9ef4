#!/bin/bash
# run.sh — the corpus test: each real report of ../shared/corpus (when that
# directory is present) is parsed by test/tools/grdump -r and compared with
# test/corpus/<file>.rows, which holds what a reader of the text is certain
# of (checked by hand against the text and the balances the corpus README
# lists), and checked by grdump -f against <file>.findings, the rules'
# findings on it.  Prints one TAP line per check and "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
corpus=${1:-../shared/corpus}
pass=0
fail=0
for want in test/corpus/*.rows; do
	name=$(basename "$want" .rows)
	if [ ! -f "$corpus/$name" ]; then
		continue
	fi
	for kind in rows findings; do
		flag=-r
		[ "$kind" = findings ] && flag=-f
		[ -f "test/corpus/$name.$kind" ] || continue
		if diff -u "test/corpus/$name.$kind" <(test/tools/grdump $flag "$corpus/$name" | tail -n +2) \
			> /tmp/corpus.diff.$$; then
			echo "ok - corpus $name: $kind"
			pass=$((pass + 1))
		else
			echo "not ok - corpus $name: $kind"
			head -n 40 /tmp/corpus.diff.$$
			fail=$((fail + 1))
		fi
	done
done
rm -f /tmp/corpus.diff.$$
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
