-- govreport--0.3.0--0.4.0.sql: what 0.4.0 adds to the SQL interface.
-- (Each addition of this release is appended below with its comment.)

\echo Use "ALTER EXTENSION govreport UPDATE TO '0.4.0'" to load this file. \quit
