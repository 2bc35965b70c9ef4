-- govreport--0.1.0.sql: the install script of govreport's first release.
-- Later releases add govreport--<old>--<new>.sql upgrade scripts; CREATE
-- EXTENSION runs this script and then the upgrades in turn, so a new
-- installation and an upgraded one end in the same state.

\echo Use "CREATE EXTENSION govreport" to load this file. \quit

-- This file is ASCII only (since 0.4.0), so that PostgreSQL can read it in
-- a database of any encoding and get as far as the check below: a database
-- that cannot hold Chinese text (LATIN1, ...) is refused with a plain
-- error, before anything is created.  The Chinese comments of the objects
-- below are set by the upgrade scripts, which run only after this check.
CREATE FUNCTION govreport_require_encoding() RETURNS void
	AS 'MODULE_PATHNAME', 'gr_pg_require_encoding'
	LANGUAGE C;
SELECT govreport_require_encoding();
DROP FUNCTION govreport_require_encoding();

-- The contact data a report states, as written.
CREATE TYPE govreport_contact AS (
	phone	text,
	email	text,
	address	text
);

COMMENT ON TYPE govreport_contact IS
'Contact data a report states: phone, e-mail and address, as written in the report.';

-- What parse_report() returns.  Later versions add attributes through
-- upgrade scripts; the C code fills attributes by name.
CREATE TYPE govreport AS (
	org				text,
	year			integer,
	edition			text,
	edition_mixed	boolean,
	title			text,
	period_start	date,
	period_end		date,
	published		date,
	contact			govreport_contact
);

COMMENT ON TYPE govreport IS
'A parsed annual report on government information disclosure: reporting body, statistics year, format edition (gb2019 or gb2021), title, statistics period, publication date, contact.';

CREATE FUNCTION parse_report(report text) RETURNS govreport
	AS 'MODULE_PATHNAME', 'gr_parse_report'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 5000;

COMMENT ON FUNCTION parse_report(text) IS
'Parses the text of an annual report on government information disclosure (plain text from a web page, PDF or Word file) into a govreport value; a text that is not a report gives a value whose fields are all NULL.';

CREATE FUNCTION report_sections(report text,
	OUT ord integer, OUT key text, OUT heading text, OUT body text, OUT line integer)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'gr_report_sections'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 5000 ROWS 7;

COMMENT ON FUNCTION report_sections(text) IS
'The sections of a report as rows: ord 0 is the text before section 1 (key preamble), ord 1..6 the sections s1_overview to s6_other with the heading as printed, the body and the heading''s line number; a missing section has no row.';
