# corpus.sh — the reports the benchmarks run over, shared by bench/run.sh
# and bench/copy.sh.  Sourced, not run.
#
#   bench_corpus DIR N     N generated reports in each of the eight layouts
#                          a, a2, b, c, d, e, f, g (test/unit/test_layouts,
#                          LAYOUT_DUMP) and the five samples, written to DIR
#                          (created, readable by the server, which reads them
#                          with pg_read_file).  The generator's later layouts
#                          (h, box-drawn tables) are left out, so that the
#                          figures of every round read the same reports.
#
# Three generated reports in four add up (LAYOUT_ADD_UP=75), as 13 of the
# 17 real reports of the seeds and ../shared/corpus do; the fourth breaks
# every balance rule of the format (some 35 findings of 0.7 KB each, where
# a real report that breaks one breaks 2 to 12).  With the generator's
# default half and half, the findings stored by the record trigger were 7
# times the size of the report they are about, and compressing them cost
# more than parsing (BENCHMARKS.md, tenth round).
#   bench_html DIR         the real web pages of ../shared/corpus, when present

bench_corpus() {
	local dir=$1 n=$2
	make -s PG_CONFIG="${PG_CONFIG:-pg_config}" test/unit/test_layouts >/dev/null
	mkdir -p "$dir"
	chmod 755 "$dir"
	LAYOUT_ADD_UP=${GOVREPORT_BENCH_ADD_UP:-75} LAYOUT_DUMP="$dir" test/unit/test_layouts "$n" 20261122 a,a2,b,c,d,e,f,g >/dev/null || true
	cp samples/*.txt "$dir"/
	chmod 644 "$dir"/*
}

bench_html() {
	local dir=$1 corpus=${GOVREPORT_CORPUS:-../shared/corpus}
	mkdir -p "$dir"
	chmod 755 "$dir"
	if ls "$corpus"/*.html >/dev/null 2>&1; then
		cp "$corpus"/*.html "$dir"/
		chmod 644 "$dir"/*
	fi
}
