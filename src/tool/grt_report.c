/*
 * grt_report.c — govreport cells, check, sections and summary: each file
 * read, decoded to UTF-8, parsed and checked by the core, and its rows
 * written.
 *
 * The columns are those of the SQL functions, after a first column
 * `file`: cells gives report_cells' (key, value, raw, unit, derived,
 * line, state, ord, row_label, col_label), check report_check's (rule, severity, message, cells, expected,
 * actual, line), sections report_sections' (ord, key, heading, body,
 * line), from the same core calls the glue makes, so a value reads the
 * same in SQL and here.  summary is one row per file: the encoding it was
 * read as, then the columns of report_summary.
 *
 * Every command runs the rules, so that the exit status says the same
 * whatever was asked: 1 when a file has an error-severity finding, 2 when
 * a file could not be read (it is reported on standard error and the
 * others go on).
 */
#include <stdlib.h>
#include <string.h>

#include "grt.h"

static const grt_col grt_cells_cols[] = {
	{"file", GRT_TEXT}, {"key", GRT_TEXT}, {"value", GRT_NUM}, {"raw", GRT_TEXT},
	{"unit", GRT_TEXT}, {"derived", GRT_BOOL}, {"line", GRT_INT}, {"state", GRT_TEXT},
	{"ord", GRT_INT}, {"row_label", GRT_TEXT}, {"col_label", GRT_TEXT},
};
static const grt_col grt_check_cols[] = {
	{"file", GRT_TEXT}, {"rule", GRT_TEXT}, {"severity", GRT_TEXT}, {"message", GRT_TEXT},
	{"cells", GRT_KEYS}, {"expected", GRT_NUM}, {"actual", GRT_NUM}, {"line", GRT_INT},
};
static const grt_col grt_sections_cols[] = {
	{"file", GRT_TEXT}, {"ord", GRT_INT}, {"key", GRT_TEXT}, {"heading", GRT_TEXT},
	{"body", GRT_TEXT}, {"line", GRT_INT},
};

/*
 * summary: the totals a reader looks at first, by key, in the order and
 * under the names of report_summary's columns: 表三's 新收, 上年结转, 办理结果
 * 总计, 结转下年度 and 予以公开, 表四's 行政复议 and 行政诉讼 totals.
 */
static const char *const grt_summary_keys[] = {
	"t3.new_received.total", "t3.carried_in.total", "t3.results_total.total", "t3.carried_out.total",
	"t3.granted.total", "t4.review.total", "t4.suit_all.total",
};
static const grt_col grt_summary_cols[] = {
	{"file", GRT_TEXT}, {"encoding", GRT_TEXT}, {"org", GRT_TEXT}, {"year", GRT_INT},
	{"edition", GRT_TEXT}, {"new_received", GRT_NUM}, {"carried_in", GRT_NUM},
	{"results_total", GRT_NUM}, {"carried_out", GRT_NUM}, {"granted", GRT_NUM},
	{"review_total", GRT_NUM}, {"suit_total", GRT_NUM}, {"errors", GRT_INT},
	{"warnings", GRT_INT}, {"first_error", GRT_TEXT},
};

#define NCOLS(a) ((int) (sizeof(a) / sizeof(a[0])))

static void
grt_line_or_null(grt_out *o, int line)
{
	if (line)
		grt_out_int(o, line);
	else
		grt_out_null(o);
}

static gr_num
grt_cell_num(const gr_cell *c)
{
	gr_num		n = {0, 0, 0};

	if (c->state == GR_CELL_NUMBER)
	{
		n.mant = c->mant;
		n.scale = c->scale;
		n.set = 1;
	}
	return n;
}

/* as report_cells: the cells gr_cell_listed names, in the edition's order */
static void
grt_emit_cells(grt_out *o, const char *file, const gr_report *rep)
{
	const gr_keydef *keys = gr_keydefs();
	int		   *order;
	int			n;

	if (!rep->is_report)
		return;
	order = grt_xmalloc(sizeof(int) * (size_t) gr_nkeys());
	n = gr_keys_in_order(rep->edition, order);
	for (int i = 0; i < n; i++)
	{
		const gr_cell *c = &rep->cells[order[i]];
		gr_str		raw;

		if (!gr_cell_listed(rep, order[i]))
			continue;
		raw = gr_cell_raw(rep, c);
		grt_out_cstr(o, file);
		grt_out_cstr(o, keys[order[i]].key);
		grt_out_num(o, grt_cell_num(c));
		grt_out_text(o, raw.ptr, raw.len);
		grt_out_text(o, c->unit.ptr, c->unit.len);
		grt_out_bool(o, c->derived != 0);
		grt_line_or_null(o, c->line);
		grt_out_cstr(o, gr_cell_state_name(c));
		grt_out_int(o, i + 1);	/* the place in the edition's format order, as report_cells' ord */
		grt_out_cstr(o, gr_key_row_label(order[i], rep->edition));
		grt_out_cstr(o, gr_key_col_label(order[i], rep->edition));
		grt_out_row_end(o);
	}
	free(order);
}

/* as report_check: every finding, the parser's first */
static void
grt_emit_check(grt_out *o, const char *file, const gr_report *rep)
{
	for (int i = 0; i < rep->nfindings; i++)
	{
		const gr_finding *f = &rep->findings[i];

		grt_out_cstr(o, file);
		grt_out_cstr(o, f->rule);
		grt_out_cstr(o, gr_severity_name(f->severity));
		grt_out_text(o, f->message.ptr, f->message.len);
		grt_out_keys(o, f->cells, f->ncells);
		grt_out_num(o, f->expected);
		grt_out_num(o, f->actual);
		grt_line_or_null(o, f->line);
		grt_out_row_end(o);
	}
}

/* as report_sections: a body is never NULL, an empty one is '' */
static void
grt_emit_sections(grt_out *o, const char *file, const gr_report *rep)
{
	if (!rep->is_report)
		return;
	for (int i = 0; i < rep->nsections; i++)
	{
		const gr_section *s = &rep->sections[i];

		grt_out_cstr(o, file);
		grt_out_int(o, (int) s->key);
		grt_out_cstr(o, gr_section_key_name(s->key));
		grt_out_text(o, s->heading.ptr, s->heading.len);
		grt_out_string(o, s->body.ptr, s->body.len);
		grt_line_or_null(o, s->line);
		grt_out_row_end(o);
	}
}

/* one row: who, which year, the 表三 totals, how many findings, the first error */
static void
grt_emit_summary(grt_out *o, const char *file, const grt_decoded *d, const gr_report *rep)
{
	const gr_finding *first = NULL;
	int			errors = 0,
				warnings = 0;

	for (int i = 0; i < rep->nfindings; i++)
	{
		if (rep->findings[i].severity == GR_SEV_ERROR && errors++ == 0)
			first = &rep->findings[i];
		warnings += rep->findings[i].severity == GR_SEV_WARNING;
	}
	grt_out_cstr(o, file);
	grt_out_cstr(o, d->name);
	grt_out_text(o, rep->org.ptr, rep->org.len);
	if (rep->year)
		grt_out_int(o, rep->year);
	else
		grt_out_null(o);
	grt_out_cstr(o, gr_edition_name(rep->edition));
	for (int i = 0; i < NCOLS(grt_summary_keys); i++)
	{
		int			k = gr_key_find(grt_summary_keys[i], strlen(grt_summary_keys[i]));

		if (rep->is_report && k >= 0 && k < rep->ncells)
			grt_out_num(o, grt_cell_num(&rep->cells[k]));
		else
			grt_out_null(o);
	}
	grt_out_int(o, errors);
	grt_out_int(o, warnings);
	if (first)
	{
		/* as report_invalid_reason writes it: the rule, a full-width colon, the message */
		grt_buf	b = {0};

		grt_buf_printf(&b, "%s：%.*s", first->rule, (int) first->message.len, first->message.ptr);
		grt_out_text(o, b.data, b.len);
		grt_buf_free(&b);
	}
	else
		grt_out_null(o);
	grt_out_row_end(o);
}

/* The file's text as UTF-8 in text, or false after saying why on stderr. */
static bool
grt_load_text(const char *path, const char *name, const grt_opts *o, grt_buf *text, grt_decoded *d)
{
	char		why[512];

	if (!grt_read_file(path, text, why, sizeof(why)) ||
		!grt_decode(text, &o->enc, d, why, sizeof(why)))
	{
		grt_warn("%s: %s", name, why);
		return false;
	}
	if (o->verbose)
		grt_warn("%s: read as %s (%s)", name, d->name, d->how);
	if (d->replaced)
		grt_warn("%s: %zu invalid byte sequence%s replaced by U+FFFD (read as %s)", name,
				 d->replaced, d->replaced == 1 ? "" : "s", d->name);
	return true;
}

/* Parse and check one text; false after saying why on stderr. */
static bool
grt_parse_checked(const gr_env *env, const char *name, const grt_opts *o, const grt_buf *text,
				  gr_report **rep)
{
	gr_error	err;

	memset(&err, 0, sizeof(err));
	if (gr_parse(env, text->data, text->len, rep, &err) != GR_OK ||
		gr_check(env, *rep, o->ruleset, &err) != GR_OK)
	{
		grt_warn("%s: could not be parsed: %s%s%s", name, err.message, err.detail[0] ? ". " : "",
				 err.detail);
		return false;
	}
	return true;
}

static void
grt_begin(grt_out *out, grt_report_cmd cmd, bool json)
{
	switch (cmd)
	{
		case GRT_CMD_CELLS:
			grt_out_begin(out, stdout, json, grt_cells_cols, NCOLS(grt_cells_cols));
			break;
		case GRT_CMD_CHECK:
			grt_out_begin(out, stdout, json, grt_check_cols, NCOLS(grt_check_cols));
			break;
		case GRT_CMD_SECTIONS:
			grt_out_begin(out, stdout, json, grt_sections_cols, NCOLS(grt_sections_cols));
			break;
		case GRT_CMD_SUMMARY:
			grt_out_begin(out, stdout, json, grt_summary_cols, NCOLS(grt_summary_cols));
			break;
		case GRT_CMD_HTML:
			break;				/* pages, not rows */
	}
}

int
grt_report_run(grt_report_cmd cmd, const grt_opts *o, char **files, int nfiles)
{
	grt_out		out;
	grt_arena  *arena = grt_arena_new();
	gr_env		env = grt_arena_env(arena);
	grt_buf		text = {0},
				name = {0};
	int			unreadable = 0;
	bool		errors = false;

	grt_begin(&out, cmd, o->json);
	for (int i = 0; i < nfiles; i++)
	{
		grt_decoded d;
		gr_report  *rep = NULL;

		grt_name_utf8(files[i], &name);
		if (!grt_load_text(files[i], name.data, o, &text, &d) ||
			!grt_parse_checked(&env, name.data, o, &text, &rep))
		{
			unreadable++;
			grt_arena_reset(arena);
			continue;
		}
		if (cmd == GRT_CMD_CELLS)
			grt_emit_cells(&out, name.data, rep);
		else if (cmd == GRT_CMD_CHECK)
			grt_emit_check(&out, name.data, rep);
		else if (cmd == GRT_CMD_SECTIONS)
			grt_emit_sections(&out, name.data, rep);
		else if (cmd == GRT_CMD_HTML)
			unreadable += !grt_emit_html(&env, files[i], name.data, rep, o);
		else
			grt_emit_summary(&out, name.data, &d, rep);
		errors |= gr_has_errors(rep) != 0;
		grt_arena_reset(arena);
	}
	if (cmd != GRT_CMD_HTML)
		grt_out_end(&out);
	grt_buf_free(&text);
	grt_buf_free(&name);
	free(arena);
	if (unreadable)
	{
		grt_warn("%d of %d file%s could not be read", unreadable, nfiles, nfiles == 1 ? "" : "s");
		return GRT_EXIT_USAGE;
	}
	return errors ? GRT_EXIT_FINDINGS : GRT_EXIT_OK;
}
