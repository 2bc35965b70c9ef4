-- encodings_summary.sql — what sql/encodings.sql asks of each database it
-- creates (UTF8, EUC_CN, SQL_ASCII): every function and every trigger mode
-- over the same reports (psql variables f000…f004 and html, set by the
-- caller), each result kept as digests in temporary tables.  Texts are
-- compared through pg_temp.held(), which maps a text to
-- what an EUC_CN database holds of it (the replacements of the README's
-- Encodings section: — as ―, a no-break space as a space, …), and digested
-- as UTF-8 by pg_temp.digest(), so every digest below must be the same in
-- the three databases.
SET client_encoding = 'UTF8';
SET datestyle = ISO;
SELECT current_setting('server_encoding') = 'EUC_CN' AS euc_cn \gset
\if :euc_cn
CREATE FUNCTION pg_temp.held(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT t $$;
\else
-- U+00A0 U+2002 U+2003 U+2009 U+202F → space; U+2010–U+2013 → -; U+2014 → U+2015;
-- U+00B7 U+2022 → U+30FB; U+22EF → U+2026
CREATE FUNCTION pg_temp.held(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  -- replace(), not translate(): a SQL_ASCII database counts bytes, not characters
  SELECT replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(t
    , convert_from('\xc2a0', 'UTF8'), convert_from('\x20', 'UTF8'))
    , convert_from('\xe28082', 'UTF8'), convert_from('\x20', 'UTF8'))
    , convert_from('\xe28083', 'UTF8'), convert_from('\x20', 'UTF8'))
    , convert_from('\xe28089', 'UTF8'), convert_from('\x20', 'UTF8'))
    , convert_from('\xe280af', 'UTF8'), convert_from('\x20', 'UTF8'))
    , convert_from('\xe28090', 'UTF8'), convert_from('\x2d', 'UTF8'))
    , convert_from('\xe28091', 'UTF8'), convert_from('\x2d', 'UTF8'))
    , convert_from('\xe28092', 'UTF8'), convert_from('\x2d', 'UTF8'))
    , convert_from('\xe28093', 'UTF8'), convert_from('\x2d', 'UTF8'))
    , convert_from('\xe28094', 'UTF8'), convert_from('\xe28095', 'UTF8'))
    , convert_from('\xc2b7', 'UTF8'), convert_from('\xe383bb', 'UTF8'))
    , convert_from('\xe280a2', 'UTF8'), convert_from('\xe383bb', 'UTF8'))
    , convert_from('\xe28baf', 'UTF8'), convert_from('\xe280a6', 'UTF8')) $$;
\endif
-- a digest of the characters, the same whatever the database's encoding
CREATE FUNCTION pg_temp.digest(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT md5(convert_to(pg_temp.held(t), 'UTF8')) $$;

CREATE FUNCTION pg_temp.summary(b text) RETURNS text LANGUAGE sql AS $$
  SELECT concat_ws(' | ', (r).org, (r).year, (r).edition, (r).edition_mixed, (r).period_start,
                   (r).period_end, (r).published, (r).contact,
                   (SELECT string_agg(key || '@' || line, ',' ORDER BY ord) FROM report_sections(b)))
    FROM (SELECT parse_report(b) AS r) s $$;
-- 0–4 the samples, 5 sample 3 as an HTML page with &nbsp; in its title and cells
CREATE TEMP TABLE enc_samples AS
SELECT * FROM (VALUES (0, left(:'f000', -1)), (1, left(:'f001', -1)), (2, left(:'f002', -1)),
                      (3, left(:'f003', -1)), (4, left(:'f004', -1)), (5, left(:'html', -1))) v(id, body);
SELECT current_setting('server_encoding') AS db, id, pg_temp.summary(body) FROM enc_samples ORDER BY id;

-- parse_report's texts, report_sections, report_cells, report_cell, report_check,
-- report_is_valid, report_invalid_reason: digests per report
CREATE TEMP TABLE enc_texts AS
SELECT id,
       pg_temp.digest((parse_report(body)).title) AS title,
       (SELECT pg_temp.digest(string_agg(concat_ws('|', ord, key, heading, s.body, line), E'\n' ORDER BY ord))
          FROM report_sections(body) s) AS sections,
       (SELECT count(*) || ' ' || pg_temp.digest(string_agg(concat_ws('|', key, value, raw, unit, derived, line), E'\n' ORDER BY n))
          FROM report_cells(body) WITH ORDINALITY c(key, value, raw, unit, derived, line, n)) AS cells,
       report_cell(body, 't3.new_received.total') AS new_received
  FROM enc_samples;
CREATE TEMP TABLE enc_findings AS
SELECT id,
       (SELECT count(*) || ' ' || pg_temp.digest(string_agg(concat_ws('|', rule, severity, message, cells, expected, actual, line), E'\n' ORDER BY n))
          FROM report_check(body, 1) WITH ORDINALITY f(rule, severity, message, cells, expected, actual, line, n)) AS findings,
       report_is_valid(body, 1) AS valid,
       pg_temp.digest(report_invalid_reason(body, 1)) AS reason
  FROM enc_samples;
-- a message holding — (U+2014), which EUC_CN holds as ― (U+2015)
SELECT rule, message FROM enc_samples, report_check(body) WHERE id = 3 AND rule = 'R-GEN-02';
SELECT report_invalid_reason(body) FROM enc_samples WHERE id = 4;
-- the title with &nbsp;, which EUC_CN holds as a space: its characters, spaces marked
\if :euc_cn
SELECT replace((parse_report(body)).title, ' ', '_') AS title FROM enc_samples WHERE id = 5;
\else
SELECT replace(replace((parse_report(body)).title, ' ', '_'), convert_from('\xc2a0', 'UTF8'), '~') AS title
  FROM enc_samples WHERE id = 5;
\endif
-- report_check_pair over every pair of the samples; report_keys, report_rules,
-- govreport_ruleset, and the comments of every object of the extension
CREATE TEMP TABLE enc_others AS
SELECT 'pairs' AS what, count(*) AS n,
       pg_temp.digest(string_agg(concat_ws('|', a.id, b.id, c.rule, c.severity, c.message, c.cells,
                                c.expected, c.actual, c.line), E'\n' ORDER BY a.id, b.id, c.ordinality)) AS digest
  FROM enc_samples a, enc_samples b, report_check_pair(a.body, b.body, 1) WITH ORDINALITY c
 WHERE a.id < b.id AND b.id < 5
UNION ALL
SELECT 'keys', count(*), pg_temp.digest(string_agg(concat_ws('|', key, tab, row_key, col_key, gb2019, gb2021, derived), E'\n'))
  FROM report_keys()
UNION ALL
SELECT 'rules', count(*), pg_temp.digest(string_agg(concat_ws('|', rule, severity, editions, since_ruleset, until_ruleset,
                                                   description), E'\n' ORDER BY rule))
  FROM report_rules()
UNION ALL
SELECT 'ruleset', govreport_ruleset(), NULL
UNION ALL
SELECT 'comments', count(*), pg_temp.digest(string_agg(obj_description(d.objid, c.relname::name), E'\n'
                                            ORDER BY c.relname, pg_describe_object(d.classid, d.objid, 0)))
  FROM pg_depend d JOIN pg_class c ON c.oid = d.classid JOIN pg_extension e ON e.oid = d.refobjid
 WHERE e.extname = 'govreport' AND d.deptype = 'e';
SELECT obj_description(oid, 'pg_extension') FROM pg_extension WHERE extname = 'govreport';

-- the trigger in its three modes, pinned to rule set 1
CREATE TEMP TABLE enc_reports (id int, body text, findings jsonb);
CREATE TRIGGER enc_record BEFORE INSERT OR UPDATE ON enc_reports
	FOR EACH ROW EXECUTE FUNCTION report_validate_trigger('body', 'record', 'findings', '1');
INSERT INTO enc_reports (id, body) SELECT id, body FROM enc_samples;
CREATE TEMP TABLE enc_recorded AS
SELECT id, jsonb_array_length(findings) AS findings, pg_temp.digest(findings::text) AS digest FROM enc_reports;
CREATE TRIGGER enc_warn BEFORE UPDATE ON enc_reports
	FOR EACH ROW EXECUTE FUNCTION report_validate_trigger('body', 'warn', '1');
UPDATE enc_reports SET body = body WHERE id IN (1, 4);
CREATE TRIGGER enc_reject BEFORE INSERT ON enc_reports
	FOR EACH ROW EXECUTE FUNCTION report_validate_trigger('body', 'reject', '1');
INSERT INTO enc_reports (id, body) SELECT 10 + id, body FROM enc_samples WHERE id = 1;
INSERT INTO enc_reports (id, body) SELECT 10 + id, body FROM enc_samples WHERE id = 3;
SELECT count(*) FROM enc_reports;
-- the glue's own words (…) in its errors, converted as well
CREATE TRIGGER enc_after AFTER INSERT ON enc_reports
	FOR EACH ROW EXECUTE FUNCTION report_validate_trigger('body', 'reject');
INSERT INTO enc_reports (id, body) VALUES (20, NULL);
DROP TRIGGER enc_after ON enc_reports;
CREATE TRIGGER enc_badcol BEFORE INSERT ON enc_reports
	FOR EACH ROW EXECUTE FUNCTION report_validate_trigger('body', 'record', 'id');
INSERT INTO enc_reports (id, body) VALUES (20, NULL);
DROP TRIGGER enc_badcol ON enc_reports;

-- the digests above, one per table, for the caller to compare across
-- databases (compared, not printed, so that a change in what a report gives,
-- the same in every database, does not show here three times)
SELECT pg_temp.digest((SELECT string_agg(t::text, E'\n' ORDER BY id) FROM enc_texts t)) AS d_texts,
       pg_temp.digest((SELECT string_agg(f::text, E'\n' ORDER BY id) FROM enc_findings f)) AS d_findings,
       pg_temp.digest((SELECT string_agg(o::text, E'\n' ORDER BY what) FROM enc_others o)) AS d_others,
       pg_temp.digest((SELECT string_agg(r::text, E'\n' ORDER BY id) FROM enc_recorded r)) AS d_recorded \gset
