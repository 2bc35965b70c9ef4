#!/bin/bash
# run.sh — the corpus test: each real report of ../shared/corpus (when that
# directory is present) is parsed by test/tools/grdump -r and compared with
# test/corpus/<file>.rows, which holds what a reader of the text is certain
# of (checked by hand against the text and the balances the corpus README
# lists).  Prints one TAP line per report and "N passed, N failed".
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
	if diff -u "$want" <(test/tools/grdump -r "$corpus/$name" | tail -n +2) > /tmp/corpus.diff.$$; then
		echo "ok - corpus $name"
		pass=$((pass + 1))
	else
		echo "not ok - corpus $name"
		head -n 40 /tmp/corpus.diff.$$
		fail=$((fail + 1))
	fi
done
rm -f /tmp/corpus.diff.$$
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
