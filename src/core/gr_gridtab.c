/*
 * gr_gridtab.c — grid tables whose rows take several lines: pandoc's plain
 * text and reStructuredText of a web page ("+------+------+" between the
 * rows, "| 一、本年新收政府 |" over "| 信息公开申请数量 |"), where a column
 * too narrow for its text wraps it within the column.  Read line by line,
 * such a row was a label's first piece with the numbers and its other
 * pieces on lines of blank cells: the label named no row, or its last
 * piece named one and gave it the blank cells (表三's （二）部分公开 read
 * blank where the table says 0).
 *
 * Before the text is read, each such row is made one line: the pieces of
 * every column joined in order ("| 一、本年新收政府信息公开申请数量 | | 26 |"),
 * the line the row's first, so that the rest of the parse reads a row as
 * the table drew it.  A row is joined only where nothing else can be
 * meant: its lines between two border lines (a run of '-' or '=' with a
 * '+', which Markdown's "|---|" has not), each a row of pipes with as many
 * '|' as the others, and the lines not each a row of their own — tables
 * that draw no border between their body's rows (prettytable, psql,
 * org-mode) have a number on every line, or a piece in every column of
 * every line, where a wrapped row has its numbers on one line and the
 * rest of its lines are pieces of text with empty columns beside them.
 * A table with spans (a border line cut by a cell that goes on) or ragged
 * pipes is left as it is.
 */
#include "gr_internal.h"

/* The line at s, to its '\n' (or end); *e its end without a '\r', the next line's start returned. */
static const char *
line_at(const char *s, const char *end, const char **e)
{
	const char *nl = memchr(s, '\n', (size_t) (end - s));
	const char *le = nl ? nl : end;

	if (le > s && le[-1] == '\r')
		le--;
	*e = le;
	return nl ? nl + 1 : end;
}

static inline void
trim(const char **s, const char **e)
{
	while (*s < *e && (**s == ' ' || **s == '\t'))
		(*s)++;
	while (*e > *s && ((*e)[-1] == ' ' || (*e)[-1] == '\t'))
		(*e)--;
}

/* A border line of a grid table: '-' or '=' runs and '+' (at least one), '|' or ':' at most. */
static bool
is_border(const char *s, const char *e)
{
	bool		plus = false,
				rule = false;

	trim(&s, &e);
	if (e - s < 3 || (*s != '+' && *s != '|'))
		return false;
	for (; s < e; s++)
	{
		if (*s == '+')
			plus = true;
		else if (*s == '-' || *s == '=')
			rule = true;
		else if (*s != '|' && *s != ':')
			return false;
	}
	return plus && rule;
}

/* The '|' of a row of a grid table ("| a | b |", framed), 0 when the line is none. */
static int
row_pipes(const char *s, const char *e)
{
	int			n = 0;

	trim(&s, &e);
	if (e - s < 2 || *s != '|' || e[-1] != '|' || is_border(s, e))
		return 0;
	for (const char *p = s; (p = memchr(p, '|', (size_t) (e - p))) != NULL; p++)
		n++;
	return n;
}

/* Is the text s..e, trimmed, a number as a table writes one ("26", "1,234", "-3", "２６")? */
static bool
is_number(const char *s, const char *e)
{
	bool		digit = false;

	trim(&s, &e);
	while (s < e)
	{
		unsigned char c = (unsigned char) *s;

		if (c >= '0' && c <= '9')
			digit = true;
		else if (c == 0xEF && e - s >= 3 && (unsigned char) s[1] == 0xBC &&
				 (unsigned char) s[2] >= 0x90 && (unsigned char) s[2] <= 0x99)
		{
			digit = true;		/* a full-width digit */
			s += 2;
		}
		else if (c != ',' && c != '.' && c != '-' && c != '+')
			return false;
		s++;
	}
	return digit;
}

/*
 * Are the nlines lines from s each a row of its own, not the lines of one
 * wrapped row: numbers on two of them, or a piece in every column of each?
 * One walk along each line's pipes.
 */
static bool
rows_of_their_own(const char *s, const char *end, int nlines)
{
	int			with_numbers = 0,
				full = 0;

	for (int l = 0; l < nlines; l++)
	{
		const char *le;
		const char *next = line_at(s, end, &le);
		const char *a = memchr(s, '|', (size_t) (le - s));
		bool		number = false,
					every = true;
		int			cols = 0;

		while (a && a + 1 < le)
		{
			const char *z = memchr(a + 1, '|', (size_t) (le - a - 1));
			const char *ps = a + 1,
					   *pe = z ? z : le;

			if (!z)
				break;
			trim(&ps, &pe);
			number |= is_number(ps, pe);
			every &= ps < pe;
			cols++;
			a = z;
		}
		with_numbers += number;
		full += every && cols > 0;
		s = next;
	}
	return with_numbers >= 2 || full == nlines;
}

/*
 * Where the next row of several lines starts, from s on: the line after a
 * border line, followed by another row line with as many pipes and, past
 * the row's lines, by a border line, the lines not rows of their own.
 * *row_end is where the border line after the row starts, *nlines the
 * row's lines.  NULL when there is none.  Every line is looked at a
 * bounded number of times: linear in the text.
 */
static const char *
next_row(const char *s, const char *end, const char **row_end, int *nlines)
{
	const char *le;

	for (const char *p = memchr(s, '+', (size_t) (end - s)); p != NULL;
		 p = p < end ? memchr(p, '+', (size_t) (end - p)) : NULL)
	{
		/* the line of this '+' */
		const char *ls = p;
		const char *next;
		const char *q;
		int			pipes,
					n = 0;

		while (ls > s && ls[-1] != '\n')
			ls--;
		next = line_at(ls, end, &le);
		if (!is_border(ls, le))
		{
			p = next;
			continue;
		}
		/* the row lines after it, while they have as many pipes as the first */
		q = next;
		pipes = 0;
		while (q < end)
		{
			const char *qn = line_at(q, end, &le);
			int			k = row_pipes(q, le);

			if (k == 0 || (pipes != 0 && k != pipes))
				break;
			pipes = k;
			n++;
			q = qn;
		}
		if (n >= 2 && q < end)
		{
			line_at(q, end, &le);
			if (is_border(q, le) && !rows_of_their_own(next, end, n))
			{
				*row_end = q;
				*nlines = n;
				return next;
			}
		}
		/* on past what was looked at: the line that ended the run may be the next border */
		p = q > next ? q : next;
	}
	return NULL;
}

bool
gr_gridtab_has_rows(const char *text, size_t len)
{
	const char *row_end;
	int			n;

	return text != NULL && next_row(text, text + len, &row_end, &n) != NULL;
}

/* A piece of a column joined to what the column holds: a space between two ASCII words only. */
static void
put_piece(gr_fbuf *b, const char *s, const char *e, bool *empty)
{
	trim(&s, &e);
	if (s == e)
		return;
	if (!*empty)
	{
		unsigned char last = (unsigned char) b->p[b->len - 1],
					first = (unsigned char) *s;

		if (last < 0x80 && first < 0x80)
			gr_fb_putn(b, " ", 1);
	}
	gr_fb_putn(b, s, (size_t) (e - s));
	*empty = false;
}

/*
 * One row of nlines lines from s: every column's pieces joined, as
 * "|piece…|piece…|" on one line.  The row's lines have as many pipes each
 * (next_row): column k is the text between pipes k and k + 1 of each
 * line, which cur[] walks along, a pipe at a time (linear in the row).
 */
static bool
join_row(gr_ctx *ctx, gr_fbuf *b, const char *s, const char *end, int nlines)
{
	const char **cur = gr_alloc(ctx, sizeof(char *) * (size_t) nlines * 2);
	const char **lend;
	const char *fs = s;
	const char *fe;
	const char *p = s;
	int			pipes;

	if (cur == NULL)
		return false;
	lend = cur + nlines;
	for (int l = 0; l < nlines; l++)
	{
		const char *next = line_at(p, end, &lend[l]);

		cur[l] = memchr(p, '|', (size_t) (lend[l] - p));	/* the pipe that opens column 0 */
		p = next;
	}
	line_at(s, end, &fe);
	trim(&fs, &fe);
	pipes = row_pipes(fs, fe);
	/* the row's indentation, as its first line has it */
	gr_fb_putn(b, s, (size_t) (fs - s));
	gr_fb_putn(b, "|", 1);
	for (int col = 0; col < pipes - 1; col++)
	{
		bool		empty = true;

		if (gr_poll(ctx))
			return false;
		for (int l = 0; l < nlines; l++)
		{
			const char *z = memchr(cur[l] + 1, '|', (size_t) (lend[l] - cur[l] - 1));

			put_piece(b, cur[l] + 1, z, &empty);
			cur[l] = z;
		}
		gr_fb_putn(b, "|", 1);
	}
	gr_fb_putn(b, "\n", 1);
	gr_release(ctx, cur, sizeof(char *) * (size_t) nlines * 2);
	return true;
}

/*
 * The text with each grid-table row of several lines made one line: the
 * joined text in *out (allocated here, never longer than the text: a
 * row's pipes, one a column where there were one a column on each line,
 * pay for the spaces put between two ASCII pieces), and the input line of
 * each of its lines in *lines (1-based), *nlines of them, as
 * gr_doc_build takes them.
 */
gr_status
gr_gridtab_join(gr_ctx *ctx, const char *text, size_t len, const char **out, size_t *outlen,
				int **lines, int *nlines)
{
	const char *end = text + len;
	const char *p = text;
	const char *row,
			   *row_end;
	int			rows,
				line = 1,
				nl = 0,
				cap = 1;
	char	   *buf;
	int		   *map;
	gr_fbuf		b;

	for (const char *q = text; (q = memchr(q, '\n', (size_t) (end - q))) != NULL; q++)
		cap++;
	if ((buf = gr_alloc(ctx, len + 1)) == NULL || (map = gr_alloc(ctx, sizeof(int) * (size_t) cap)) == NULL)
		return ctx->err->status;
	gr_fb_init(&b, buf, len + 1);
	while (p < end)
	{
		if (gr_poll(ctx))
			return ctx->err->status;
		row = next_row(p, end, &row_end, &rows);
		/* the lines before the row, as they are */
		for (const char *stop = row ? row : end; p < stop;)
		{
			const char *le;
			const char *next = line_at(p, end, &le);

			gr_fb_putn(&b, p, (size_t) (next - p));
			map[nl++] = line++;
			p = next;
		}
		if (!row)
			break;
		if (!join_row(ctx, &b, row, end, rows))
			return ctx->err->status;
		map[nl++] = line;
		line += rows;
		p = row_end;
	}
	*out = buf;
	*outlen = b.len;
	*lines = map;
	*nlines = nl;
	return GR_OK;
}
