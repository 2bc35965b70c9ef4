-- analyst: what 0.4.0 adds for analysts (issue 10, part 5): each cell's
-- state, place (ord) and Chinese labels in report_cells and report_keys,
-- report_rules with one row per rule, severities that sort by severity,
-- govreport_version() and report_summary().  Facts asserted are those of
-- the samples' text (a row of empty cells is blank, a row of five numbers
-- under seven columns is unplaced), of the format, and of texts built here.
\pset null '·'

-- the library's version is the installed SQL's (GR_VERSION = extversion)
SELECT govreport_version() = extversion AS same, govreport_version() ~ '^[0-9]+\.[0-9]+\.[0-9]+$' AS dotted
  FROM pg_extension WHERE extname = 'govreport';

-- ---- report_summary: one row per report ----
-- who, which year and edition (the README's list of the samples), the 表三
-- and 表四 totals (every sample received no request and had no case), the
-- findings counted as report_check counts them
SELECT s.id, m.* FROM samples s, report_summary(s.body) m ORDER BY s.id;
SELECT s.id, m.errors = (SELECT count(*) FROM report_check(s.body) WHERE severity = 'error') AS errors_agree,
       m.warnings = (SELECT count(*) FROM report_check(s.body) WHERE severity = 'warning') AS warnings_agree,
       m.first_error IS NOT DISTINCT FROM report_invalid_reason(s.body) AS first_error_agrees
  FROM samples s, report_summary(s.body) m ORDER BY s.id;
-- numbers where there are some: sample 004 with five requests of natural
-- persons, all granted (its one error: it lacks section 六), then with the
-- grant taken back, so that （七）总计 is not the sum of the results (R-T3-03b)
CREATE FUNCTION pg_temp.set_cell(b text, k text, v text) RETURNS text LANGUAGE sql AS $$
  SELECT array_to_string(array_agg(CASE WHEN n = (SELECT line FROM report_cells(b) c WHERE c.key = k)
                                        THEN regexp_replace(l, '-?[0-9]+(\.[0-9]+)?', v) ELSE l END
                                   ORDER BY n), E'\n')
    FROM unnest(string_to_array(b, E'\n')) WITH ORDINALITY AS t(l, n) $$;
CREATE TEMP TABLE five AS
SELECT pg_temp.set_cell(pg_temp.set_cell(pg_temp.set_cell(pg_temp.set_cell(pg_temp.set_cell(pg_temp.set_cell(body,
         't3.new_received.natural_person', '5'), 't3.new_received.total', '5'),
         't3.granted.natural_person', '5'), 't3.granted.total', '5'),
         't3.results_total.natural_person', '5'), 't3.results_total.total', '5') AS body
  FROM samples WHERE id = 4;
SELECT new_received, carried_in, results_total, carried_out, granted, errors, first_error
  FROM five, report_summary(body);
SELECT new_received, granted, results_total, errors, split_part(first_error, '：', 1) AS first_error
  FROM five, report_summary(pg_temp.set_cell(pg_temp.set_cell(body, 't3.granted.natural_person', '0'),
                                             't3.granted.total', '0'));
-- not a report: no fields, one error that says so; NULL in, NULL out
SELECT * FROM report_summary('hello');
SELECT report_summary(NULL) IS NULL AS strict;
SELECT * FROM report_summary((SELECT body FROM samples WHERE id = 3), 99);
-- the same as report_cell gives, key by key
SELECT count(*) AS disagreements
  FROM samples s, report_summary(s.body) m
 WHERE m.new_received IS DISTINCT FROM report_cell(s.body, 't3.new_received.total')
    OR m.carried_in IS DISTINCT FROM report_cell(s.body, 't3.carried_in.total')
    OR m.results_total IS DISTINCT FROM report_cell(s.body, 't3.results_total.total')
    OR m.carried_out IS DISTINCT FROM report_cell(s.body, 't3.carried_out.total')
    OR m.granted IS DISTINCT FROM report_cell(s.body, 't3.granted.total')
    OR m.review_total IS DISTINCT FROM report_cell(s.body, 't4.review.total')
    OR m.suit_total IS DISTINCT FROM report_cell(s.body, 't4.suit_all.total');

-- ---- report_cells: state ----
SELECT id, state, count(*) FROM samples, report_cells(body) GROUP BY 1, 2 ORDER BY 1, 2;
-- sample 000 prints 一、本年新收 with six empty cells and a 0 under 总计:
-- blank, blank, …, number; the legal-person sum is derived, NULL (its parts are blank)
SELECT key, state, value, raw, line FROM samples, report_cells(body)
 WHERE id = 0 AND key LIKE 't3.new_received.%' ORDER BY ord;
-- sample 003's 表四 leaves the five 行政复议 cells empty and prints zeros for 诉讼
SELECT key, state, value FROM samples, report_cells(body)
 WHERE id = 3 AND key LIKE 't4.%' AND key NOT LIKE 't4.suit_all.%' AND key NOT LIKE '%.total'
 ORDER BY ord;
-- sample 001's 二、上年结转 has five numbers for seven columns: unplaced, the numbers kept in raw
SELECT key, state, value, raw, line FROM samples, report_cells(body)
 WHERE id = 1 AND key LIKE 't3.carried_in.%' ORDER BY ord;
-- dashes and text where a number belongs
SELECT key, state, value, raw FROM report_cells(E'某局2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t—\t/\t无\n行政规范性文件\t12件3\t?\t4\n')
 WHERE key LIKE 't2.rules.%' OR key LIKE 't2.norm_docs.%' ORDER BY ord;
-- glued digits read by the row's arithmetic: 120000012 has one reading
-- (12 0 0 0 0 0 12), 110000011 two (11 0 … 11, 1 10 … 11), which cut its
-- last five cells alike: those are read, 自然人 and 商业企业 stay NULL
CREATE TEMP TABLE glued AS SELECT E'标题: 某县2021年政府信息公开工作年度报告\n某县2021年政府信息公开工作年度报告 一、总体情况 2021年，本县认真贯彻《条例》，全年主动公开政府信息。本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章 000行政规范性文件123456第二十条第（五）项信息内容本年处理决定数量行政许可2418三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量120000012二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开110000011（二）部分公开（区分处理的，只计这一情形，不计其他情形）0000000（七）总计120000012四、结转下年度继续办理0000000 四、政府信息公开行政复议、行政诉讼情况 行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计100010100100000五、存在的主要问题及改进情况 一是公开内容有待丰富。二是解读形式有待创新。六、其他需要报告的事项 本年度未收取信息处理费。' AS body;
SELECT key, state, value FROM glued, report_cells(body)
 WHERE key LIKE 't3.new_received.%' OR key LIKE 't3.granted.%' ORDER BY ord;
SELECT new_received, results_total, granted, review_total, suit_total FROM glued, report_summary(body);

-- ---- ord and labels ----
-- ORDER BY ord lays 表三 out as printed, row by row (sample 003, gb2021)
SELECT row_label, string_agg(col_label, ' ' ORDER BY ord) AS columns
  FROM samples, report_cells(body) WHERE id = 3 AND key LIKE 't3.%' AND NOT derived
 GROUP BY row_label ORDER BY min(ord);
-- one ord per cell; in a gb2021 report the same as report_keys'
SELECT id, count(*) = count(DISTINCT ord) AS unique_ord FROM samples, report_cells(body) GROUP BY id ORDER BY id;
SELECT count(*) AS differ FROM samples s, report_cells(s.body) c JOIN report_keys() k USING (key)
 WHERE s.id = 3 AND c.ord <> k.ord;
-- a gb2019 report prints 行政许可's columns as 上一年项目数量, 本年增/减, 处理决定数量 (sample 002)
SELECT key, ord, row_label, col_label FROM samples, report_cells(body)
 WHERE id = 2 AND key LIKE 't2.licensing.%' ORDER BY ord;
-- the labels of the report's edition: 规范性文件 in gb2019 (002), 行政规范性文件 in gb2021 (003);
-- a gb2019 cell that a gb2021 report prints (000's 收费 上一年项目数量) keeps its gb2019 header
SELECT id, key, row_label, col_label FROM samples, report_cells(body)
 WHERE (id IN (2, 3) AND key IN ('t2.norm_docs.made', 't2.norm_docs.issued', 't2.admin_fees.amount_wan'))
    OR (id = 0 AND key LIKE 't2.admin_fees.%')
 ORDER BY id, ord;
SELECT key, row_label, col_label FROM report_keys()
 WHERE key IN ('t3.denied_security.total', 't3.other_misc.natural_person', 't4.suit_all.total', 't2.central_procurement.amount_wan')
 ORDER BY ord;
-- report_keys: every key once, ord 1..281 in list order, every key labelled
SELECT count(*) AS keys, count(DISTINCT ord) AS ords, min(ord), max(ord),
       bool_and(ord = n) AS in_list_order,
       count(*) FILTER (WHERE row_label IS NULL OR col_label IS NULL) AS unlabelled
  FROM report_keys() WITH ORDINALITY AS k(key, tab, row_key, col_key, gb2019, gb2021, derived, ord, row_label, col_label, n);

-- ---- report_rules: one row per rule ----
SELECT count(*) AS rows, count(DISTINCT rule) AS rules FROM report_rules();
SELECT rule, severity, severities, description FROM report_rules() WHERE rule IN ('R-X-02', 'R-GEN-01');
-- every rule a finding names is in the table, with a severity it can have
SELECT DISTINCT c.rule, c.severity FROM samples s, report_check(s.body) c
  LEFT JOIN report_rules() r ON r.rule = c.rule
 WHERE r.rule IS NULL OR NOT c.severity = ANY (r.severities);

-- ---- severities sort by severity ----
SELECT 'error'::govreport_severity > 'warning' AS error_gt_warning,
       'warning'::govreport_severity > 'info' AS warning_gt_info,
       enum_range(NULL::govreport_severity) AS "order";
SELECT pg_typeof(severity) FROM report_check('hello') LIMIT 1;
-- the worst first, and the worst finding of each sample
SELECT rule, severity FROM samples, report_check(body) WHERE id = 0
 ORDER BY severity DESC, rule LIMIT 3;
SELECT id, max(c.severity) AS worst, count(*) FILTER (WHERE c.severity >= 'warning') AS warnings_or_worse
  FROM samples s, report_check(s.body) c GROUP BY id ORDER BY id;
-- 0.3.0's comparisons with text literals read as before; ::text gives the text
SELECT count(*) FILTER (WHERE severity = 'error') AS errors, count(*) FILTER (WHERE severity::text LIKE 'warn%') AS warnings
  FROM samples, report_check(body) WHERE id = 0;
SELECT pg_typeof(severity) FROM samples, report_check_pair(body, body) WHERE id = 2;
