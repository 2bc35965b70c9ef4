-- encodings: the same reports give the same answers in a UTF8, an EUC_CN
-- and a SQL_ASCII database; stray bytes that are not UTF-8 in a SQL_ASCII
-- database are replaced, never read past.
\set regdb :DBNAME
\set ECHO none
-- EUC_CN cannot hold seed 004's U+00A0 nor seed 001's U+2014 (in PostgreSQL's
-- mapping): a space and a hyphen stand in for them in every database, so that
-- the answers can be compared.
\set f000 `cat samples/000_39ebc790c38a4837.txt; printf x`
\set f001 `sed 's/\xe2\x80\x94/-/g' samples/001_491d5e7aac25b4a8.txt; printf x`
\set f002 `cat samples/002_76344675801c90f2.txt; printf x`
\set f003 `cat samples/003_46e25f98fd9935f9.txt; printf x`
\set f004 `sed 's/\xc2\xa0/ /g' samples/004_c93bc2a644177ce0.txt; printf x`
\set ECHO all
SET datestyle = ISO;

CREATE FUNCTION pg_temp.summary(b text) RETURNS text LANGUAGE sql AS $$
  SELECT concat_ws(' | ', (r).org, (r).year, (r).edition, (r).edition_mixed, (r).period_start,
                   (r).period_end, (r).published, (r).contact,
                   (SELECT string_agg(key || '@' || line, ',' ORDER BY ord) FROM report_sections(b)))
    FROM (SELECT parse_report(b) AS r) s $$;
CREATE TEMP TABLE enc_samples AS
SELECT * FROM (VALUES (0, left(:'f000', -1)), (1, left(:'f001', -1)), (2, left(:'f002', -1)),
                      (3, left(:'f003', -1)), (4, left(:'f004', -1))) v(id, body);
SELECT current_setting('server_encoding') AS db, id, pg_temp.summary(body) FROM enc_samples ORDER BY id;

CREATE DATABASE govreport_euc_cn TEMPLATE template0 ENCODING 'EUC_CN' LC_COLLATE 'C' LC_CTYPE 'C';
CREATE DATABASE govreport_sql_ascii TEMPLATE template0 ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C';

\c govreport_euc_cn
SET client_encoding = 'UTF8';
SET datestyle = ISO;
CREATE EXTENSION govreport;
CREATE FUNCTION pg_temp.summary(b text) RETURNS text LANGUAGE sql AS $$
  SELECT concat_ws(' | ', (r).org, (r).year, (r).edition, (r).edition_mixed, (r).period_start,
                   (r).period_end, (r).published, (r).contact,
                   (SELECT string_agg(key || '@' || line, ',' ORDER BY ord) FROM report_sections(b)))
    FROM (SELECT parse_report(b) AS r) s $$;
CREATE TEMP TABLE enc_samples AS
SELECT * FROM (VALUES (0, left(:'f000', -1)), (1, left(:'f001', -1)), (2, left(:'f002', -1)),
                      (3, left(:'f003', -1)), (4, left(:'f004', -1))) v(id, body);
SELECT current_setting('server_encoding') AS db, id, pg_temp.summary(body) FROM enc_samples ORDER BY id;
SELECT key, heading FROM enc_samples, report_sections(body) WHERE id = 3 AND ord = 1;

\c govreport_sql_ascii
SET client_encoding = 'UTF8';
SET datestyle = ISO;
CREATE EXTENSION govreport;
CREATE FUNCTION pg_temp.summary(b text) RETURNS text LANGUAGE sql AS $$
  SELECT concat_ws(' | ', (r).org, (r).year, (r).edition, (r).edition_mixed, (r).period_start,
                   (r).period_end, (r).published, (r).contact,
                   (SELECT string_agg(key || '@' || line, ',' ORDER BY ord) FROM report_sections(b)))
    FROM (SELECT parse_report(b) AS r) s $$;
CREATE TEMP TABLE enc_samples AS
SELECT * FROM (VALUES (0, left(:'f000', -1)), (1, left(:'f001', -1)), (2, left(:'f002', -1)),
                      (3, left(:'f003', -1)), (4, left(:'f004', -1))) v(id, body);
SELECT current_setting('server_encoding') AS db, id, pg_temp.summary(body) FROM enc_samples ORDER BY id;
-- stray bytes: a truncated sequence in the name, a lone continuation byte
-- and 0xFF before a heading; each becomes U+FFFD and parsing goes on
SELECT (r).org, (r).year, (r).title
  FROM (SELECT parse_report(E'某县\xE4\xB8政府2022年政府信息公开工作年度报告\n\x80\xFF一、总体情况\n正文\n二、主动公开政府信息情况\n') AS r) s;
SELECT key, line FROM report_sections(E'\xC3某县政府2022年政府信息公开工作年度报告\n\xFF\n一、总体情况\n正文\n二、主动公开政府信息情况\n\xE4\xB8');

\c :regdb
DROP DATABASE govreport_euc_cn;
DROP DATABASE govreport_sql_ascii;
