-- tables.sql — the three COPY targets of the benchmarks (bench/setup.sql
-- and bench/copy.sh): a plain table, one with the record trigger, one with
-- trigger + CHECK + three expression indexes; the same columns in each.
CREATE TABLE t_plain (id int, body text, findings jsonb);
CREATE TABLE t_trigger (LIKE t_plain);
CREATE TRIGGER t_trigger_record BEFORE INSERT OR UPDATE ON t_trigger
  FOR EACH ROW EXECUTE FUNCTION report_validate_trigger('body', 'record', 'findings');
CREATE TABLE t_all (LIKE t_plain);
-- the cost of CHECK (report_is_valid(body, 1)), but every report is kept
-- (generated reports need not balance): never NULL, so always true
ALTER TABLE t_all ADD CHECK (report_is_valid(body, 1) IS NOT NULL);
CREATE TRIGGER t_all_record BEFORE INSERT OR UPDATE ON t_all
  FOR EACH ROW EXECUTE FUNCTION report_validate_trigger('body', 'record', 'findings');
CREATE INDEX ON t_all (((parse_report(body)).year));
CREATE INDEX ON t_all (((parse_report(body)).org));
CREATE INDEX ON t_all ((report_cell(body, 't3.new_received.total')));
