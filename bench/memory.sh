#!/bin/bash
# memory.sh — the memory part of the benchmark, run by bench/run.sh inside
# its cluster: for each function, in a backend of its own,
#   - its memory after one statement of 10^3 calls and after CALLS calls
#     in statements of 10^3 (does anything outlive a statement?);
#   - its memory during one query of CALLS calls (does a query grow with
#     its rows?), sampled every 1,000th row from inside the query: the
#     kernel's count and PostgreSQL's memory contexts (the parse cache's
#     own aside: bounded, it follows the reports it holds); the contexts'
#     growth is the highest sample of the query's second half over the
#     highest of its first half: the rows pass several times, so a query
#     whose memory grows with its rows is higher in its second half, while
#     a high-water mark (the largest report's working memory, kept by an
#     allocator block) is reached in both;
# and a backend's memory before and after one large web page (does
# libxml2's memory stay behind?).  Results go to table bench_mem.
#
#   bench/memory.sh CALLS
set -eu
calls=${1:-100000}
stmts=$((calls / 1000))

# function name | the call, over rows r(n, body, prev)
fns=(
	# the probe alone: what sampling the contexts costs the query (its own
	# state, made at its first call), taken off the functions' growth
	"(the probe alone)|SELECT count(r.n), max(CASE WHEN r.n % 1000 = 0 THEN bench_rss() END), min(CASE WHEN r.n % 1000 = 0 THEN bench_rss() END), max(CASE WHEN r.n % 1000 = 0 AND r.n > HALF THEN bench_ctx() END) AS cmax, max(CASE WHEN r.n % 1000 = 0 AND r.n <= HALF THEN bench_ctx() END) AS cmin FROM ROWS r"
	"parse_report|SELECT count(parse_report(r.body)), max(CASE WHEN r.n % 1000 = 0 THEN bench_rss() END), min(CASE WHEN r.n % 1000 = 0 THEN bench_rss() END), max(CASE WHEN r.n % 1000 = 0 AND r.n > HALF THEN bench_ctx() END) AS cmax, max(CASE WHEN r.n % 1000 = 0 AND r.n <= HALF THEN bench_ctx() END) AS cmin FROM ROWS r"
	"report_sections|SELECT count(*), max(CASE WHEN r.n % 1000 = 0 THEN bench_rss() END), min(CASE WHEN r.n % 1000 = 0 THEN bench_rss() END), max(CASE WHEN r.n % 1000 = 0 AND r.n > HALF THEN bench_ctx() END) AS cmax, max(CASE WHEN r.n % 1000 = 0 AND r.n <= HALF THEN bench_ctx() END) AS cmin FROM ROWS r, report_sections(r.body) s"
	"report_cells|SELECT count(*), max(CASE WHEN r.n % 1000 = 0 AND c.key = 't3.new_received.total' THEN bench_rss() END), min(CASE WHEN r.n % 1000 = 0 AND c.key = 't3.new_received.total' THEN bench_rss() END), max(CASE WHEN r.n % 1000 = 0 AND c.key = 't3.new_received.total' AND r.n > HALF THEN bench_ctx() END) AS cmax, max(CASE WHEN r.n % 1000 = 0 AND c.key = 't3.new_received.total' AND r.n <= HALF THEN bench_ctx() END) AS cmin FROM ROWS r, report_cells(r.body) c"
	"report_cell|SELECT count(report_cell(r.body, 't3.new_received.total')), max(CASE WHEN r.n % 1000 = 0 THEN bench_rss() END), min(CASE WHEN r.n % 1000 = 0 THEN bench_rss() END), max(CASE WHEN r.n % 1000 = 0 AND r.n > HALF THEN bench_ctx() END) AS cmax, max(CASE WHEN r.n % 1000 = 0 AND r.n <= HALF THEN bench_ctx() END) AS cmin FROM ROWS r"
	"report_check|SELECT count(*), max(CASE WHEN r.n % 1000 = 0 THEN bench_rss() END), min(CASE WHEN r.n % 1000 = 0 THEN bench_rss() END), max(CASE WHEN r.n % 1000 = 0 AND r.n > HALF THEN bench_ctx() END) AS cmax, max(CASE WHEN r.n % 1000 = 0 AND r.n <= HALF THEN bench_ctx() END) AS cmin FROM ROWS r LEFT JOIN LATERAL report_check(r.body) c ON true"
	"report_is_valid|SELECT count(*) FILTER (WHERE report_is_valid(r.body)), max(CASE WHEN r.n % 1000 = 0 THEN bench_rss() END), min(CASE WHEN r.n % 1000 = 0 THEN bench_rss() END), max(CASE WHEN r.n % 1000 = 0 AND r.n > HALF THEN bench_ctx() END) AS cmax, max(CASE WHEN r.n % 1000 = 0 AND r.n <= HALF THEN bench_ctx() END) AS cmin FROM ROWS r"
	"report_invalid_reason|SELECT count(report_invalid_reason(r.body)), max(CASE WHEN r.n % 1000 = 0 THEN bench_rss() END), min(CASE WHEN r.n % 1000 = 0 THEN bench_rss() END), max(CASE WHEN r.n % 1000 = 0 AND r.n > HALF THEN bench_ctx() END) AS cmax, max(CASE WHEN r.n % 1000 = 0 AND r.n <= HALF THEN bench_ctx() END) AS cmin FROM ROWS r"
	"report_check_pair|SELECT count(*), max(CASE WHEN r.n % 1000 = 0 THEN bench_rss() END), min(CASE WHEN r.n % 1000 = 0 THEN bench_rss() END), max(CASE WHEN r.n % 1000 = 0 AND r.n > HALF THEN bench_ctx() END) AS cmax, max(CASE WHEN r.n % 1000 = 0 AND r.n <= HALF THEN bench_ctx() END) AS cmin FROM ROWS r LEFT JOIN LATERAL report_check_pair(r.prev, r.body) c ON true"
)

nrows=$(psql -X -At -c "SELECT count(*) FROM pairs")
for entry in "${fns[@]}"; do
	fn=${entry%%|*}
	q=${entry#*|}
	q=${q//HALF/$((calls / 2))}
	{
		echo "SET jit = off;"
		echo "SET max_parallel_workers_per_gather = 0;"
		echo "SELECT bench_mem_probe('$fn', 'start', 0);"
		# one statement of 10^3 calls, then more statements of 10^3 (rows
		# taken in turn, so that the parse cache answers none of them)
		for i in $(seq 0 $((stmts - 1))); do
			off=$(( (i * 1000) % (nrows - 1000) ))
			rows="(SELECT id AS n, body, prev FROM pairs ORDER BY id OFFSET $off LIMIT 1000)"
			echo "${q//ROWS/$rows} \\g /dev/null"
			[ "$i" = 0 ] && echo "SELECT bench_mem_probe('$fn', 'after 10^3 calls', 1000);"
		done
		echo "SELECT bench_mem_probe('$fn', 'after $calls calls', $calls);"
		# one query of CALLS calls: the rows of pairs again and again, never
		# the same text twice in a row (g outside, pairs inside)
		rows="(SELECT p.id + (g - 1) * $nrows AS n, p.body, p.prev FROM generate_series(1, $(( (calls + nrows - 1) / nrows ))) g, LATERAL (SELECT id, body, prev FROM pairs WHERE g > 0) p LIMIT $calls)"
		echo "SELECT coalesce(max, -1) AS max, coalesce(min, -1) AS min, coalesce(cmax, -1) AS cmax, coalesce(cmin, -1) AS cmin FROM (${q//ROWS/$rows}) q \\gset m_"
		echo "INSERT INTO bench_mem (fn, at, rss_kb, peak_kb, growth_kb, ctx_kb, ctx_growth_kb, calls) VALUES ('$fn', 'during one query', bench_rss(), :m_max, :m_max - :m_min, :m_cmax, :m_cmax - :m_cmin, $calls);"
	} | psql -X -q -v ON_ERROR_STOP=1 >/dev/null
done

# a large web page: the real pages' tables again and again, some 14 MB
psql -X -q -v ON_ERROR_STOP=1 >/dev/null <<'SQL'
SELECT bench_mem_probe('large web page', 'before', 0);
SELECT count(parse_report(b)) FROM (SELECT repeat(body, (14000000 / length(body))::int) b FROM html ORDER BY length(body) DESC LIMIT 1) s;
SELECT bench_mem_probe('large web page', 'after', 1);
SQL
