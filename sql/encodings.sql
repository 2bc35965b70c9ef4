-- encodings: the same reports give the same answers in a UTF8, an EUC_CN
-- and a SQL_ASCII database, through every function and every trigger mode
-- (test/data/encodings_summary.sql); what EUC_CN cannot hold is replaced,
-- never an error; stray bytes that are not UTF-8 in a SQL_ASCII database
-- are replaced, never read past; a LATIN1 database is refused plainly.
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
-- sample 3 as a web page, &nbsp; in its title, paragraphs and empty cells
\set html `cat test/data/003_46e25f98fd9935f9.nbsp.html; printf x`
\set ECHO all
\i test/data/encodings_summary.sql
\set utf8_texts :d_texts
\set utf8_findings :d_findings
\set utf8_others :d_others
\set utf8_recorded :d_recorded

CREATE DATABASE govreport_euc_cn TEMPLATE template0 ENCODING 'EUC_CN' LC_COLLATE 'C' LC_CTYPE 'C';
CREATE DATABASE govreport_sql_ascii TEMPLATE template0 ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C';

\c govreport_euc_cn
CREATE EXTENSION govreport;
\i test/data/encodings_summary.sql
\set euc_cn_texts :d_texts
\set euc_cn_findings :d_findings
\set euc_cn_others :d_others
\set euc_cn_recorded :d_recorded
SELECT key, heading FROM enc_samples, report_sections(body) WHERE id = 3 AND ord = 1;

\c govreport_sql_ascii
CREATE EXTENSION govreport;
\i test/data/encodings_summary.sql
\set sql_ascii_texts :d_texts
\set sql_ascii_findings :d_findings
\set sql_ascii_others :d_others
\set sql_ascii_recorded :d_recorded
-- stray bytes: a truncated sequence in the name, a lone continuation byte
-- and 0xFF before a heading; each becomes U+FFFD and parsing goes on
SELECT (r).org, (r).year, (r).title
  FROM (SELECT parse_report(E'某县\xE4\xB8政府2022年政府信息公开工作年度报告\n\x80\xFF一、总体情况\n正文\n二、主动公开政府信息情况\n') AS r) s;
SELECT key, line FROM report_sections(E'\xC3某县政府2022年政府信息公开工作年度报告\n\xFF\n一、总体情况\n正文\n二、主动公开政府信息情况\n\xE4\xB8');

-- a database that cannot hold Chinese text: CREATE EXTENSION says why, with a SQLSTATE
CREATE DATABASE govreport_latin1 TEMPLATE template0 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C';
\c govreport_latin1
\set SHOW_CONTEXT never
CREATE EXTENSION govreport;
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT count(*) FROM pg_extension WHERE extname = 'govreport';
\set SHOW_CONTEXT errors

\c :regdb
-- every function and trigger mode gave the same in the three databases:
-- texts (parse_report, report_sections, report_cells, report_cell), findings
-- (report_check, report_is_valid, report_invalid_reason), others
-- (report_check_pair, report_keys, report_rules, govreport_ruleset, the
-- comments) and what the record trigger stored
SELECT db, t = :'utf8_texts' AS texts, f = :'utf8_findings' AS findings, o = :'utf8_others' AS others,
       r = :'utf8_recorded' AS recorded
  FROM (VALUES ('EUC_CN', :'euc_cn_texts', :'euc_cn_findings', :'euc_cn_others', :'euc_cn_recorded'),
               ('SQL_ASCII', :'sql_ascii_texts', :'sql_ascii_findings', :'sql_ascii_others', :'sql_ascii_recorded')) v(db, t, f, o, r);
DROP DATABASE govreport_euc_cn;
DROP DATABASE govreport_sql_ascii;
DROP DATABASE govreport_latin1;

-- a web page that keeps the charset its site served it in, stored as UTF-8
-- (as the loader stores a GB2312 page): read as UTF-8 past libxml2's first
-- 256 kB piece too, where its table is
SELECT octet_length(b) > 300 * 1024 AS long_page, (parse_report(b)).year,
       report_cell(b, 't3.new_received.natural_person') AS natural_person,
       report_cell(b, 't3.new_received.total') AS total
  FROM (SELECT '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>'
               '<p>某县2021年政府信息公开工作年度报告</p><p>一、总体情况</p>'
               || repeat(E'<p>本年度做了许多工作。</p>\n', 12000)
               || '<p>三、收到和处理政府信息公开申请情况</p><table><tr><td>一、本年新收政府信息公开申请数量</td>'
               '<td>3</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>3</td></tr></table>'
               '<p>四、政府信息公开行政复议、行政诉讼情况</p></body></html>' AS b) s;
