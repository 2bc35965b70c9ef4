-- cells: every cell of the five sample reports (report_cells), one line per
-- table row: the values in column order (· for NULL), what was written
-- where it is not the value (a dash, text, or the numbers of a row that
-- could not be placed), and the lines the cells stand on.
SET datestyle = ISO;
CREATE FUNCTION pg_temp.row_view(b text)
RETURNS TABLE (tab_row text, vals text, written text, lines text, derived boolean)
LANGUAGE sql AS $$
  SELECT split_part(key, '.', 1) || '.' || split_part(key, '.', 2),
         string_agg(coalesce(value::text, '·'), ' ' ORDER BY n),
         string_agg(DISTINCT raw, ' | ') FILTER (WHERE raw IS DISTINCT FROM value::text),
         min(line) || '-' || max(line),
         bool_and(derived)
    FROM report_cells(b) WITH ORDINALITY AS c(key, value, raw, unit, derived, line, state, ord, row_label, col_label, n)
   GROUP BY 1 ORDER BY min(n) $$;

SELECT id, (r).edition, (r).proactive.edition AS t2, (r).requests.edition AS t3, (r).edition_mixed
  FROM (SELECT id, parse_report(body) AS r FROM samples) s ORDER BY id;

SELECT 0 AS id, v.* FROM samples, pg_temp.row_view(body) v WHERE id = 0;
SELECT 1 AS id, v.* FROM samples, pg_temp.row_view(body) v WHERE id = 1;
SELECT 2 AS id, v.* FROM samples, pg_temp.row_view(body) v WHERE id = 2;
SELECT 3 AS id, v.* FROM samples, pg_temp.row_view(body) v WHERE id = 3;
SELECT 4 AS id, v.* FROM samples, pg_temp.row_view(body) v WHERE id = 4;

-- The values by name through parse_report, the same as report_cell.
SELECT id, (r).requests.new_received.total AS new_total,
       (r).proactive.admin_fees.amount_wan AS fees_wan,
       (r).proactive.licensing.decisions AS licensing,
       (r).review_litigation.suit_direct.total AS suit_direct,
       report_cell(body, 't3.new_received.total') AS cell_new_total,
       report_cell(body, 't2.admin_fees.amount_wan') AS cell_fees_wan
  FROM (SELECT id, body, parse_report(body) AS r FROM samples) s ORDER BY id;

-- Every key is a field of parse_report's type, and every field a key.
WITH RECURSIVE fields(path, typ) AS (
  SELECT CASE a.attname WHEN 'proactive' THEN 't2' WHEN 'requests' THEN 't3' ELSE 't4' END, a.atttypid
    FROM pg_attribute a
   WHERE a.attrelid = 'govreport'::regclass AND a.attname IN ('proactive', 'requests', 'review_litigation')
  UNION ALL
  SELECT (f.path || '.' || a.attname) COLLATE "default", a.atttypid
    FROM fields f JOIN pg_type t ON t.oid = f.typ
    JOIN pg_attribute a ON a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
   WHERE t.typrelid <> 0 AND a.attname <> 'edition'
), leaves AS (
  SELECT path FROM fields f JOIN pg_type t ON t.oid = f.typ WHERE t.typrelid = 0
)
SELECT (SELECT count(*) FROM report_keys()) AS keys,
       (SELECT count(*) FROM leaves) AS fields,
       (SELECT count(*) FROM report_keys() k FULL JOIN leaves l ON l.path = k.key
         WHERE k.key IS NULL OR l.path IS NULL) AS mismatches;

SELECT tab, count(*), count(*) FILTER (WHERE gb2019) AS gb2019, count(*) FILTER (WHERE gb2021) AS gb2021,
       count(*) FILTER (WHERE derived) AS derived
  FROM report_keys() GROUP BY tab ORDER BY tab;

-- report_cell: one cell by key; errors for keys that do not exist.
SELECT report_cell(body, 't3.results_total.total') FROM samples WHERE id = 2;
SELECT report_cell('not a report', 't3.results_total.total');
SELECT report_cell(body, 't3.new_received.totl') FROM samples WHERE id = 2;
SELECT report_cell(body, '') FROM samples WHERE id = 2;

-- Values as written: full-width digits, thousands separators, decimals,
-- signed deltas, units, notes, dashes.
SELECT key, value, raw, unit FROM report_cells(E'某局2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t—\t/\t无\n规范性文件\t１２\t1,036\t55（含自然失效29件）\n第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t10\t+1036\t3\n其他对外管理服务事项\t5\t-3\t\n第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t6\t251000元\n三、收到和处理政府信息公开申请情况\n')
 WHERE key LIKE 't2.%' AND (raw IS NOT NULL OR value IS NOT NULL);

-- Every whole number as written becomes that numeric (those below 10,000,
-- all of them here, made once per process and shared), through report_cells
-- and through report_cell (which returns a copy of its own); each twice, the
-- second time from the shared ones.
SELECT round, count(*) AS cells, count(*) FILTER (WHERE c.value < 10000) AS below_10000,
       count(*) FILTER (WHERE c.value::text <> c.raw OR scale(c.value) <> 0) AS unlike_written,
       count(*) FILTER (WHERE report_cell(s.body, c.key) IS DISTINCT FROM c.value) AS unlike_report_cell,
       sum(report_cell(s.body, c.key) + 1) - sum(c.value) - count(*) AS sum_check
  FROM generate_series(1, 2) round, samples s, report_cells(s.body) c
 WHERE c.raw ~ '^(0|[1-9][0-9]*)$' AND c.state = 'number'
 GROUP BY round ORDER BY round;

-- Larger whole numbers, which the glue writes in numeric's own form rather
-- than through int64_to_numeric: each the numeric of its text, to the
-- byte (the same size, the same hash, the same text), whatever its zero
-- digits of base 10,000; and signed ones.
SELECT c.key, c.value, c.value = c.raw::numeric AS same_value,
       pg_column_size(ROW(c.value)) = pg_column_size(ROW(c.raw::numeric)) AS same_size,
       hash_numeric(c.value) = hash_numeric(c.raw::numeric) AS same_hash,
       scale(c.value) AS scale
  FROM report_cells(E'某局2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t10000\t20000\t100000000000000000\n行政规范性文件\t86897\t123456789012345\t99990000\n第二十条第（六）项\n信息内容\t本年处理决定数量\n行政处罚\t50000001\n行政强制\t10001\n行政事业性收费\t100000000\n三、收到和处理政府信息公开申请情况\n') c
 WHERE c.value IS NOT NULL
UNION ALL
SELECT c.key, c.value, c.value = c.raw::numeric, pg_column_size(ROW(c.value)) = pg_column_size(ROW(c.raw::numeric)),
       hash_numeric(c.value) = hash_numeric(c.raw::numeric), scale(c.value)
  FROM report_cells(E'某局2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t10\t-86897\t3\n其他对外管理服务事项\t5\t-120000\t0\n三、收到和处理政府信息公开申请情况\n') c
 WHERE c.value < 0;
