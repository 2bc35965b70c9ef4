-- upgrade: a database created on 0.1.0 moves to the current version with
-- ALTER EXTENSION UPDATE, and in between the new library serves the old
-- type (parse_report fills attributes by name).
DROP EXTENSION govreport;
CREATE EXTENSION govreport VERSION '0.1.0';
SELECT extversion FROM pg_extension WHERE extname = 'govreport';
SELECT (parse_report(body)).* FROM samples WHERE id = 3;
SELECT count(*) FROM pg_proc WHERE proname = 'report_cells';

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
