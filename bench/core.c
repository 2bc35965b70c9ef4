/*
 * core.c — the core's own speed and memory, without a server: the
 * repeatable figures of the benchmark.
 *
 *   bench/core [-n ROUNDS] [-c | -x | -s] [-q] FILE...
 *
 * Reads every file, parses the first once to set up what a process sets
 * up once (ICU, the folding table: its time is printed as the first call),
 * then parses every file ROUNDS times (default 3), with -c also checking
 * (gr_check, as report_check does).  Prints bytes, the time, MB/s, and the
 * arena bytes a parse takes per byte of input (the median file's ratio and
 * the largest).  Under callgrind the timed rounds alone are measured
 * (CALLGRIND_START_INSTRUMENTATION), so that
 *
 *   valgrind --tool=callgrind --instr-atstart=no bench/core -n 1 FILE...
 *
 * counts the instructions of the steady-state core, a figure that does not
 * depend on how busy the machine is: bench/run.sh divides it by the KB of
 * input.  -q prints only the figures, as name=value lines.
 *
 * -x measures libxml2 alone instead of the parse: each file through
 * libxml2's HTML push parser with the options the core gives it and SAX
 * handlers that do nothing, the floor any parse of a web page through
 * libxml2 stands on (BENCHMARKS.md, what remains).  -s does the same with
 * the page as the core hands it over: through gr_html_slim(), in its
 * pieces, the attributes no node keeps taken out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <valgrind/callgrind.h>

#include "gr_core.h"
#include "gr_html_tree.h"
#include "test_alloc.h"

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return x < y ? -1 : x > y;
}

static void
sax_nothing_elem(void *ctx, const xmlChar *name, const xmlChar **atts)
{
}

static void
sax_nothing_end(void *ctx, const xmlChar *name)
{
}

static void
sax_nothing_text(void *ctx, const xmlChar *ch, int len)
{
}

static int	slim_pages;			/* -s */

/* gr_html_push for -s: every piece to the parser (the first four bytes made it). */
static bool
push_piece(void *arg, const char *p, size_t n)
{
	htmlParseChunk(arg, p, (int) n, 0);
	return true;
}

/* libxml2 alone over a page, as gr_html_sax.c drives it (options, encoding, line numbers); 0 or -1. */
static double
libxml2_only(const char *text, size_t len)
{
	htmlSAXHandler sax;
	htmlParserCtxtPtr pc;
	xmlCharEncodingHandlerPtr utf8 = xmlFindCharEncodingHandler("UTF-8");
	int			off = slim_pages ? 0 : len < 4 ? (int) len : 4;	/* -s: every byte through the slimming */
	static char slim_buf[16 * 1024];

	memset(&sax, 0, sizeof(sax));
	sax.startElement = sax_nothing_elem;
	sax.endElement = sax_nothing_end;
	sax.characters = sax_nothing_text;
	sax.ignorableWhitespace = sax_nothing_text;
	sax.initialized = 1;
	pc = htmlCreatePushParserCtxt(&sax, NULL, text, off, NULL, XML_CHAR_ENCODING_NONE);
	if (pc == NULL)
		return -1;
	htmlCtxtUseOptions(pc, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
					   HTML_PARSE_NONET | HTML_PARSE_NOBLANKS);
	pc->linenumbers = 1;
	if (utf8 != NULL)
		xmlSwitchToEncoding(pc, utf8);
	if (slim_pages)
		gr_html_slim(text + off, len - (size_t) off, slim_buf, sizeof(slim_buf), push_piece, pc);
	else
		htmlParseChunk(pc, text + off, (int) (len - (size_t) off), 0);
	htmlParseChunk(pc, NULL, 0, 1);
	if (pc->myDoc)
		xmlFreeDoc(pc->myDoc);
	htmlFreeParserCtxt(pc);
	return 0;
}

int
main(int argc, char **argv)
{
	int			rounds = 3,
				check = 0,
				xml = 0,
				quiet = 0,
				opt;
	int			nfiles;
	char	  **texts;
	size_t	   *lens,
				total = 0;
	double	   *ratios,
				t0,
				first_ms,
				ms;

	while ((opt = getopt(argc, argv, "n:cxsq")) != -1)
	{
		if (opt == 'n')
			rounds = atoi(optarg);
		else if (opt == 'c')
			check = 1;
		else if (opt == 'x')
			xml = 1;
		else if (opt == 's')
			xml = slim_pages = 1;
		else if (opt == 'q')
			quiet = 1;
		else
		{
			fprintf(stderr, "usage: %s [-n ROUNDS] [-c | -x | -s] [-q] FILE...\n", argv[0]);
			return 2;
		}
	}
	nfiles = argc - optind;
	if (nfiles <= 0)
	{
		fprintf(stderr, "usage: %s [-n ROUNDS] [-c | -x | -s] [-q] FILE...\n", argv[0]);
		return 2;
	}
	texts = calloc(nfiles, sizeof(char *));
	lens = calloc(nfiles, sizeof(size_t));
	ratios = calloc(nfiles, sizeof(double));
	for (int i = 0; i < nfiles; i++)
	{
		texts[i] = ta_read_file(argv[optind + i], &lens[i]);
		if (!texts[i])
		{
			perror(argv[optind + i]);
			return 1;
		}
		total += lens[i];
	}

	t0 = now_ms();
	if ((xml ? libxml2_only(texts[0], lens[0]) : ta_parse_ratio(texts[0], lens[0], check)) < 0)
	{
		fprintf(stderr, "%s: the parse failed\n", argv[optind]);
		return 1;
	}
	first_ms = now_ms() - t0;

	CALLGRIND_START_INSTRUMENTATION;
	t0 = now_ms();
	for (int r = 0; r < rounds; r++)
		for (int i = 0; i < nfiles; i++)
			ratios[i] = xml ? libxml2_only(texts[i], lens[i]) : ta_parse_ratio(texts[i], lens[i], check);
	ms = now_ms() - t0;
	CALLGRIND_STOP_INSTRUMENTATION;

	for (int i = 0; i < nfiles; i++)
		if (ratios[i] < 0)
		{
			fprintf(stderr, "%s: the parse failed\n", argv[optind + i]);
			return 1;
		}
	qsort(ratios, nfiles, sizeof(double), cmp_double);
	if (quiet)
		printf("files=%d\nbytes=%zu\nrounds=%d\nms=%.3f\nfirst_ms=%.3f\n"
			   "mb_per_s=%.2f\nus_per_report=%.2f\narena_x_median=%.2f\narena_x_max=%.2f\n",
			   nfiles, total, rounds, ms, first_ms,
			   total * (double) rounds / 1e3 / ms,
			   ms * 1e3 / ((double) rounds * nfiles),
			   ratios[nfiles / 2], ratios[nfiles - 1]);
	else
		printf("%d files, %zu bytes, %d rounds%s: %.1f ms, %.2f MB/s, %.1f us a report; "
			   "first call %.2f ms; arena %.1fx the input (median), %.1fx (largest)\n",
			   nfiles, total, rounds, check ? " with gr_check" : xml ? " of libxml2 alone" : "", ms,
			   total * (double) rounds / 1e3 / ms,
			   ms * 1e3 / ((double) rounds * nfiles), first_ms,
			   ratios[nfiles / 2], ratios[nfiles - 1]);
	return 0;
}
