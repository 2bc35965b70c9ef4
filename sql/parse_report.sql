-- parse_report: every field of the five sample reports, the Traditional
-- versions giving the same answers, and inputs that are not reports.
\pset null '(null)'
SET datestyle = ISO;
\x on
SELECT id, (r).org, (r).year, (r).edition, (r).edition_mixed, (r).title,
       (r).period_start, (r).period_end, (r).published,
       ((r).contact).phone, ((r).contact).email, ((r).contact).address
  FROM (SELECT id, parse_report(body) AS r FROM samples) s ORDER BY id;
\x off

-- Traditional characters: the same year, edition and dates; names and
-- contact come back as written, in Traditional script.
SELECT s.id,
       (h).org AS org_as_written, (h).contact AS contact_as_written,
       (h).year = (r).year AND (h).edition = (r).edition
         AND (h).edition_mixed = (r).edition_mixed
         AND (h).period_start IS NOT DISTINCT FROM (r).period_start
         AND (h).period_end IS NOT DISTINCT FROM (r).period_end
         AND (h).published IS NOT DISTINCT FROM (r).published AS same_answers
  FROM (SELECT id, parse_report(body) AS r, parse_report(hant) AS h FROM samples) s
 ORDER BY s.id;

-- Not a report: a row whose fields are all NULL, never an error.
SELECT parse_report('');
SELECT parse_report('hello, world');
SELECT parse_report('2021年1月1日至2021年12月31日');
SELECT (parse_report(NULL)).org;     -- STRICT
SELECT (parse_report(repeat(E'\t\n|', 1000))).year IS NULL AS not_a_report;

-- A title and a period are enough to know who reported which year.
SELECT (parse_report(E'某县人民政府2022年政府信息公开工作年度报告\n本报告统计期限为2022年1月1日至2022年12月31日。')).*;

-- Full-width digits, ideographic spaces, zero-width characters, CRLF.
SELECT (r).org, (r).year, (r).period_start, (r).period_end, (r).published
  FROM (SELECT parse_report(E'\uFEFF某某局２０２１年度政府信息公开工作年度报告\r\n\r\n统计期限：２０２１年１月１日至２０２１年１２月３１日\r\n一、总体情况\r\n正文\r\n二、主动公开政府信息情况\r\n某某局\u200B\r\n二〇二二年一月二十日\r\n') AS r) s;

-- Field by field the value is usable in expressions and indexes.
SELECT (parse_report(body)).year, count(*) FROM samples GROUP BY 1 ORDER BY 1;
