-- sheet: report_html, the review sheet.  Facts asserted against the page:
-- the highlighted cells of each sample are exactly the cells report_check
-- names, each with exactly the rules that name it; blank cells are drawn
-- as empty boxes, never as 0; the tables have the official spans of their
-- edition (表三's 三、本年度办理结果 spans 22 rows in gb2021 and 20 in
-- gb2019, 表四's 行政复议 5 columns and 行政诉讼 10); text from a report is
-- escaped; the page loads nothing from elsewhere; in an EUC_CN database
-- the page is ASCII with character references.

-- the keys a page highlights (data-key), and the rules each carries (data-rules)
CREATE FUNCTION pg_temp.hl(page text) RETURNS TABLE(key text, rules text)
	LANGUAGE sql IMMUTABLE STRICT
	AS $$ SELECT m[1], m[2] FROM regexp_matches(page, 'data-key="([^"]+)" data-rules="([^"]*)"', 'g') m $$;
-- the cell a page draws for a key: its class and its content
CREATE FUNCTION pg_temp.cell(page text, key text) RETURNS TABLE(class text, content text)
	LANGUAGE sql IMMUTABLE STRICT
	AS $$ SELECT m[1], m[2] FROM regexp_matches(page,
		'<td id="c-' || replace(key, '.', '\.') || '" class="([^"]*)"[^>]*>((?:[^<]|<(?!/td>))*)</td>') m $$;

CREATE TABLE sheets AS
SELECT id, body, report_html(body) AS page, report_html(hant) AS hant_page FROM samples;

-- every highlighted key is a cell report_check names, and every named cell is highlighted
SELECT s.id,
       (SELECT count(*) FROM pg_temp.hl(s.page)) AS highlighted,
       (SELECT count(DISTINCT k) FROM report_check(s.body) c, unnest(c.cells) k) AS named,
       (SELECT array_agg(key ORDER BY key) FROM pg_temp.hl(s.page))
         IS NOT DISTINCT FROM
       (SELECT array_agg(DISTINCT k ORDER BY k) FROM report_check(s.body) c, unnest(c.cells) k) AS same_keys,
       (SELECT array_agg(key ORDER BY key) FROM pg_temp.hl(s.hant_page))
         IS NOT DISTINCT FROM
       (SELECT array_agg(DISTINCT k ORDER BY k) FROM samples t, report_check(t.hant) c, unnest(c.cells) k
         WHERE t.id = s.id) AS same_keys_hant
  FROM sheets s ORDER BY s.id;

-- each highlighted cell carries exactly the rules whose findings name it
SELECT s.id, count(*) AS cells,
       count(*) FILTER (WHERE h.rules = (SELECT string_agg(DISTINCT c.rule, ' ' ORDER BY c.rule)
                                           FROM report_check(s.body) c WHERE h.key = ANY (c.cells))) AS same_rules
  FROM sheets s,
       LATERAL (SELECT key, (SELECT string_agg(r, ' ' ORDER BY r) FROM unnest(string_to_array(rules, ' ')) r) AS rules
                  FROM pg_temp.hl(s.page)) h
 GROUP BY s.id ORDER BY s.id;

-- the gravest finding gives the class: seed 000's 3.其他 row is missing (R-GEN-01, an error),
-- its 上年结转 row blank (R-GEN-02, a warning)
SELECT v.key, c.class
  FROM sheets, (VALUES ('t3.other_misc.total'), ('t3.carried_in.business'), ('t3.new_received.total')) v(key),
       pg_temp.cell(page, v.key) c
 WHERE id = 0 ORDER BY v.key;

-- blank is not zero: seed 000 fills only the 总计 column of 表三; its other
-- cells are empty boxes, and exactly the cells R-GEN-02 calls blank are drawn so
SELECT content, count(*) FROM sheets, report_keys() k, pg_temp.cell(page, k.key) c
 WHERE id = 0 AND k.key LIKE 't3.%' AND c.class ~ '\mblank\M' GROUP BY content;
SELECT (SELECT array_agg(k.key ORDER BY k.key) FROM report_keys() k, pg_temp.cell(s.page, k.key) c
         WHERE c.class ~ '\m(blank|dash)\M')
       = (SELECT array_agg(DISTINCT x ORDER BY x) FROM report_check(s.body) f, unnest(f.cells) x
           WHERE f.rule = 'R-GEN-02') AS blanks_are_r_gen_02
  FROM sheets s WHERE id IN (0, 3) ORDER BY id;
SELECT c.* FROM sheets, pg_temp.cell(page, 't3.new_received.total') c WHERE id = 0;

-- the tables as the format prints them: 三、本年度办理结果 spans 22 rows in gb2021
-- (seeds 000, 001, 003) and 20 in gb2019 (002, 004); 法人或其他组织 heads five
-- columns; 表四 groups 5 and 10 columns
SELECT id, (parse_report(body)).edition,
       substring(page FROM '<th class="lab span" rowspan="(\d+)">三、本年度办理结果</th>') AS results_rows,
       page ~ '<th class="col grp" colspan="5">法人或其他组织</th>' AS org_group,
       page ~ '<th class="col grp" colspan="5">行政复议</th><th class="col grp" colspan="10">行政诉讼</th>' AS t4_groups,
       (SELECT count(*) FROM regexp_matches(page, '<th class="cap" colspan="\d+">第二十条第（.）项</th>', 'g')) AS t2_subtables
  FROM sheets ORDER BY id;

-- a row of the other edition that a report prints is drawn, marked: seed 001 (gb2021)
-- prints gb2019's 政府集中采购, flagged by R-X-01
SELECT page ~ '<tr class="oe"><th class="lab">政府集中采购 <small class="ed">gb2019</small></th>' AS other_edition_row
  FROM sheets WHERE id = 1;

-- the page stands alone: no script, no link, no image, nothing fetched
SELECT id, page ~* '<(script|link|img|iframe|object)\M|url\(|@import|https?:' AS external,
       page LIKE '<!DOCTYPE html>%' AND page LIKE '%<meta charset="utf-8">%' AND page LIKE '%</html>%' AS whole_page
  FROM sheets ORDER BY id;

-- text from the report is escaped: a title and an org holding markup show as text
SELECT strpos(p, '<script') AS raw_script, strpos(p, '<b>') AS raw_b,
       p LIKE '%&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;%' AS escaped_title,
       p LIKE '%&lt;b&gt;%' AS escaped_org
  FROM (SELECT report_html(E'<script>alert("x")</script>某县<b>人民政府</b>2022年政府信息公开工作年度报告\n'
                           || E'一、总体情况\n本机关<b>未收到</b>政府信息公开申请。\n') AS p) s;

-- not a report: still a page, saying so; NULL in, NULL out
SELECT p LIKE '%<p class="banner">%' AS says_not_a_report,
       (SELECT count(*) FROM regexp_matches(p, '<table class="sheet', 'g')) AS tables,
       (SELECT count(*) FROM regexp_matches(p, '<li class="missing"', 'g')) AS sections_missing
  FROM (SELECT report_html('hello') AS p) s;
SELECT report_html(NULL) IS NULL AS strict;

-- the rule-set version is report_check's: 1 is the current one, 99 unknown
SELECT report_html(body, 1) = page AS same FROM sheets WHERE id = 2;
\set VERBOSITY terse
SELECT report_html(body, 99) FROM sheets WHERE id = 2;
\set VERBOSITY default

-- in an EUC_CN database the page is ASCII: every other character a reference,
-- nothing replaced, the same cells highlighted
\set regdb :DBNAME
\set ECHO none
\set f000 `cat samples/000_39ebc790c38a4837.txt; printf x`
\set ECHO all
CREATE DATABASE govreport_sheet_euc TEMPLATE template0 ENCODING 'EUC_CN' LC_COLLATE 'C' LC_CTYPE 'C';
\c govreport_sheet_euc
CREATE EXTENSION govreport;
CREATE FUNCTION pg_temp.hl(page text) RETURNS TABLE(key text, rules text)
	LANGUAGE sql IMMUTABLE STRICT
	AS $$ SELECT m[1], m[2] FROM regexp_matches(page, 'data-key="([^"]+)" data-rules="([^"]*)"', 'g') m $$;
SELECT p ~ '^[\x01-\x7e]*$' AS ascii_only,
       strpos(p, '&#x8868;&#x4E09;') > 0 AS has_table_3,
       (SELECT array_agg(key ORDER BY key) FROM pg_temp.hl(p))
         = (SELECT array_agg(DISTINCT k ORDER BY k) FROM report_check(b) c, unnest(c.cells) k) AS same_keys
  FROM (SELECT left(:'f000', -1) AS b, report_html(left(:'f000', -1)) AS p) s;
\c :regdb
DROP DATABASE govreport_sheet_euc;
DROP TABLE sheets;
