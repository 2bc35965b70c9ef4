#!/bin/bash
# run.sh — the corpus test, on the real reports of ../shared/corpus (when
# that directory is present).  Two kinds of check:
#
#  * snapshots: test/tools/grdump -r of each report against
#    test/corpus/<file>.rows, and grdump -f (the rules' findings) against
#    <file>.findings.  These are the program's own output, frozen: they
#    catch any change, right or wrong.
#  * facts: test/corpus/facts, written by hand from the corpus README and
#    the texts (never from the program's output), one cell value or one
#    balance a line, each checked by test/corpus/facts.awk over
#    grdump -v.  A fact marked "# TODO why" is a known gap of the parser:
#    reported in TAP's TODO form and counted apart, not as a failure.
#
#  * extractions and variants: the reports as other tools extract them
#    (test/data/extract) and as they are changed on their way
#    (test/corpus/variants), against the corpus file's own cells;
#  * the layout generator's reports joined onto one line, against their own.
#
# Prints one TAP line per check, how many TODO facts remain, and
# "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
corpus=${1:-../shared/corpus}
pass=0
fail=0
tmp=$(mktemp -d /tmp/corpus.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

# tap STATUS MESSAGE [DETAIL LINES]: a TAP line for a check whose exit
# status was STATUS, counted; a failure shows the first LINES of DETAIL
tap() {
	if [ "$1" = 0 ]; then
		echo "ok - $2"
		pass=$((pass + 1))
	else
		echo "not ok - $2"
		[ -n "${3:-}" ] && head -n "${4:-40}" "$3"
		fail=$((fail + 1))
	fi
}

for want in test/corpus/*.rows; do
	name=$(basename "$want" .rows)
	if [ ! -f "$corpus/$name" ]; then
		continue
	fi
	for kind in rows findings; do
		flag=-r
		[ "$kind" = findings ] && flag=-f
		[ -f "test/corpus/$name.$kind" ] || continue
		diff -u "test/corpus/$name.$kind" <(test/tools/grdump $flag "$corpus/$name" | tail -n +2) > "$tmp/diff"
		tap $? "corpus $name: $kind" "$tmp/diff" 40
	done
done

# ---- hand-written facts ----
facts=0
todo=0
todo_met=0
while IFS= read -r line; do
	case "$line" in '' | '#'*) continue ;; esac
	mark=""
	if [[ "$line" == *"# TODO"* ]]; then
		mark="# TODO${line#*# TODO}"
		line="${line%%# TODO*}"
	fi
	line=$(echo "$line" | sed 's/[[:space:]]*$//')
	file=${line%% *}
	fact=${line#* }
	[ -f "$corpus/$file" ] || continue
	dump="$tmp/$file.cells"
	[ -f "$dump" ] || test/tools/grdump -v "$corpus/$file" > "$dump"
	facts=$((facts + 1))
	verdict=$(awk -f test/corpus/facts.awk -v fact="$fact" "$dump")
	if [ "$verdict" = ok ]; then
		if [ -n "$mark" ]; then
			echo "ok - fact: $file $fact $mark"
			todo_met=$((todo_met + 1))
		else
			echo "ok - fact: $file $fact"
			pass=$((pass + 1))
		fi
	else
		echo "not ok - fact: $file $fact (${verdict#fail: })${mark:+ $mark}"
		if [ -n "$mark" ]; then
			todo=$((todo + 1))
		else
			fail=$((fail + 1))
		fi
	fi
done < test/corpus/facts

now=""
[ "$todo_met" -gt 0 ] && now=", $todo_met TODO facts now hold (remove their TODO mark)"
echo "# facts: $facts checked, $todo TODO facts remain (known gaps, not failures)$now"

# ---- the same reports as other tools extract them (test/data/extract) ----
# No cell may read as another number than from the corpus file (a hard
# failure); how many agree, how many are missed (NULL) and how many are read
# where the corpus file gives none must stay as test/data/extract/agreement,
# and so must how many of the corpus file's sections (key and heading) each
# finds alike.
outline() {
	test/tools/grdump "$1" | sed -n 's/^section [0-9]* \([a-z0-9_]*\) line [0-9]* heading \(\[[^]]*\]\).*/\1 \2/p' | sort
}
got="$tmp/agreement"
: > "$got"
for variant in test/data/extract/*.*.*; do
	name=$(basename "$variant")
	base=${name%.*}
	case "$name" in *.md) continue ;; esac
	[ -f "$corpus/$base" ] || continue
	[ -f "$tmp/$base.cells" ] || test/tools/grdump -v "$corpus/$base" > "$tmp/$base.cells"
	test/tools/grdump -v "$variant" > "$tmp/$name.cells"
	counts=$(awk -F= '
		function num(v) { return v ~ /^-?[0-9]+(\.[0-9]+)?$/ }
		# what a cell says of itself: a number, empty, a dash; blank where the corpus has 0 is wrong too
		function stated(v) { return num(v) || v == "blank" || v == "dash" }
		FNR == 1 { next }
		NR == FNR { if ($2 !~ / derived$/ && $2 != "absent" && $1 !~ /^meta\./) ref[$1] = $2; next }
		!($1 in ref) { next }
		{
			v = $2
			if (v == ref[$1]) same++
			else if (stated(v) && stated(ref[$1])) { wrong++; print "# " $1 ": " v " where the corpus file reads " ref[$1] > "/dev/stderr" }
			else if (stated(v)) extra++
			else missed++
		}
		END { printf "same %d missed %d extra %d wrong %d\n", same, missed, extra, wrong }
	' "$tmp/$base.cells" "$tmp/$name.cells" 2> "$tmp/wrong")
	# the outline: the sections (key and heading) the corpus file has, found alike
	[ -f "$tmp/$base.outline" ] || outline "$corpus/$base" > "$tmp/$base.outline"
	alike=$(outline "$variant" | comm -12 "$tmp/$base.outline" - | wc -l)
	counts="$counts outline $alike/$(wc -l < "$tmp/$base.outline")"
	echo "$name $counts" >> "$got"
	[[ "$counts" == *" wrong 0 outline "* ]]
	tap $? "extraction $name: no number read as another ($counts)" "$tmp/wrong" 20
done
if [ -s "$got" ]; then
	diff -u test/data/extract/agreement "$got" > "$tmp/diff"
	tap $? "extractions: as many cells as test/data/extract/agreement says" "$tmp/diff" 100
fi
# ---- the same reports changed on their way (test/corpus/variants) ----
# Each variant made of every corpus report and sample its files name; its
# cells against the original's (grdump -v): "same" must give every one,
# "right" may miss some but never read one as another.
# compare ORIG VARIANT MUST: "same N missed N extra N wrong N", the cells
# that differ on stderr; the year and edition only where the variant must
# read the same (a text without its rows' numbering may show one edition less)
compare() {
	awk -F= -v must="$3" '
		function num(v) { return v ~ /^-?[0-9]+(\.[0-9]+)?$/ }
		function stated(v) { return num(v) || v == "blank" || v == "dash" }
		FNR == 1 { next }
		NR == FNR { if ($2 !~ / derived$/ && $2 != "absent" && (must == "same" || $1 !~ /^meta\./)) ref[$1] = $2; next }
		!($1 in ref) { next }
		{
			v = $2
			if (v == ref[$1]) same++
			else if (stated(v) && stated(ref[$1])) { wrong++; print "#   " $1 ": " v " where the original reads " ref[$1] > "/dev/stderr" }
			else if (stated(v)) extra++
			else { missed++; if (stated(ref[$1])) print "#   " $1 ": " v " where the original reads " ref[$1] > "/dev/stderr" }
		}
		END { printf "same %d missed %d extra %d wrong %d\n", same, missed, extra, wrong }
	' "$1" "$2"
}
originals=$(ls "$corpus"/*.txt "$corpus"/*.md "$corpus"/*.html samples/*.txt 2>/dev/null)
for f in $originals; do
	test/tools/grdump -v "$f" > "$tmp/orig.$(basename "$f").cells"
done
while read -r name must files cmd; do
	case "$name" in '' | '#'*) continue ;; esac
	if [ "$name" = hant ] && ! command -v uconv >/dev/null 2>&1; then
		echo "ok - variant $name: skipped (no uconv: Debian's icu-devtools)"
		pass=$((pass + 1))
		continue
	fi
	n=0
	bad=0
	: > "$tmp/why"
	for f in $originals; do
		b=$(basename "$f")
		# shellcheck disable=SC2254
		case "$b" in $files) ;; *) continue ;; esac
		n=$((n + 1))
		bash -c "$cmd" < "$f" > "$tmp/variant"
		test/tools/grdump -v "$tmp/variant" > "$tmp/variant.cells"
		counts=$(compare "$tmp/orig.$b.cells" "$tmp/variant.cells" "$must" 2> "$tmp/cells")
		case "$must" in
			same) [[ "$counts" == *" missed 0 extra 0 wrong 0" ]] ;;
			*) [[ "$counts" == *" extra 0 wrong 0" ]] ;;
		esac || {
			bad=$((bad + 1))
			echo "# $b: $counts" >> "$tmp/why"
			head -n 5 "$tmp/cells" >> "$tmp/why"
		}
	done
	[ "$bad" -eq 0 ]
	tap $? "variant $name ($must): $n reports, $bad not as they must be" "$tmp/why" 40
done < test/corpus/variants

# ---- generated reports joined onto one line ----
# The layout generator's reports of every layout (test/unit/test_layouts, with their
# empty cells and malformed ones) with every run of white space made one
# space, as a PDF's text with its line breaks lost: no cell may read as
# another number than from the report as laid out, nor a number where it
# has none — an empty cell leaves nothing in such a text, so a row short of
# numbers is read as any line's row is, never cut as glued digits.
if [ -x test/unit/test_layouts ]; then
	mkdir -p "$tmp/gen"
	LAYOUT_DUMP="$tmp/gen" test/unit/test_layouts 25 >/dev/null 2>&1 || true
	for ly in a a2 b c d e f g h i j k l; do
		n=0
		bad=0
		: > "$tmp/why"
		for f in "$tmp/gen/${ly}_"*.txt; do
			[ -f "$f" ] || continue
			n=$((n + 1))
			perl -0pe 's/\s+/ /g; $_ .= "\n"' < "$f" > "$tmp/variant"
			test/tools/grdump -v "$f" > "$tmp/orig.cells"
			test/tools/grdump -v "$tmp/variant" > "$tmp/variant.cells"
			counts=$(compare "$tmp/orig.cells" "$tmp/variant.cells" right 2> "$tmp/cells")
			[[ "$counts" == *" extra 0 wrong 0" ]] || {
				bad=$((bad + 1))
				echo "# $(basename "$f"): $counts" >> "$tmp/why"
				head -n 5 "$tmp/cells" >> "$tmp/why"
			}
		done
		[ "$n" -gt 0 ] && [ "$bad" -eq 0 ]
		tap $? "generated ($ly) joined onto one line (right): $n reports, $bad not as they must be" "$tmp/why" 40
	done
else
	echo "ok - generated reports joined onto one line: skipped (build test/unit/test_layouts)"
	pass=$((pass + 1))
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
