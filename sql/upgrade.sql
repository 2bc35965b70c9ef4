-- upgrade: a database created on 0.1.0 moves to the current version with
-- ALTER EXTENSION UPDATE, and in between the new library serves the old
-- type (parse_report fills attributes by name).
DROP EXTENSION govreport;
CREATE EXTENSION govreport VERSION '0.1.0';
SELECT extversion FROM pg_extension WHERE extname = 'govreport';
SELECT (parse_report(body)).* FROM samples WHERE id = 3;
SELECT count(*) FROM pg_proc WHERE proname = 'report_cells';

-- the 0.3.0 declarations, served by this library: report_cells with its
-- six columns, severities as text (report_rules: one row per rule, as this
-- library lists them)
ALTER EXTENSION govreport UPDATE TO '0.3.0';
SELECT * FROM report_cells((SELECT body FROM samples WHERE id = 3)) WHERE key LIKE 't4.review.%';
SELECT pg_typeof(severity), count(*) FROM samples, report_check(body) WHERE id = 0 GROUP BY 1;
SELECT pg_typeof(severity), count(*), count(DISTINCT rule) FROM report_rules() GROUP BY 1;

ALTER EXTENSION govreport UPDATE;
SELECT extversion FROM pg_extension WHERE extname = 'govreport';
SELECT (parse_report(body)).requests.new_received.total, report_cell(body, 't3.results_total.total')
  FROM samples WHERE id = 3;

-- every function and type has a comment
SELECT p.proname FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'govreport'
 WHERE obj_description(p.oid, 'pg_proc') IS NULL;
SELECT t.typname FROM pg_type t JOIN pg_depend d ON d.objid = t.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'govreport'
 WHERE obj_description(t.oid, 'pg_type') IS NULL;
-- and how volatile each is: IMMUTABLE, but the trigger function
SELECT p.proname, p.provolatile, p.proisstrict, p.proparallel
  FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'govreport'
 ORDER BY 1;
