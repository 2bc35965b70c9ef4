/*
 * gr_grid.c — the tokenizer: the lines of a table region, whatever their
 * layout, become one stream of cells (see gr_grid.h).
 *
 * Per line: tabs split cells, except in a region laid out one cell per
 * line with a tab in front (seed 000), where the tab only marks a cell and
 * a line without one continues the cell above; '|' splits cells (a line
 * "X |" is one cell, a line "| a | b |" a Markdown row); other lines split
 * at runs of two or more spaces, keeping each cell's position.  Inside a
 * cell, numbers written after a label with single spaces
 * ("一、本年新收… 3001 53 0") become cells of their own.
 */
#include "gr_grid.h"

static bool
toks_push(gr_ctx *ctx, gr_toks *t, const gr_tok *tok)
{
	if (t->n == t->cap)
	{
		int			cap = t->cap * 2 + 64;
		gr_tok	   *nv = gr_alloc(ctx, sizeof(gr_tok) * (size_t) cap);

		if (!nv)
			return false;
		if (t->n)
			memcpy(nv, t->v, sizeof(gr_tok) * (size_t) t->n);
		t->v = nv;
		t->cap = cap;
	}
	t->v[t->n++] = *tok;
	return true;
}

static inline bool
ws(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * Emit the cell fold[from, to) of line li.  A text cell whose trailing
 * words are numbers is split into the text and one cell per number.
 */
static bool
emit_cell(gr_ctx *ctx, const gr_doc *doc, int li, uint32_t from, uint32_t to,
		  int col, bool row_start, gr_toks *out)
{
	const char *f = doc->fold;
	gr_tok		tok;
	uint32_t	words[64][2];
	int			nw = 0;
	int			first_num;

	while (from < to && ws(f[from]))
		from++;
	while (to > from && ws(f[to - 1]))
		to--;
	memset(&tok, 0, sizeof(tok));
	tok.slot = -1;
	tok.f_from = from;
	tok.f_to = to;
	tok.line = li;
	tok.col = col;
	tok.row_start = row_start;
	tok.kind = gr_value_parse(f + from, to - from, &tok.v);
	if (tok.kind == GR_TK_NUM)
	{
		tok.v.unit_off += from;
	}
	if (tok.kind != GR_TK_TEXT)
		return toks_push(ctx, out, &tok);

	/* split at single spaces; keep trailing numeric words apart */
	for (uint32_t i = from; i < to && nw < 64;)
	{
		uint32_t	s = i;

		while (i < to && !ws(f[i]))
			i++;
		words[nw][0] = s;
		words[nw][1] = i;
		nw++;
		while (i < to && ws(f[i]))
			i++;
	}
	first_num = nw;
	while (first_num > 0)
	{
		gr_value	v;
		gr_tok_kind k = gr_value_parse(f + words[first_num - 1][0],
									   words[first_num - 1][1] - words[first_num - 1][0], &v);

		if (k != GR_TK_NUM && k != GR_TK_DASH)
			break;
		first_num--;
	}
	if (first_num == nw || nw >= 64)
		return toks_push(ctx, out, &tok);

	if (first_num > 0)
	{
		tok.f_to = words[first_num - 1][1];
		if (!toks_push(ctx, out, &tok))
			return false;
		tok.row_start = false;
	}
	for (int w = first_num; w < nw; w++)
	{
		gr_tok		nt;

		memset(&nt, 0, sizeof(nt));
		nt.slot = -1;
		nt.f_from = words[w][0];
		nt.f_to = words[w][1];
		nt.line = li;
		nt.col = col >= 0 ? col + gr_utf8_chars(f + from, words[w][0] - from) : -1;
		nt.row_start = tok.row_start && w == 0;
		nt.kind = gr_value_parse(f + nt.f_from, nt.f_to - nt.f_from, &nt.v);
		if (nt.kind == GR_TK_NUM)
			nt.v.unit_off += nt.f_from;
		if (!toks_push(ctx, out, &nt))
			return false;
	}
	return true;
}

/* A rule line of a Markdown or plain-text table: only | - = : + and space. */
static bool
is_rule_line(const char *s, uint32_t len)
{
	bool		dash = false;

	for (uint32_t i = 0; i < len; i++)
	{
		if (s[i] == '-' || s[i] == '=')
			dash = true;
		else if (s[i] != '|' && s[i] != ':' && s[i] != '+' && !ws(s[i]))
			return false;
	}
	return dash;
}

static bool
only_pipes(const char *s, uint32_t len)
{
	for (uint32_t i = 0; i < len; i++)
		if (s[i] != '|')
			return false;
	return true;
}

/* Is this region laid out one cell per line, each behind a tab? */
static bool
region_cell_per_line(const gr_doc *doc, int from, int to)
{
	int			lead_only = 0,
				split = 0;

	for (int i = from; i < to; i++)
	{
		const char *s = doc->fold + doc->lines[i].f_off;
		uint32_t	len = doc->lines[i].f_len;
		const char *tab = memchr(s, '\t', len);

		if (tab == NULL)
			continue;
		if (tab == s && memchr(s + 1, '\t', len - 1) == NULL)
			lead_only++;
		else
			split++;
	}
	return lead_only > 0 && lead_only * 10 >= (lead_only + split) * 7;
}

/*
 * A line of a one-cell-per-line region that continues the cell above (a
 * cell broken over lines: 上一年 / 项目数量): joined to it.  Returns false
 * when the line is not such a continuation.
 */
static bool
continue_cell(const gr_doc *doc, const gr_line *l, bool new_row, gr_toks *out)
{
	const char *s = doc->fold + l->f_off;
	gr_tok	   *prev;
	gr_value	v;

	if (memchr(s, '\t', l->f_len) != NULL || out->n == 0 || new_row ||
		out->v[out->n - 1].kind == GR_TK_NUM)
		return false;
	prev = &out->v[out->n - 1];
	if (prev->kind == GR_TK_BLANK)
		prev->f_from = l->f_off;
	prev->f_to = l->f_off + l->f_len;
	while (prev->f_from < prev->f_to && ws(doc->fold[prev->f_from]))
		prev->f_from++;
	while (prev->f_to > prev->f_from && ws(doc->fold[prev->f_to - 1]))
		prev->f_to--;
	prev->kind = gr_value_parse(doc->fold + prev->f_from, prev->f_to - prev->f_from, &v);
	if (prev->kind == GR_TK_NUM)
	{
		v.unit_off += prev->f_from;
		prev->v = v;
	}
	return true;
}

/* Tab-separated cells; each keeps its field number (its grid column in HTML). */
static bool
split_tabs(gr_ctx *ctx, const gr_doc *doc, int li, gr_toks *out)
{
	const gr_line *l = &doc->lines[li];
	const char *s = doc->fold + l->f_off;
	uint32_t	len = l->f_len,
				a = 0;
	int			slots = 1,
				slot = 0;

	for (uint32_t i = 0; i < len; i++)
		slots += s[i] == '\t';
	for (uint32_t i = 0; i <= len; i++)
		if (i == len || s[i] == '\t')
		{
			int			before = out->n;

			if (!emit_cell(ctx, doc, li, l->f_off + a, l->f_off + i, -1, slot == 0, out))
				return false;
			if (out->n == before + 1)
			{
				out->v[before].slot = slot;
				out->v[before].slots = slots;
			}
			slot++;
			a = i + 1;
		}
	return true;
}

/*
 * Cells split by '|': "| a | b |" is a Markdown row (cells between the
 * pipes, each with its field); "X |" is one cell ended by its pipe.
 */
static bool
split_pipes(gr_ctx *ctx, const gr_doc *doc, int li, gr_toks *out)
{
	const gr_line *l = &doc->lines[li];
	const char *s = doc->fold + l->f_off;
	uint32_t	a = 0,
				b = l->f_len,
				start;
	bool		piped = false;
	int			slots = 1,
				slot = 0;

	while (a < b && ws(s[a]))
		a++;
	while (b > a && ws(s[b - 1]))
		b--;
	if (b - a >= 2 && s[a] == '|' && s[b - 1] == '|')
	{
		a++;					/* Markdown row: cells between the pipes */
		b--;
	}
	else if (b > a && s[b - 1] == '|')
	{
		b--;					/* "X |": the last pipe ends the cell */
		piped = true;
	}
	start = a;
	for (uint32_t i = a; i < b; i++)
		slots += s[i] == '|';
	for (uint32_t i = a; i <= b; i++)
		if (i == b || s[i] == '|')
		{
			int			before = out->n;

			if (!emit_cell(ctx, doc, li, l->f_off + start, l->f_off + i, -1, slot == 0, out))
				return false;
			if (out->n == before + 1 && slots > 1 && !piped)
			{
				out->v[before].slot = slot;
				out->v[before].slots = slots;
			}
			for (int k = before; k < out->n; k++)
				out->v[k].piped = piped;
			slot++;
			start = i + 1;
		}
	return true;
}

/* Columns aligned by spaces: a run of two or more splits; each cell keeps its position. */
static bool
split_spaces(gr_ctx *ctx, const gr_doc *doc, int li, gr_toks *out)
{
	const gr_line *l = &doc->lines[li];
	const char *s = doc->fold + l->f_off;
	uint32_t	len = l->f_len,
				i = 0;
	bool		first = true;

	while (i < len)
	{
		uint32_t	a,
					b;

		while (i < len && ws(s[i]))
			i++;
		if (i >= len)
			break;
		a = i;
		for (;;)
		{
			while (i < len && !ws(s[i]))
				i++;
			b = i;
			if (i + 1 < len && s[i] == ' ' && !ws(s[i + 1]))
			{
				i++;
				continue;
			}
			break;
		}
		if (!emit_cell(ctx, doc, li, l->f_off + a, l->f_off + b, gr_utf8_chars(s, a), first, out))
			return false;
		first = false;
	}
	return true;
}

/* Lines that hold no cell: page marks, rule lines, filler pipes between rows (seed 002). */
static bool
is_noise_line(const gr_doc *doc, const gr_line *l)
{
	const char *s = doc->fold + l->f_off;

	if (l->c_len > 0 && gr_is_page_mark(doc->cmp + l->c_off, l->c_len))
		return true;
	if (is_rule_line(s, l->f_len))
		return true;
	return l->c_len >= 2 && only_pipes(doc->cmp + l->c_off, l->c_len);
}

gr_status
gr_tokenize(gr_ctx *ctx, const gr_doc *doc, int line_from, int line_to, gr_toks *out)
{
	bool		cell_per_line = region_cell_per_line(doc, line_from, line_to);
	bool		new_row = true;

	out->n = 0;
	for (int li = line_from; li < line_to; li++)
	{
		const gr_line *l = &doc->lines[li];
		const char *s = doc->fold + l->f_off;
		uint32_t	len = l->f_len;
		int			n_before = out->n;
		bool		ok;

		if (gr_poll(ctx))
			return ctx->err->status;
		/* an empty line ends a row of one-cell-per-line layouts */
		if (l->c_len == 0 && (len == 0 || memchr(s, '\t', len) == NULL))
		{
			new_row = true;
			continue;
		}
		if (is_noise_line(doc, l))
			continue;
		if (cell_per_line)
		{
			if (len > 0 && s[0] == '\t' && memchr(s + 1, '\t', len - 1) == NULL)
			{
				if (!emit_cell(ctx, doc, li, l->f_off + 1, l->f_off + len, -1, new_row, out))
					return ctx->err->status;
				new_row = false;
				continue;
			}
			if (continue_cell(doc, l, new_row, out))
				continue;
		}
		if (memchr(s, '\t', len))
			ok = split_tabs(ctx, doc, li, out);
		else if (memchr(s, '|', len))
			ok = split_pipes(ctx, doc, li, out);
		else
			ok = split_spaces(ctx, doc, li, out);
		if (!ok)
			return ctx->err->status;
		/* one cell on a line says nothing about rows ("0 |", seed 002) */
		if (!cell_per_line && out->n == n_before + 1)
			out->v[n_before].row_start = false;
		if (out->n > n_before + 1)
			for (int k = n_before; k < out->n; k++)
				out->v[k].multi = true;
		new_row = !cell_per_line;
	}
	return GR_OK;
}

/* ---- label folding ---- */

static bool
is_punct_cp(uint32_t cp)
{
	if (cp < 0x80)
		return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'));
	if (cp >= 0x80 && cp <= 0xBF)
		return true;
	if (cp >= 0x2000 && cp <= 0x206F)
		return true;
	if (cp >= 0x3000 && cp <= 0x303F && cp != 0x3007)
		return true;
	if (cp >= 0xFE30 && cp <= 0xFE6F)
		return true;
	if (cp >= 0xFF00 && cp <= 0xFF0F)
		return true;
	if ((cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65))
		return true;
	if (cp >= 0x2500 && cp <= 0x25FF)	/* box drawing, geometric shapes */
		return true;
	return false;
}

/*
 * Fold a label for comparison: the text without white space and
 * punctuation.  The input is folded text or a label from the format
 * tables; returns the length written to out.
 */
size_t
gr_lfold(const char *s, size_t len, char *out, size_t cap)
{
	size_t		o = 0;

	for (size_t i = 0; i < len;)
	{
		uint32_t	cp;
		int			n = gr_utf8_decode((const unsigned char *) s + i, len - i, &cp);

		if (n == 0)
		{
			i++;
			continue;
		}
		if (!is_punct_cp(cp) && o + (size_t) n <= cap)
		{
			memcpy(out + o, s + i, n);
			o += n;
		}
		i += n;
	}
	return o;
}
