-- trusted: a database owner who is not a superuser installs govreport, as
-- hstore or pg_trgm (the README's "Trusted" section says why that is safe);
-- a role without CREATE on the database cannot; no function it creates is
-- SECURITY DEFINER or anything but C, and a hostile search_path changes
-- nothing it returns.
\set regdb :DBNAME
CREATE ROLE regress_govreport_owner NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE ROLE regress_govreport_other NOSUPERUSER;
CREATE DATABASE govreport_trusted OWNER regress_govreport_owner
  TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C';
\c govreport_trusted
SET ROLE regress_govreport_owner;
SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user;
CREATE EXTENSION govreport;
SELECT extname, extowner::regrole, extversion FROM pg_extension WHERE extname = 'govreport';
SELECT (r).org, (r).year, (r).edition
  FROM (SELECT parse_report(E'某县人民政府2022年政府信息公开工作年度报告\n一、总体情况\n正文\n') AS r) s;

-- what it created: C functions only, none SECURITY DEFINER, none with a SET clause
SELECT count(*) > 10 AS functions,
       count(*) FILTER (WHERE p.prosecdef) AS security_definer,
       count(*) FILTER (WHERE l.lanname <> 'c') AS not_c,
       count(*) FILTER (WHERE p.proconfig IS NOT NULL) AS with_set
  FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'govreport';

-- a hostile search_path: look-alike types and functions first in the path
CREATE SCHEMA evil;
CREATE TYPE evil.govreport AS (org int);
CREATE FUNCTION evil.text(integer) RETURNS text LANGUAGE sql AS $$ SELECT 'evil' $$;
CREATE TABLE evil.reports (body text, findings jsonb);
CREATE TRIGGER reports_record BEFORE INSERT ON evil.reports
  FOR EACH ROW EXECUTE FUNCTION public.report_validate_trigger('body', 'record', 'findings', '1');
SET search_path = evil, public;
SELECT (public.parse_report(E'某县人民政府2022年政府信息公开工作年度报告\n一、总体情况\n正文\n')).org;
INSERT INTO evil.reports (body) VALUES (E'某县人民政府2022年政府信息公开工作年度报告\n一、总体情况\n正文\n');
SELECT jsonb_array_length(findings) > 0 AS recorded FROM evil.reports;
RESET search_path;

-- the owner can drop it again; a role without CREATE on the database cannot install it
DROP SCHEMA evil CASCADE;
DROP EXTENSION govreport;
RESET ROLE;
SET ROLE regress_govreport_other;
\set SHOW_CONTEXT never
CREATE EXTENSION govreport;
\set SHOW_CONTEXT errors
RESET ROLE;

\c :regdb
DROP DATABASE govreport_trusted;
DROP ROLE regress_govreport_owner, regress_govreport_other;
