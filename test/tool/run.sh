#!/bin/bash
# run.sh — tests of govreport, the command-line tool (src/tool): each
# command on the samples with facts of the reports, the exit statuses,
# every encoding the tool detects (files made with iconv from the samples
# must give the cells of the UTF-8 file), standard input, and `load` into a
# throwaway cluster (a folder of mixed-encoding files plus unreadable ones;
# a table that refuses some reports; the TSV of each command against its SQL
# function).  One TAP line per test and "N passed, N failed" last.
#
#   test/tool/run.sh            runs itself under pg_virtualenv -t
#   GOVREPORT=/path/to/govreport test/tool/run.sh   tests an installed tool
#
# The SQL comparisons need the extension installed (scripts/test.sh
# installs it before).  Needs iconv (libc-bin) and perl (JSON::PP, core).
set -u
cd "$(dirname "$0")/../.."
if [ -z "${GOVREPORT_TOOL_INSIDE:-}" ]; then
	export LANG=C.UTF-8 LC_ALL=C.UTF-8
	GOVREPORT_TOOL_INSIDE=1 exec pg_virtualenv -t -v 15 "$0" "$@"
fi
G=${GOVREPORT:-$PWD/src/tool/govreport}
pass=0
fail=0
ok() {	# ok <condition-status> <description>
	if [ "$1" -eq 0 ]; then
		echo "ok - $2"
		pass=$((pass + 1))
	else
		echo "not ok - $2"
		fail=$((fail + 1))
	fi
}
is() {	# is <got> <want> <description>
	if [ "$1" = "$2" ]; then
		ok 0 "$3"
	else
		ok 1 "$3 (got [$1], want [$2])"
	fi
}
tmp=$(mktemp -d /tmp/govreport-tool.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
s000=samples/000_39ebc790c38a4837.txt
s001=samples/001_491d5e7aac25b4a8.txt
s002=samples/002_76344675801c90f2.txt
s003=samples/003_46e25f98fd9935f9.txt
s004=samples/004_c93bc2a644177ce0.txt
# one column of a TSV row: field <n> of the line whose field 2 is <key>
field() {	# field <key> <n>
	awk -F '\t' -v k="$1" -v n="$2" '$2 == k {print $n}'
}
# the rows without their first column (the file's name)
rest() { cut -f2-; }

if [ ! -x "$G" ]; then
	echo "not ok - $G is not built (make)"
	echo "0 passed, 1 failed"
	exit 1
fi

# ---- the command line ----
out=$("$G" --version)
is "$?:$out" "0:govreport $(sed -n 's/^#define GR_VERSION "\(.*\)"/\1/p' src/core/gr_core.h)" "--version says the version of the core"
out=$("$G" --help)
rc=$?
echo "$out" | grep -q 'govreport cells' && echo "$out" | grep -q 'govreport load --table'
ok $((rc + $?)) "--help lists the commands, exit status 0"
for bad in "bogus $s003" "cells --bogus $s003" "cells --table x $s003" "load --json --table x ." \
	"cells" "load ." "check --ruleset 99 $s003" "cells --encoding no-such-encoding $s003" ""; do
	# shellcheck disable=SC2086
	"$G" $bad >/dev/null 2>"$tmp/err"
	rc=$?
	is "$rc" 2 "bad use exits 2: govreport $bad ($(head -n 1 "$tmp/err"))"
done
# the manual page: its sections, and (where man is installed) that it renders
grep -q '^\.SH "EXIT STATUS"' docs/govreport.1 && grep -q '^\.SH ENCODINGS' docs/govreport.1 &&
	{ ! command -v man >/dev/null || man -l docs/govreport.1 2>/dev/null | grep -q 'EXIT STATUS'; }
ok $? "docs/govreport.1 is a manual page with EXIT STATUS and ENCODINGS sections"

# ---- cells: facts of the samples ----
"$G" cells "$s004" >"$tmp/c004"
is "$?" 1 "cells on 004 (an error finding: no section 六) exits 1"
is "$(head -n 1 "$tmp/c004")" "$(printf 'file\tkey\tvalue\traw\tunit\tderived\tline\tstate\tord\trow_label\tcol_label')" \
	"cells: the header is file and report_cells' columns"
# 兵团民政局 2020, 表二 行政许可: 上一年项目数量 0, 本年增/减 72, 处理决定数量 72 (lines 63-67)
is "$(field t2.licensing.decisions 3 <"$tmp/c004"):$(field t2.licensing.decisions 7 <"$tmp/c004")" "72:67" \
	"cells: 004's t2.licensing.decisions is 72, on line 67"
is "$(field t2.licensing.prev_items 3 <"$tmp/c004")" 0 "cells: 004's t2.licensing.prev_items is 0"
# 第十一师 2021: 规范性文件 本年制发 6, 废止 1, 现行有效 20 (line 36)
is "$("$G" cells "$s001" | field t2.norm_docs.in_force 3)" 20 "cells: 001's t2.norm_docs.in_force is 20"
# 大竹县团坝镇: 表四's 行政复议 cells are blank, so NULL, never 0
is "$("$G" cells "$s003" | field t4.review.total 3)" '\N' "cells: 003's blank t4.review.total is NULL (\\N)"
is "$("$G" cells "$s003" | field t4.review.total 8)" blank "cells: 003's t4.review.total is in state blank"
# gb2021's 表二 (spec: 行政许可 → licensing, 本年处理决定数量 → decisions)
is "$("$G" cells "$s003" | awk -F '\t' '$2 == "t2.licensing.decisions" {print $10 ":" $11}')" "行政许可:本年处理决定数量" \
	"cells: row_label and col_label are the format's Chinese labels (003, gb2021: 行政许可, 本年处理决定数量)"
"$G" cells "$s002" >/dev/null
is "$?" 0 "cells on 002 (no error finding) exits 0"

# ---- check ----
"$G" check "$s004" >"$tmp/k004"
is "$?" 1 "check on 004 exits 1"
is "$(awk -F '\t' '$3 == "error" {print $2}' "$tmp/k004")" R-X-02 "check: 004's one error is R-X-02 (section 六 missing)"
"$G" check "$s003" >"$tmp/k003"
is "$?:$(grep -c $'\terror\t' "$tmp/k003")" "0:0" "check on 003 (a clean report) exits 0 and lists no error"
"$G" check "$s002" "$s003" >/dev/null
is "$?" 0 "check on 002 and 003 (both clean) exits 0"
"$G" check "$s002" "$s000" >/dev/null
is "$?" 1 "check on 002 and 000 (000 has errors) exits 1"
is "$(awk -F '\t' '$2 == "R-X-01" {print $5}' <("$G" check "$s000"))" \
	"{t2.admin_fees.prev_items,t2.admin_fees.delta}" "check: 000's R-X-01 names its cells as an array literal"

# ---- sections ----
"$G" sections "$s004" >"$tmp/x004"
keys=$(cut -f3 "$tmp/x004" | tail -n +2 | tr '\n' ' ')
is "$keys" "preamble s1_overview s2_proactive s3_requests s4_review_litigation s5_problems " \
	"sections: 004 has the preamble and sections 一 to 五, no 六"
is "$("$G" sections "$s003" | awk -F '\t' '$3 == "s1_overview" {print $4 "@" $6}')" "一、政府信息公开总体情况@7" \
	"sections: 003's section 一 heading as printed, on line 7"

# ---- html: the review sheet, as report_html ----
"$G" html "$s004" >"$tmp/h004"
rc=$?
is "$rc:$(head -c 15 "$tmp/h004")" "1:<!DOCTYPE html>" "html: 004's sheet on standard output, exit 1 (it has errors)"
keys_sheet=$(grep -o 'data-key="[^"]*"' "$tmp/h004" | sort -u | sed 's/data-key="//; s/"$//' | tr '\n' ' ')
keys_check=$("$G" check "$s004" | awk -F '\t' 'NR > 1 && $5 != "\\N" {print $5}' | tr -d '{}' | tr ',' '\n' |
	grep . | sort -u | tr '\n' ' ')
is "$keys_sheet" "$keys_check" "html: the cells highlighted in 004's sheet are those its findings name"
mkdir -p "$tmp/sheets"
"$G" html -o "$tmp/sheets" samples/*.txt
is "$?:$(ls "$tmp/sheets" | wc -l)" "1:5" "html -o DIR: one page per sample, exit 1 (some have errors)"
"$G" html "$s003" "$s004" >/dev/null 2>&1
is "$?" 2 "html: several files without --output-dir is bad use"

# ---- summary ----
"$G" summary samples/*.txt >"$tmp/sum"
is "$?:$(wc -l <"$tmp/sum")" "1:6" "summary: a header and one line per sample, exit 1 (three have errors)"
is "$(awk -F '\t' '$1 ~ /003_/ {print $2, $3, $4, $5, $13, $15}' "$tmp/sum")" 'UTF-8 大竹县团坝镇 2021 gb2021 0 \N' \
	"summary: 003 is 大竹县团坝镇 2021 gb2021, read as UTF-8, no error"
is "$(awk -F '\t' '$1 ~ /004_/ {print $3, $4, $5, $13, substr($15, 1, 6)}' "$tmp/sum")" '兵团民政局 2020 gb2019 1 R-X-02' \
	"summary: 004 is 兵团民政局 2020 gb2019, one error, the first R-X-02"

# ---- JSON ----
"$G" cells --json "$s004" >"$tmp/j004"
rc=$?
got=$(perl -CO -MJSON::PP -0777 -ne '$r = decode_json($_); for (@$r) { print "$_->{value}|$_->{line}|", ($_->{derived} ? "d" : "p"), "|", scalar(@$r) if $_->{key} eq "t2.licensing.decisions" }' "$tmp/j004")
is "$rc:$got" "1:72|67|p|$(($(wc -l <"$tmp/c004") - 1))" "cells --json: valid JSON, the same rows, 72 a number, derived a boolean"
got=$(perl -CO -MJSON::PP -0777 -ne '$r = decode_json($_); print join(",", map { "$_->{rule}:" . (defined $_->{line} ? $_->{line} : "null") } grep { $_->{severity} eq "error" } @$r)' <("$G" check --json "$s004"))
is "$got" "R-X-02:null" "check --json: 004's error R-X-02, its line null"
is "$("$G" summary --json "$s002" | perl -CO -MJSON::PP -0777 -ne '$r = decode_json($_); print "$r->[0]{org} $r->[0]{year} $r->[0]{errors}"')" "七户乡 2020 0" \
	"summary --json: 002 is 七户乡 2020 with no error"

# ---- standard input ----
"$G" cells - <"$s004" >"$tmp/stdin"
is "$?:$(tail -n 1 "$tmp/stdin" | cut -f1)" "1:-" "cells - reads standard input, its file column is -"
diff <(rest <"$tmp/stdin") <(rest <"$tmp/c004") >/dev/null
ok $? "cells - gives the cells of the file"

# ---- encodings: files made with iconv give the cells of the UTF-8 file ----
mkdir "$tmp/enc"
sed 's/\xc2\xa0/ /g' "$s004" >"$tmp/004.txt"	# GBK has no U+00A0
iconv -f UTF-8 -t GBK "$s003" >"$tmp/enc/003.gbk.txt"
iconv -f UTF-8 -t GBK "$tmp/004.txt" >"$tmp/enc/004.gbk.txt"
iconv -f UTF-8 -t GB2312 "$s002" >"$tmp/enc/002.gb2312.txt" 2>/dev/null || iconv -f UTF-8 -t GBK "$s002" >"$tmp/enc/002.gb2312.txt"
iconv -f UTF-8 -t GB18030 "$s004" >"$tmp/enc/004.gb18030.txt"	# U+00A0 in four bytes
iconv -f UTF-8 -t UTF-16LE "$s001" | { printf '\377\376'; cat; } >"$tmp/enc/001.utf16le-bom.txt"
iconv -f UTF-8 -t UTF-16BE "$s000" | { printf '\376\377'; cat; } >"$tmp/enc/000.utf16be-bom.txt"
iconv -f UTF-8 -t UTF-16LE "$s003" >"$tmp/enc/003.utf16le.txt"
iconv -f UTF-8 -t UTF-16BE "$s004" >"$tmp/enc/004.utf16be.txt"
{ printf '\357\273\277'; cat "$s002"; } >"$tmp/enc/002.utf8-bom.txt"
iconv -f UTF-8 -t BIG5 test/data/002_76344675801c90f2.hant.txt >"$tmp/enc/002.big5.txt"
for f in 003.gbk:"$s003":GB18030 004.gbk:"$tmp/004.txt":GB18030 002.gb2312:"$s002":GB18030 \
	004.gb18030:"$s004":GB18030 001.utf16le-bom:"$s001":UTF-16LE 000.utf16be-bom:"$s000":UTF-16BE \
	003.utf16le:"$s003":UTF-16LE 004.utf16be:"$s004":UTF-16BE 002.utf8-bom:"$s002":UTF-8 002.big5:test/data/002_76344675801c90f2.hant.txt:Big5; do
	name=${f%%:*}
	want=${f##*:}
	orig=${f#*:}
	orig=${orig%:*}
	enc=$("$G" summary "$tmp/enc/$name.txt" | tail -n 1 | cut -f2)
	diff <("$G" cells "$tmp/enc/$name.txt" | rest) <("$G" cells "$orig" | rest) >"$tmp/diff"
	ok $? "encoding $name: read as $enc, the same cells as the UTF-8 file$( [ "$enc" = "$want" ] || echo " (want $want)")"
	[ "$enc" = "$want" ] || ok 1 "encoding $name: read as $want"
done
"$G" summary -v "$tmp/enc/003.gbk.txt" 2>"$tmp/err" >/dev/null
grep -q '003.gbk.txt: read as GB18030 (every byte converts as GB18030, not as Big5)' "$tmp/err"
ok $? "-v says on stderr which encoding a file was read as, and why ($(head -n 1 "$tmp/err" | sed 's/.*read as //'))"
"$G" summary "$tmp/enc/003.gbk.txt" 2>"$tmp/err" >/dev/null
is "$(wc -c <"$tmp/err")" 0 "without -v nothing on stderr"

# an HTML page, one <p> a line, in GBK with <meta charset=gbk>; another with content="…; charset=gb2312"
html() {	# html <meta tag> <utf-8 text file>
	printf '<!DOCTYPE html>\n<html><head>\n%s\n<title>report</title></head><body>\n' "$1"
	sed 's/\xc2\xa0/ /g; s/&/\&amp;/g; s/</\&lt;/g; s/^/<p>/; s/$/<\/p>/' "$2"
	printf '</body></html>\n'
}
html '<meta charset=gbk>' "$s002" | iconv -f UTF-8 -t GBK >"$tmp/enc/002.gbk.html"
html '<meta charset=gbk>' "$s002" >"$tmp/002.utf8.html"
html '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">' "$s004" | iconv -f UTF-8 -t GBK >"$tmp/enc/004.gb2312.html"
html '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">' "$s004" >"$tmp/004.utf8.html"
"$G" summary -v "$tmp/enc/002.gbk.html" "$tmp/enc/004.gb2312.html" "$tmp/002.utf8.html" >"$tmp/sum" 2>"$tmp/err"
grep -q '002.gbk.html: read as GB18030 (<meta charset=gbk>)' "$tmp/err" &&
	grep -q '004.gb2312.html: read as GB18030 (<meta charset=gb2312>)' "$tmp/err"
ok $? "HTML: <meta charset=gbk> and content=\"text/html; charset=gb2312\" are read as GB18030, and -v says so"
is "$(grep -c . "$tmp/sum"):$(awk -F '\t' 'NR > 1 {print $3}' "$tmp/sum" | tr '\n' ' ')" "4:七户乡 兵团民政局 七户乡 " \
	"HTML: the pages give their reports' org"
diff <("$G" cells "$tmp/enc/004.gb2312.html" | rest) <("$G" cells "$tmp/004.utf8.html" | rest) >/dev/null
ok $? "HTML: the GBK page gives the cells of the same page in UTF-8"
grep -q '002.utf8.html: read as UTF-8 (valid UTF-8)' "$tmp/err"
ok $? "HTML: a UTF-8 page that says <meta charset=gbk> is read as UTF-8 (valid UTF-8 is UTF-8)"

# ---- files that cannot be read ----
printf '%%PDF-1.4\n%%\342\343\317\323\n1 0 obj\n' >"$tmp/scan.pdf"
{ head -n 50 "$tmp/enc/003.gbk.txt"; printf '\377'; tail -n +51 "$tmp/enc/003.gbk.txt"; } >"$tmp/stray.txt"
"$G" cells "$s002" "$tmp/no-such-file" "$tmp/scan.pdf" "$s003" >"$tmp/out" 2>"$tmp/err"
rc=$?
is "$rc:$(cut -f1 "$tmp/out" | uniq | tr '\n' ' ')" "2:file $s002 $s003 " \
	"unreadable files: exit 2, the other files' rows all there"
grep -q 'no-such-file: No such file or directory' "$tmp/err" && grep -q 'scan.pdf: a PDF file' "$tmp/err" &&
	grep -q '2 of 4 files could not be read' "$tmp/err"
ok $? "unreadable files: each named on stderr with its reason, and counted"
"$G" check "$tmp/stray.txt" >/dev/null 2>"$tmp/err"
is "$?" 2 "a GBK file with a stray 0xFF is refused (exit 2): $(head -c 110 "$tmp/err")"
"$G" cells --replace "$tmp/stray.txt" >"$tmp/out" 2>"$tmp/err"
rc=$?
grep -q 'stray.txt: 1 invalid byte sequence replaced by U+FFFD (read as GB18030)' "$tmp/err"
ok $((rc + $?)) "--replace reads it with U+FFFD and says so on stderr"
"$G" cells --encoding GBK "$tmp/enc/003.gbk.txt" | rest >"$tmp/out"
diff "$tmp/out" <("$G" cells "$s003" | rest) >/dev/null
ok $? "--encoding GBK reads a GBK file"

# ---- the output against the SQL functions, and back ----
psql -X -q -c 'CREATE EXTENSION govreport' >/dev/null 2>&1
if psql -X -q -c 'SELECT 1 FROM pg_extension WHERE extname = $$govreport$$' -tA | grep -q 1; then
	psql -X -q -v ON_ERROR_STOP=1 -c 'CREATE TABLE r (file text, body text NOT NULL)' >/dev/null
	"$G" load -q --table r --name-column file samples/*.txt
	# the tool's columns (its header) from the SQL function, in the function's row order
	for fn in cells:report_cells check:report_check sections:report_sections summary:report_summary; do
		cmd=${fn%%:*}
		sqlfn=${fn#*:}
		"$G" "$cmd" samples/*.txt >"$tmp/tool"
		cols=$(head -n 1 "$tmp/tool" | tr '\t' '\n' | sed 1d | sed 's/^/f./' | paste -sd, | sed 's/f\.encoding/$$UTF-8$$ AS encoding/')
		if [ "$sqlfn" = report_summary ] && ! psql -X -tA -c "SELECT to_regprocedure('report_summary(text,integer)')" | grep -q .; then
			echo "ok - govreport summary against report_summary # SKIP report_summary() is not in this release"
			pass=$((pass + 1))
			continue
		fi
		psql -X -q -c "COPY (SELECT r.file, $cols FROM r, $sqlfn(r.body) WITH ORDINALITY f ORDER BY r.file, f.ordinality) TO STDOUT WITH (HEADER)" \
			>"$tmp/sql" 2>&1
		diff "$tmp/tool" "$tmp/sql" >"$tmp/diff"
		ok $? "govreport $cmd prints what $sqlfn returns, column for column ($(wc -l <"$tmp/tool") lines; $(head -n 3 "$tmp/diff" | tr '\n' ' '))"
	done
	# a table of the tool's columns, typed as report_cells types them
	cols=$("$G" cells "$s004" | head -n 1 | tr '\t' '\n' | sed 1d | paste -sd,)
	psql -X -q -c "CREATE TABLE c AS SELECT \$\$\$\$::text AS file, $cols FROM report_cells(\$\$\$\$) WHERE false" >/dev/null
	"$G" cells samples/*.txt | psql -X -q -c '\copy c FROM STDIN WITH (HEADER)'
	is "$(psql -X -tA -c "SELECT value FROM c WHERE file LIKE '%004_%' AND key = 't2.licensing.decisions'")" 72 \
		"the TSV of cells loads with \\copy … WITH (HEADER) into a table of report_cells' columns"
else
	ok 1 "CREATE EXTENSION govreport (is it installed? make install)"
fi

# ---- load: a folder of mixed encodings and unreadable files ----
mkdir -p "$tmp/mixed/sub/deeper"
cp samples/*.txt "$tmp/mixed/"
cp "$tmp/enc/003.gbk.txt" "$tmp/enc/004.gb18030.txt" "$tmp/mixed/sub/"
cp "$tmp/enc/001.utf16le-bom.txt" "$tmp/enc/000.utf16be-bom.txt" "$tmp/enc/002.utf8-bom.txt" "$tmp/mixed/sub/deeper/"
cp "$tmp/enc/002.gbk.html" "$tmp/mixed/sub/"
cp "$tmp/scan.pdf" "$tmp/stray.txt" "$tmp/mixed/"
ln -s "$tmp/nowhere.txt" "$tmp/mixed/sub/gone.txt"
ln -s "$tmp/enc" "$tmp/mixed/link-to-folder"
readable=11
unreadable="scan.pdf stray.txt sub/gone.txt link-to-folder"
if [ "$(id -u)" -ne 0 ]; then	# root reads a file of mode 000
	cp "$s003" "$tmp/mixed/locked.txt"
	chmod 000 "$tmp/mixed/locked.txt"
	unreadable="$unreadable locked.txt"
fi
psql -X -q -v ON_ERROR_STOP=1 -c 'CREATE TABLE reports (id bigserial PRIMARY KEY, file text, body text NOT NULL, enc text)'
"$G" load --table reports --name-column file --encoding-column enc --batch 4 "$tmp/mixed" >"$tmp/out" 2>"$tmp/err"
rc=$?
is "$rc" 1 "load: exit status 1 when a file was skipped"
is "$(psql -X -tA -c 'SELECT count(*) FROM reports')" "$readable" "load: every readable file is a row ($readable)"
missing=""
for u in $unreadable; do
	grep -q "skipped $tmp/mixed/$u: " "$tmp/err" || missing="$missing $u"
done
is "$missing" "" "load: each unreadable file is listed on stderr with its reason"
grep -q "^loaded $readable files" "$tmp/out" && grep -q "^skipped $(echo $unreadable | wc -w) files" "$tmp/out"
ok $? "load: the summary says how many were loaded and skipped ($(head -n 1 "$tmp/out"))"
is "$(grep '^by encoding' "$tmp/out")" "by encoding: UTF-8 6, GB18030 3, UTF-16BE 1, UTF-16LE 1" "load: the summary counts files by encoding"
bad=""
for pair in "000_39ebc790c38a4837.txt:$s000" "001_491d5e7aac25b4a8.txt:$s001" "002_76344675801c90f2.txt:$s002" \
	"003_46e25f98fd9935f9.txt:$s003" "004_c93bc2a644177ce0.txt:$s004" "sub/003.gbk.txt:$s003" \
	"sub/004.gb18030.txt:$s004" "sub/deeper/001.utf16le-bom.txt:$s001" "sub/deeper/000.utf16be-bom.txt:$s000" \
	"sub/deeper/002.utf8-bom.txt:$s002" "sub/002.gbk.html:$tmp/002.utf8.html"; do
	got=$(psql -X -tA -c "SELECT md5(body) FROM reports WHERE file = '$tmp/mixed/${pair%%:*}'")
	[ "$got" = "$(md5sum <"${pair#*:}" | cut -d ' ' -f 1)" ] || bad="$bad ${pair%%:*}"
done
is "$bad" "" "load: each row's body is the file's text in UTF-8, byte for byte (BOMs dropped)"
is "$(psql -X -tA -c "SELECT enc FROM reports WHERE file LIKE '%/sub/003.gbk.txt'"):$(psql -X -tA -c "SELECT enc FROM reports WHERE file LIKE '%/000.utf16be-bom.txt'")" \
	"GB18030:UTF-16BE" "load: --encoding-column holds what each file was read as"
grep -q $'\r' "$tmp/err"
is "$?" 1 "load: no progress bar when stderr is not a terminal"
psql -X -q -c 'TRUNCATE reports'
"$G" load --table reports --progress "$s002" "$s003" >/dev/null 2>"$tmp/err"
grep -q '2/2 files' "$tmp/err" && grep -q 'MB/s' "$tmp/err" && grep -q ' left' "$tmp/err" && grep -q ' in all' "$tmp/err"
ok $? "load --progress draws the bar: files, MB, rate, time left ($(tr '\r' '\n' <"$tmp/err" | tail -n 1 | sed 's/\x1b\[K//g; s/^.*\] *//'))"
is "$(psql -X -tA -c 'SELECT count(*), count(file) FROM reports')" "2|0" "load without --name-column fills the text column only"

# the server refuses some rows: a CHECK that only valid reports pass
if psql -X -q -c 'CREATE TABLE valid (file text, body text NOT NULL CHECK (report_is_valid(body, 1)))' 2>/dev/null; then
	"$G" load --table valid --name-column file samples >"$tmp/out" 2>"$tmp/err"
	rc=$?
	is "$rc:$(psql -X -tA -c 'SELECT string_agg(file, $$ $$ ORDER BY file) FROM valid')" "1:samples/$(basename "$s002") samples/$(basename "$s003")" \
		"load: a batch the server refuses is retried a file at a time: the valid reports are loaded"
	is "$(grep -c 'refused by the server: new row for relation "valid" violates check constraint' "$tmp/err")" 3 \
		"load: each refused file is listed with the server's message"
fi
"$G" load --table no_such_table "$s002" >/dev/null 2>"$tmp/err"
is "$?" 2 "load into a table that does not exist exits 2: $(head -n 1 "$tmp/err")"
"$G" load --table reports --column no_such_column "$s002" >/dev/null 2>"$tmp/err"
is "$?" 2 "load into a column that does not exist exits 2"
"$G" load -d "host=/nonexistent" --table reports "$s002" >/dev/null 2>"$tmp/err"
is "$?" 2 "load when the server cannot be reached exits 2"
psql -X -q -c 'CREATE SCHEMA "My Schema"; CREATE TABLE "My Schema"."Reports" ("Body" text)'
"$G" load -q -d "dbname=$(psql -X -tA -c 'SELECT current_database()')" --table 'My Schema.Reports' --column Body "$s002"
is "$?:$(psql -X -tA -c 'SELECT count(*) FROM "My Schema"."Reports"')" "0:1" \
	"load -d CONNSTR --table SCHEMA.TABLE: names as stored, quoted"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
