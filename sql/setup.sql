-- setup: loads the five bundled sample reports (samples/, copies of the
-- project's seed reports) and their Traditional-script versions
-- (test/data/*.hant.txt) into tables that the later test files read.
-- Each file is read by psql on the client side; the trailing 'x' keeps the
-- file's final newline, which psql would otherwise strip.
\set ECHO none
\set f000 `cat samples/000_39ebc790c38a4837.txt; printf x`
\set f001 `cat samples/001_491d5e7aac25b4a8.txt; printf x`
\set f002 `cat samples/002_76344675801c90f2.txt; printf x`
\set f003 `cat samples/003_46e25f98fd9935f9.txt; printf x`
\set f004 `cat samples/004_c93bc2a644177ce0.txt; printf x`
\set h000 `cat test/data/000_39ebc790c38a4837.hant.txt; printf x`
\set h001 `cat test/data/001_491d5e7aac25b4a8.hant.txt; printf x`
\set h002 `cat test/data/002_76344675801c90f2.hant.txt; printf x`
\set h003 `cat test/data/003_46e25f98fd9935f9.hant.txt; printf x`
\set h004 `cat test/data/004_c93bc2a644177ce0.hant.txt; printf x`
\set ECHO all
CREATE TABLE samples (id int PRIMARY KEY, body text NOT NULL, hant text NOT NULL);
INSERT INTO samples VALUES
	(0, left(:'f000', -1), left(:'h000', -1)),
	(1, left(:'f001', -1), left(:'h001', -1)),
	(2, left(:'f002', -1), left(:'h002', -1)),
	(3, left(:'f003', -1), left(:'h003', -1)),
	(4, left(:'f004', -1), left(:'h004', -1));
SELECT id, length(body), md5(body) FROM samples ORDER BY id;
