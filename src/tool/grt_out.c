/*
 * grt_out.c — rows out, as TSV or JSON, one table per run of a command.
 *
 * TSV is PostgreSQL's COPY text format with a header line: fields split
 * by tabs, NULL as \N, backslash, tab, newline and carriage return
 * escaped, booleans t/f, a text[] as an array literal.  So the output of
 * `govreport cells` loads with \copy … FROM … WITH (HEADER) into a table
 * whose columns are report_cells' own, and the same value reads the same
 * in SQL and on the command line.  JSON is one array of objects, one per
 * row, with the same names; numbers as JSON numbers, NULL as null.
 */
#include <string.h>

#include "grt.h"

void
grt_num_text(int64_t mant, int scale, char *buf, size_t len)
{
	/* the magnitude as unsigned, so that INT64_MIN needs no special case */
	uint64_t	mag = mant < 0 ? (uint64_t) (-(mant + 1)) + 1 : (uint64_t) mant;
	char		digits[32];
	int			n = snprintf(digits, sizeof(digits), "%0*llu", scale + 1, (unsigned long long) mag);

	if (scale > 0)
		snprintf(buf, len, "%s%.*s.%s", mant < 0 ? "-" : "", n - scale, digits, digits + n - scale);
	else
		snprintf(buf, len, "%s%s", mant < 0 ? "-" : "", digits);
}

void
grt_copy_escape(grt_buf *b, const char *s, size_t len)
{
	size_t		run = 0;

	grt_buf_reserve(b, len + 16);
	for (size_t i = 0; i < len; i++)
	{
		const char *esc = NULL;

		switch (s[i])
		{
			case '\\':
				esc = "\\\\";
				break;
			case '\t':
				esc = "\\t";
				break;
			case '\n':
				esc = "\\n";
				break;
			case '\r':
				esc = "\\r";
				break;
			default:
				continue;
		}
		grt_buf_append(b, s + run, i - run);
		grt_buf_append(b, esc, 2);
		run = i + 1;
	}
	grt_buf_append(b, s + run, len - run);
}

static void
grt_json_escape(grt_buf *b, const char *s, size_t len)
{
	size_t		run = 0;

	grt_buf_append(b, "\"", 1);
	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];
		char		esc[8];

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		grt_buf_append(b, s + run, i - run);
		if (c == '"' || c == '\\')
			snprintf(esc, sizeof(esc), "\\%c", c);
		else if (c == '\n')
			snprintf(esc, sizeof(esc), "\\n");
		else if (c == '\t')
			snprintf(esc, sizeof(esc), "\\t");
		else if (c == '\r')
			snprintf(esc, sizeof(esc), "\\r");
		else
			snprintf(esc, sizeof(esc), "\\u%04x", c);
		grt_buf_puts(b, esc);
		run = i + 1;
	}
	grt_buf_append(b, s + run, len - run);
	grt_buf_append(b, "\"", 1);
}

void
grt_out_begin(grt_out *o, FILE *f, bool json, const grt_col *cols, int ncols)
{
	memset(o, 0, sizeof(*o));
	o->f = f;
	o->json = json;
	o->cols = cols;
	o->ncols = ncols;
	if (json)
		return;
	for (int i = 0; i < ncols; i++)
		fprintf(f, "%s%s", i ? "\t" : "", cols[i].name);
	fputc('\n', f);
}

/* the separator and, in JSON, the name before the next field */
static void
grt_field(grt_out *o)
{
	if (o->json)
	{
		grt_buf_puts(&o->line, o->col ? ", " : (o->rows ? ",\n {" : "[\n {"));
		grt_json_escape(&o->line, o->cols[o->col].name, strlen(o->cols[o->col].name));
		grt_buf_puts(&o->line, ": ");
	}
	else if (o->col)
		grt_buf_append(&o->line, "\t", 1);
	o->col++;
}

void
grt_out_null(grt_out *o)
{
	grt_field(o);
	grt_buf_puts(&o->line, o->json ? "null" : "\\N");
}

void
grt_out_text(grt_out *o, const char *s, size_t len)
{
	if (s == NULL || len == 0)
	{
		grt_out_null(o);
		return;
	}
	grt_field(o);
	if (o->json)
		grt_json_escape(&o->line, s, len);
	else
		grt_copy_escape(&o->line, s, len);
}

void
grt_out_string(grt_out *o, const char *s, size_t len)
{
	grt_field(o);
	if (o->json)
		grt_json_escape(&o->line, s ? s : "", len);
	else
		grt_copy_escape(&o->line, s ? s : "", len);
}

void
grt_out_cstr(grt_out *o, const char *s)
{
	grt_out_text(o, s, s ? strlen(s) : 0);
}

void
grt_out_int(grt_out *o, long long v)
{
	grt_field(o);
	grt_buf_printf(&o->line, "%lld", v);
}

void
grt_out_num(grt_out *o, gr_num n)
{
	char		buf[48];

	if (!n.set)
	{
		grt_out_null(o);
		return;
	}
	grt_num_text(n.mant, n.scale, buf, sizeof(buf));
	grt_field(o);
	grt_buf_puts(&o->line, buf);
}

void
grt_out_bool(grt_out *o, bool v)
{
	grt_field(o);
	grt_buf_puts(&o->line, o->json ? (v ? "true" : "false") : (v ? "t" : "f"));
}

void
grt_out_keys(grt_out *o, const int *cells, int n)
{
	const gr_keydef *k = gr_keydefs();

	grt_field(o);
	/* keys are [a-z0-9_.]: no quoting needed in an array literal */
	grt_buf_puts(&o->line, o->json ? "[" : "{");
	for (int i = 0; i < n; i++)
	{
		if (i)
			grt_buf_puts(&o->line, o->json ? ", " : ",");
		if (o->json)
			grt_json_escape(&o->line, k[cells[i]].key, strlen(k[cells[i]].key));
		else
			grt_buf_puts(&o->line, k[cells[i]].key);
	}
	grt_buf_puts(&o->line, o->json ? "]" : "}");
}

void
grt_out_row_end(grt_out *o)
{
	grt_buf_puts(&o->line, o->json ? "}" : "\n");
	fwrite(o->line.data, 1, o->line.len, o->f);
	o->line.len = 0;
	o->col = 0;
	o->rows++;
}

void
grt_out_end(grt_out *o)
{
	if (o->json)
		fputs(o->rows ? "\n]\n" : "[]\n", o->f);
	grt_buf_free(&o->line);
	fflush(o->f);
}
