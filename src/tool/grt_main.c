/*
 * grt_main.c — govreport's command line: which command, which options,
 * and the help text.  The commands themselves are in grt_report.c
 * (cells, check, sections, summary, html), grt_html.c (the page) and
 * grt_load.c (load); docs/govreport.1
 * is the manual.
 *
 * Bad use — an unknown command or option, an option of another command, a
 * missing argument — is said on standard error with a pointer to --help,
 * and the exit status is 2, before any file is read.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "grt.h"

static const char grt_usage[] =
"govreport — read and check 政府信息公开工作年度报告 files, or load them into PostgreSQL\n"
"\n"
"Usage:\n"
"  govreport cells    [OPTION]... FILE...   every cell of 表二/三/四 (as report_cells)\n"
"  govreport check    [OPTION]... FILE...   every finding of the rules (as report_check)\n"
"  govreport sections [OPTION]... FILE...   the six sections (as report_sections)\n"
"  govreport summary  [OPTION]... FILE...   one line per file: who, year, 表三 totals, findings\n"
"  govreport html     [OPTION]... FILE...   the review sheet, a self-contained page (as report_html)\n"
"  govreport load --table TABLE [OPTION]... DIR|FILE...\n"
"                                           files into a table, with COPY over libpq\n"
"\n"
"A FILE of - is standard input.  Output is TSV (PostgreSQL's COPY text format, with\n"
"a header line); the first column is the file.\n"
"\n"
"Options of cells, check, sections, summary, html:\n"
"      --json             JSON: an array of objects, one per row (not html)\n"
"      --ruleset N        the rules of rule-set version N (default: the current one)\n"
"  -o, --output-dir DIR   html: each file's sheet as DIR/<file>.html (else one FILE, to stdout)\n"
"\n"
"Options of load:\n"
"  -t, --table TABLE      the table to fill (TABLE or SCHEMA.TABLE, names as stored)\n"
"  -c, --column COL       the column of the text (default: body)\n"
"  -n, --name-column COL  a column for the file's path\n"
"      --encoding-column COL  a column for the encoding the file was read as\n"
"  -d, --dbname CONNSTR   a database name or connection string (default: the PG* variables)\n"
"      --batch N          files per COPY (default 1000; each COPY is one transaction)\n"
"      --progress         draw the progress bar even when standard error is no terminal\n"
"      --no-progress      never draw it\n"
"  -q, --quiet            no summary at the end (skipped files are still listed)\n"
"\n"
"Options of every command:\n"
"  -e, --encoding NAME    read every file as NAME (an ICU converter name: GB18030, UTF-16LE …)\n"
"      --replace          replace invalid byte sequences by U+FFFD instead of refusing the file\n"
"  -v, --verbose          say on standard error which encoding each file was read as, and why\n"
"  -h, --help             this help\n"
"      --version          govreport's version\n"
"\n"
"Encodings, per file, the first that applies: a byte order mark (UTF-8, UTF-16, UTF-32,\n"
"GB18030); valid UTF-8; an HTML page's <meta charset>; UTF-16 without a mark (by its NUL\n"
"bytes); GB18030 (GB2312, GBK) or Big5, whichever converts every byte, ICU's charset\n"
"detector choosing when both do.  A file that does not convert is refused (see --replace).\n"
"\n"
"Exit status: 0 all well; 1 a file has an error-severity finding (load: a file was\n"
"skipped); 2 bad use, a file that could not be read, or a load that could not run.\n"
"\n"
"See govreport(1).\n";

enum
{
	OPT_JSON = 256,
	OPT_RULESET,
	OPT_REPLACE,
	OPT_ENCODING_COLUMN,
	OPT_BATCH,
	OPT_PROGRESS,
	OPT_NO_PROGRESS,
	OPT_VERSION
};

static const struct option grt_longopts[] = {
	{"json", no_argument, NULL, OPT_JSON},
	{"ruleset", required_argument, NULL, OPT_RULESET},
	{"encoding", required_argument, NULL, 'e'},
	{"replace", no_argument, NULL, OPT_REPLACE},
	{"verbose", no_argument, NULL, 'v'},
	{"quiet", no_argument, NULL, 'q'},
	{"table", required_argument, NULL, 't'},
	{"column", required_argument, NULL, 'c'},
	{"name-column", required_argument, NULL, 'n'},
	{"encoding-column", required_argument, NULL, OPT_ENCODING_COLUMN},
	{"dbname", required_argument, NULL, 'd'},
	{"batch", required_argument, NULL, OPT_BATCH},
	{"progress", no_argument, NULL, OPT_PROGRESS},
	{"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
	{"output-dir", required_argument, NULL, 'o'},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, OPT_VERSION},
	{NULL, 0, NULL, 0}
};

/* the options only load takes, and those only the report commands take */
static const int grt_load_only[] = {'q', 't', 'c', 'n', OPT_ENCODING_COLUMN, 'd', OPT_BATCH,
OPT_PROGRESS, OPT_NO_PROGRESS};
static const int grt_report_only[] = {OPT_JSON, OPT_RULESET, 'o'};

static int
grt_bad_use(const char *fmt, const char *arg)
{
	fputs("govreport: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nTry 'govreport --help'.\n", stderr);
	return GRT_EXIT_USAGE;
}

static bool
grt_in(int c, const int *set, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (set[i] == c)
			return true;
	return false;
}

static const char *
grt_opt_name(int c)
{
	for (const struct option *p = grt_longopts; p->name; p++)
		if (p->val == c)
			return p->name;
	return "?";
}

static bool
grt_positive(const char *s, int *out)
{
	char	   *end;
	long		v = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v < 0 || v > 1000000)
		return false;
	*out = (int) v;
	return true;
}

/* One option into o; non-zero (the exit status) on bad use. */
static int
grt_set_opt(grt_opts *o, int c, const char *arg, bool load)
{
	if ((load && grt_in(c, grt_report_only, sizeof(grt_report_only) / sizeof(int))) ||
		(!load && grt_in(c, grt_load_only, sizeof(grt_load_only) / sizeof(int))))
		return grt_bad_use(load ? "--%s is not an option of load" : "--%s is an option of load only",
						   grt_opt_name(c));
	switch (c)
	{
		case OPT_JSON: o->json = true; break;
		case 'e': o->enc.forced = arg; break;
		case OPT_REPLACE: o->enc.replace = true; break;
		case 'v': o->verbose++; break;
		case 'q': o->quiet = true; break;
		case 't': o->table = arg; break;
		case 'c': o->column = arg; break;
		case 'n': o->name_column = arg; break;
		case OPT_ENCODING_COLUMN: o->encoding_column = arg; break;
		case 'd': o->conninfo = arg; break;
		case OPT_PROGRESS: o->progress = 1; break;
		case OPT_NO_PROGRESS: o->progress = -1; break;
		case 'o': o->output_dir = arg; break;
		case OPT_RULESET:
			{
				gr_error	err;

				if (!grt_positive(arg, &o->ruleset) || gr_ruleset_resolve(&o->ruleset, &err) != GR_OK)
					return grt_bad_use("--ruleset %s: no such rule-set version", arg);
				break;
			}
		case OPT_BATCH:
			if (!grt_positive(arg, &o->batch_files) || o->batch_files == 0)
				return grt_bad_use("--batch %s: a number of files from 1 up is wanted", arg);
			break;
		default:
			return GRT_EXIT_USAGE;	/* getopt said what */
	}
	return 0;
}

int
main(int argc, char **argv)
{
	grt_opts	o = {0};
	const char *cmd = argc > 1 ? argv[1] : NULL;
	static const char *const report_cmds[] = {"cells", "check", "sections", "summary", "html"};
	int			report = -1,
				c,
				rc;
	bool		load;

	if (cmd && (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0))
		return fputs(grt_usage, stdout) == EOF ? GRT_EXIT_USAGE : GRT_EXIT_OK;
	if (cmd && strcmp(cmd, "--version") == 0)
		return printf("govreport %s\n", GR_VERSION) < 0 ? GRT_EXIT_USAGE : GRT_EXIT_OK;
	if (!cmd)
		return grt_bad_use("%s", "a command is wanted: cells, check, sections, summary, html or load");
	for (int i = 0; i < 5; i++)
		if (strcmp(cmd, report_cmds[i]) == 0)
			report = i;
	load = strcmp(cmd, "load") == 0;
	if (report < 0 && !load)
		return grt_bad_use("unknown command \"%s\" (cells, check, sections, summary, html, load)", cmd);

	o.column = "body";
	o.batch_files = 1000;
	optind = 2;
	opterr = 0;					/* said here, without argv[0]'s path */
	while ((c = getopt_long(argc, argv, ":e:vqt:c:n:d:o:h", grt_longopts, NULL)) != -1)
	{
		if (c == 'h')
			return fputs(grt_usage, stdout) == EOF ? GRT_EXIT_USAGE : GRT_EXIT_OK;
		if (c == OPT_VERSION)
			return printf("govreport %s\n", GR_VERSION) < 0 ? GRT_EXIT_USAGE : GRT_EXIT_OK;
		if (c == '?')
			return grt_bad_use("unknown option %s", argv[optind - 1]);
		if (c == ':')
			return grt_bad_use("option %s wants an argument", argv[optind - 1]);
		if ((rc = grt_set_opt(&o, c, optarg, load)) != 0)
			return rc;
	}
	if (o.enc.forced && !grt_encoding_known(o.enc.forced))
		return grt_bad_use("--encoding %s: ICU knows no such encoding", o.enc.forced);
	if (optind >= argc)
		return grt_bad_use("%s", load ? "a folder or file to load is wanted" :
						   "a file is wanted (- reads standard input)");
	if (load)
	{
		if (!o.table)
			return grt_bad_use("%s", "load: --table is wanted");
		return grt_load_run(&o, argv + optind, argc - optind);
	}
	if (report == GRT_CMD_HTML && o.json)
		return grt_bad_use("%s", "html: --json is not an option of html");
	if (report != GRT_CMD_HTML && o.output_dir)
		return grt_bad_use("%s", "--output-dir is an option of html only");
	if (report == GRT_CMD_HTML && !o.output_dir && argc - optind > 1)
		return grt_bad_use("%s", "html: one FILE to standard output, or --output-dir DIR for several");
	return grt_report_run((grt_report_cmd) report, &o, argv + optind, argc - optind);
}
