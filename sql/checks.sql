-- checks: report_check over the five samples (exactly the findings a careful
-- reader sees in them), each rule failing on a changed sample and passing
-- on the original, in several layouts; report_is_valid, report_invalid_reason
-- and rule-set versions.
\pset null '·'
SET datestyle = ISO;

-- Change one cell of a sample laid out one cell per line (seeds 000, 002,
-- 004): the line report_cells names for the key gets the new number.
CREATE FUNCTION pg_temp.set_cell(b text, k text, v text) RETURNS text LANGUAGE sql AS $$
  SELECT array_to_string(array_agg(CASE WHEN n = (SELECT line FROM report_cells(b) c WHERE c.key = k)
                                        THEN regexp_replace(l, '-?[0-9]+(\.[0-9]+)?', v) ELSE l END
                                   ORDER BY n), E'\n')
    FROM unnest(string_to_array(b, E'\n')) WITH ORDINALITY AS t(l, n) $$;
-- Change field f (0-based) of line n of a tab-separated layout (seed 003).
CREATE FUNCTION pg_temp.set_field(b text, n int, f int, v text) RETURNS text LANGUAGE sql AS $$
  SELECT array_to_string(array_agg(CASE WHEN t.n = set_field.n
         THEN (SELECT array_to_string(array_agg(CASE WHEN fi - 1 = f THEN v ELSE x END ORDER BY fi), E'\t')
                 FROM unnest(string_to_array(l, E'\t')) WITH ORDINALITY AS y(x, fi))
         ELSE l END ORDER BY t.n), E'\n')
    FROM unnest(string_to_array(b, E'\n')) WITH ORDINALITY AS t(l, n) $$;
-- Replace one line.
CREATE FUNCTION pg_temp.set_line(b text, n int, v text) RETURNS text LANGUAGE sql AS $$
  SELECT array_to_string(array_agg(CASE WHEN t.n = set_line.n THEN v ELSE l END ORDER BY t.n), E'\n')
    FROM unnest(string_to_array(b, E'\n')) WITH ORDINALITY AS t(l, n) $$;
-- The findings of a text without the blank-cell and hint noise, for the rule tests.
CREATE FUNCTION pg_temp.errors(b text) RETURNS TABLE (rule text, cells text[], expected numeric, actual numeric, line int)
LANGUAGE sql AS $$
  SELECT rule, cells, expected, actual, line FROM report_check(b)
   WHERE severity = 'error' OR rule LIKE 'R-H-%' OR rule LIKE 'R-T2-0_' OR rule LIKE 'R-T2v19-%' OR rule = 'R-X-08' $$;

-- The samples: every finding.
SELECT s.id, c.rule, c.severity, c.message, c.expected, c.actual, c.line
  FROM samples s, report_check(s.body) c ORDER BY s.id, c.rule, c.line, c.message;
SELECT id, report_is_valid(body), report_invalid_reason(body) FROM samples ORDER BY id;

-- Not a report: invalid, never NULL; NULL in, NULL out (STRICT, as CHECK wants).
SELECT report_is_valid(''), report_is_valid('hello'), report_invalid_reason('hello'), report_is_valid(NULL);
-- A news item and a notice that name a report are not one: no year, no
-- edition taken from their words, and one finding that says so.
SELECT (p).year, (p).edition, (p).title, c.rule, c.severity
  FROM (VALUES (E'我区发布2023年度政府信息公开工作年度报告\n日前，区政府办公室发布了报告。本年新收政府信息公开申请数量230件，本年制发件数12件，上一年项目数量3个。'),
               (E'关于发布2023年度政府信息公开工作年度报告的通知\n各单位：现将本单位2023年政府信息公开工作年度报告予以公布。')) t(b),
       LATERAL (SELECT parse_report(b) p OFFSET 0) x, report_check(b) c;

-- Rule-set versions.
SELECT govreport_ruleset();
SELECT count(*) = (SELECT count(*) FROM report_check(body)) AS same FROM samples, report_check(body, 1) WHERE id = 0 GROUP BY id;
SELECT report_is_valid(body, 99) FROM samples WHERE id = 3;

-- R-T3-01 in a layout of one cell per line (seed 004): 5 new requests from natural
-- persons, handled nowhere: fails on 自然人 and 总计, one row each.
SELECT * FROM pg_temp.errors(pg_temp.set_cell(pg_temp.set_cell((SELECT body FROM samples WHERE id = 4),
  't3.new_received.natural_person', '5'), 't3.new_received.total', '5'));
-- … and passes once they are granted.
SELECT count(*) AS t3_errors FROM pg_temp.errors(
  (SELECT pg_temp.set_cell(pg_temp.set_cell(pg_temp.set_cell(pg_temp.set_cell(pg_temp.set_cell(pg_temp.set_cell(body,
     't3.new_received.natural_person', '5'), 't3.new_received.total', '5'),
     't3.granted.natural_person', '5'), 't3.granted.total', '5'),
     't3.results_total.natural_person', '5'), 't3.results_total.total', '5') FROM samples WHERE id = 4))
 WHERE rule LIKE 'R-T3-%';

-- R-T3-02 and R-T3-03b with cells ended by '|' (seed 002): 3 granted to a business,
-- neither the row's 总计 nor the results' total follow.
SELECT * FROM pg_temp.errors(pg_temp.set_cell((SELECT body FROM samples WHERE id = 2), 't3.granted.business', '3'));

-- R-T3-03a with tab-separated rows (seed 003): 2 refused as 国家秘密 (natural person
-- and row total), (七)总计 not following.
SELECT * FROM pg_temp.errors(pg_temp.set_field(pg_temp.set_field((SELECT body FROM samples WHERE id = 3),
  71, 3, '2'), 71, 9, '2')) WHERE rule <> 'R-X-03';

-- R-T3-06: a negative count; R-T3-07: more carried out than came in; R-T3-09: nothing
-- came in, yet results (seed 004).
SELECT * FROM pg_temp.errors(pg_temp.set_cell((SELECT body FROM samples WHERE id = 4), 't3.denied_law.legal_service', '-1'))
 WHERE rule = 'R-T3-06';
SELECT * FROM pg_temp.errors(pg_temp.set_cell(pg_temp.set_cell((SELECT body FROM samples WHERE id = 4),
  't3.carried_out.total', '4'), 't3.carried_out.natural_person', '4')) WHERE rule IN ('R-T3-07', 'R-T3-09');
SELECT * FROM pg_temp.errors(pg_temp.set_cell(pg_temp.set_cell(pg_temp.set_cell(pg_temp.set_cell((SELECT body FROM samples WHERE id = 4),
  't3.granted.natural_person', '2'), 't3.granted.total', '2'), 't3.results_total.natural_person', '2'),
  't3.results_total.total', '2')) WHERE rule IN ('R-T3-09', 'R-T3-01');

-- R-T3-04: a local variant that prints the subtotal of （三）不予公开 (tab rows).
SELECT rule, cells[1:1], expected, actual FROM report_check(E'某县2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n\t\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n（三）不予公开\t\t3\t0\t0\t0\t0\t0\t3\n\t1.属于国家秘密\t1\t0\t0\t0\t0\t0\t1\n\t2.其他法律行政法规禁止公开\t1\t0\t0\t0\t0\t0\t1\n')
 WHERE rule = 'R-T3-04';

-- R-T4-01 and R-T4-02 (seed 004, one cell per line).
SELECT * FROM pg_temp.errors(pg_temp.set_cell((SELECT body FROM samples WHERE id = 4), 't4.review.upheld', '1'))
 WHERE rule LIKE 'R-T4-%';
SELECT * FROM pg_temp.errors(pg_temp.set_cell(pg_temp.set_cell((SELECT body FROM samples WHERE id = 4),
  't4.suit_direct.pending', '-2'), 't4.suit_direct.total', '-2')) WHERE rule LIKE 'R-T4-%';

-- 表二 (seed 003, tab rows; seed 004, one cell per line).
SELECT * FROM pg_temp.errors(pg_temp.set_field((SELECT body FROM samples WHERE id = 3), 48, 1, '5'))
 WHERE rule LIKE 'R-T2-%';                                                    -- R-T2-02: 5 issued, 0 in force
SELECT rule, cells FROM report_check(pg_temp.set_field((SELECT body FROM samples WHERE id = 3), 47, 1, '2'))
 WHERE rule = 'R-T2-05';                                                      -- R-T2-05: a town makes rules
SELECT rule, cells, actual FROM report_check(pg_temp.set_line((SELECT body FROM samples WHERE id = 3), 59, E'行政事业性收费\t5000元'))
 WHERE rule = 'R-T2-06';                                                      -- R-T2-06: yuan in a 万元 cell
SELECT * FROM pg_temp.errors(pg_temp.set_cell((SELECT body FROM samples WHERE id = 4), 't2.norm_docs.published', '9'))
 WHERE rule LIKE 'R-T2v19-%';                                                 -- R-T2v19-01
SELECT * FROM pg_temp.errors(pg_temp.set_cell((SELECT body FROM samples WHERE id = 4), 't2.penalty.delta', '-3'))
 WHERE rule LIKE 'R-T2v19-%';                                                 -- R-T2v19-02
SELECT rule, cells FROM report_check(pg_temp.set_cell((SELECT body FROM samples WHERE id = 4), 't2.central_procurement.amount_wan', '120'))
 WHERE rule = 'R-T2v19-03';                                                   -- R-T2v19-03

-- R-X-01: a 2021 report in the 2019 format (seed 002 with its period moved a year).
SELECT rule, message FROM report_check(replace((SELECT body FROM samples WHERE id = 2), '2020年', '2021年'))
 WHERE rule = 'R-X-01';
-- R-X-03: the narrative says no request came, the table counts 2 (seed 003).
SELECT rule, cells, expected, actual FROM report_check(pg_temp.set_field(pg_temp.set_field((SELECT body FROM samples WHERE id = 3),
  67, 2, '2'), 67, 8, '2')) WHERE rule = 'R-X-03';
-- R-X-04: "未出现行政复议及行政诉讼", yet one review (seed 002).
SELECT rule, cells, actual FROM report_check(pg_temp.set_cell(pg_temp.set_cell((SELECT body FROM samples WHERE id = 2),
  't4.review.upheld', '1'), 't4.review.total', '1')) WHERE rule = 'R-X-04';
-- R-X-07: half a year; R-X-08: published late (seed 000, seed 004).
SELECT rule, message FROM report_check(replace((SELECT body FROM samples WHERE id = 0), '2021年12月31日', '2021年6月30日'))
 WHERE rule = 'R-X-07';
SELECT rule, message FROM report_check(replace((SELECT body FROM samples WHERE id = 4), '21年01月29日', '21年05月29日'))
 WHERE rule = 'R-X-08';
-- R-GEN-01: a table gone (seed 003 without 表四).
SELECT rule, message FROM report_check(regexp_replace((SELECT body FROM samples WHERE id = 3), '行政复议\t.*?\n\n', '', 's'))
 WHERE rule = 'R-GEN-01';

-- Hints: one number split over two cells (R-H-01), a request in the wrong column (R-H-02).
SELECT rule, cells FROM report_check(pg_temp.set_cell(pg_temp.set_cell(pg_temp.set_cell((SELECT body FROM samples WHERE id = 4),
  't3.granted.natural_person', '1'), 't3.granted.business', '2'), 't3.granted.total', '12')) WHERE rule = 'R-H-01';
SELECT rule, message FROM report_check(
  (SELECT pg_temp.set_cell(pg_temp.set_cell(pg_temp.set_cell(pg_temp.set_cell(pg_temp.set_cell(pg_temp.set_cell(body,
     't3.new_received.natural_person', '1'), 't3.new_received.total', '1'),
     't3.granted.business', '1'), 't3.granted.total', '1'),
     't3.results_total.business', '1'), 't3.results_total.total', '1') FROM samples WHERE id = 4))
 WHERE rule = 'R-H-02';

-- R-T3-05: a request partly granted counted under （三） too: 三+四 exceeds 一+二
-- while （七） equals its parts (seed 004).
SELECT rule, severity, expected, actual FROM report_check(
  (SELECT pg_temp.set_cell(pg_temp.set_cell(pg_temp.set_cell(pg_temp.set_cell(pg_temp.set_cell(pg_temp.set_cell(
          pg_temp.set_cell(pg_temp.set_cell(body,
     't3.new_received.natural_person', '1'), 't3.new_received.total', '1'),
     't3.partial.natural_person', '1'), 't3.partial.total', '1'),
     't3.denied_secret.natural_person', '1'), 't3.denied_secret.total', '1'),
     't3.results_total.natural_person', '2'), 't3.results_total.total', '2') FROM samples WHERE id = 4))
 WHERE rule IN ('R-T3-05', 'R-T3-01', 'R-T3-03b') ORDER BY rule, line;

-- The rule table, as users can read it.
SELECT rule, severity, editions, since_ruleset, until_ruleset FROM report_rules();
