/*
 * gr_cells.c — what a table reader writes into a cell: the cell's state
 * (number, blank, dash, text), its raw text cut from the original through
 * the maps, its unit (an amount in 元 held as 万元), and the raw text of a
 * row's values for a finding.  A better reading of a cell is never
 * overwritten by a worse one (gr_cell_rank).
 */
#include "gr_format.h"
#include "gr_label.h"
#include "gr_read.h"

/* ---- helpers ---- */

/*
 * What a bracket after text holds that is no part of the label: a note
 * of four characters or more (规章(设区的市、自治州人民政府应提供相关数据),
 * 行政规范性文件(行政机关制定发布的……)), or a pinyin gloss (規(guī)章,
 * 本年制發(fā)件數(shù)), or a bracket still open at the end of the token,
 * a note broken over lines (行政许可(单 / 位:件)).  Returns the bytes from
 * s[0] = '(' to past its ')', 0 when the bracket is kept (numbering such
 * as (一), short words).
 */
static size_t
label_note_len(const char *s, size_t len)
{
	size_t		i = 1;
	int			chars = 0;
	bool		latin = true;

	while (i < len && s[i] != ')' && s[i] != '(')
	{
		uint32_t	cp;
		int			n = gr_utf8_decode((const unsigned char *) s + i, len - i, &cp);

		if (n == 0)
			return 0;
		/* pinyin: letters, with tone marks (ā á ǎ à, ü) */
		if (!((cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp <= 0x24F)))
			latin = false;
		chars++;
		i += (size_t) n;
	}
	/* a note broken over lines: open at the token's end (行政许可(单 / 位:件)) */
	if (i >= len)
		return chars > 0 && !latin ? len : 0;
	if (s[i] != ')' || chars == 0)
		return 0;
	return latin || chars >= 4 ? i + 1 : 0;
}

/* A label folded for matching, its notes and glosses after the first character left out. */
size_t
gr_label_fold(const char *s, size_t len, char *out, size_t cap)
{
	size_t		o = 0,
				from = 0;
	const char *p;

	/* most labels have no bracket: memchr finds the few */
	for (size_t i = 1; i < len && (p = memchr(s + i, '(', len - i)) != NULL; i++)
	{
		size_t		note;

		i = (size_t) (p - s);
		if ((note = label_note_len(s + i, len - i)) == 0)
			continue;
		o += gr_lfold(s + from, i - from, out + o, cap - o);
		from = i + note;
		i = from - 1;
	}
	o += gr_lfold(s + from, len - from, out + o, cap - o);
	return o;
}

/*
 * A wrapped label's next piece, folded to continue it: a bracket at its
 * start, which gr_label_fold keeps there, is then the note or the gloss of
 * the piece before (規 / (guī)章, 行政许可 / (单位:件)), left out too.
 */
size_t
gr_label_fold_cont(const char *s, size_t len, char *out, size_t cap)
{
	size_t		note = len > 0 && s[0] == '(' ? label_note_len(s, len) : 0;

	return gr_label_fold(s + note, len - note, out, cap);
}

/*
 * The walk folds every text cell it meets, and the same labels come back
 * in every report: short cells are folded once per process, their folded
 * text kept by their text (a fold depends on nothing else).
 */
#define LFOLD_MEMO_SETS 1024		/* a power of two */
#define LFOLD_MEMO_TEXT 64			/* a label of twenty characters */

typedef struct lfold_memo
{
	uint8_t		len;			/* 0: empty (an empty cell is not kept) */
	uint8_t		flen;
	char		t[LFOLD_MEMO_TEXT];
	char		f[LFOLD_MEMO_TEXT];	/* folding never lengthens a text */
} lfold_memo;

static lfold_memo lfold_memos[LFOLD_MEMO_SETS];

void
gr_rd_lfold(gr_reader *rd, const gr_tok *t)
{
	const char *s = rd->doc->fold + t->f_from;
	size_t		len = t->f_to - t->f_from;
	lfold_memo *mo;

	if (len == 0 || len > LFOLD_MEMO_TEXT)
	{
		rd->lflen = gr_label_fold(s, len, rd->lf, sizeof(rd->lf));
		return;
	}
	mo = &lfold_memos[gr_text_hash(0, s, len) & (LFOLD_MEMO_SETS - 1)];
	if (mo->len != len || memcmp(mo->t, s, len) != 0)
	{
		mo->len = 0;			/* not an answer while it is written */
		mo->flen = (uint8_t) gr_label_fold(s, len, mo->f, sizeof(mo->f));
		memcpy(mo->t, s, len);
		mo->len = (uint8_t) len;
	}
	memcpy(rd->lf, mo->f, mo->flen);
	rd->lflen = mo->flen;
}

/* The original text of the folded text [f_from, f_to). */
static gr_str
span_raw(const gr_doc *doc, uint32_t f_from, uint32_t f_to)
{
	uint32_t	s_from,
				s_to;
	int			n;

	if (f_to <= f_from)
		return gr_doc_src_span(doc, gr_doc_f2s(doc, f_from), gr_doc_f2s(doc, f_from));
	s_from = gr_doc_f2s(doc, f_from);
	/* a cell of one byte (0, 5, a dash): its last byte is its first, looked up once */
	s_to = f_to - 1 == f_from ? s_from : gr_doc_f2s(doc, f_to - 1);
	n = gr_utf8_seqlen((unsigned char) doc->src[s_to]);
	s_to += n ? (uint32_t) n : 1;
	return gr_trim_src(gr_doc_src_span(doc, s_from, s_to));
}

/* The original text of a token. */
gr_str
gr_tok_raw(const gr_doc *doc, const gr_tok *t)
{
	return span_raw(doc, t->f_from, t->f_to);
}

gr_str
gr_cell_raw(const gr_report *rep, const gr_cell *c)
{
	if (c->raw_to > 0 && rep->doc != NULL)
		return span_raw(rep->doc, c->raw_from, c->raw_to);
	return c->raw;
}

/*
 * Does s hold 。 (E3 80 82)?  Its first byte is the selective one: the
 * characters of Chinese text start with E4 to E9, and E3 starts only the
 * CJK punctuation, rare in a cell.
 */
static bool
has_full_stop(const char *s, uint32_t len)
{
	const char *end = s + len;

	while (end - s >= 3 && (s = memchr(s, 0xE3, (size_t) (end - s) - 2)) != NULL)
	{
		if (s[1] == '\x80' && s[2] == '\x82')
			return true;
		s++;
	}
	return false;
}

/*
 * Does s hold more than n characters that are not white space?  A PDF
 * spaces out the characters of a cell to fill its width (行 政 许 可), so
 * a label of 36 characters takes 71 with its spaces; prose does not.
 */
static bool
more_chars_than(const char *s, uint32_t len, uint32_t n)
{
	uint32_t	chars = 0;

	if (len <= n)
		return false;			/* a character is a byte at least */
	/* most cells and all prose have no white space: then every character counts */
	if (memchr(s, ' ', len) == NULL && memchr(s, '\t', len) == NULL)
		return len > 4 * n || (uint32_t) gr_utf8_chars(s, len) > n;
	for (uint32_t i = 0; i < len; i++)
	{
		unsigned char b = (unsigned char) s[i];

		if ((b & 0xC0) != 0x80 && !gr_ws(b) && ++chars > n)
			return true;
	}
	return false;
}

/* A sentence, not a cell: the narrative around a table. */
bool
gr_rd_is_narrative(const gr_reader *rd, const gr_tok *t)
{
	const char *s = rd->doc->fold + t->f_from;
	uint32_t	len = t->f_to - t->f_from;

	/* over 70 characters, its white space not counted */
	if (more_chars_than(s, len, 70))
		return true;
	return has_full_stop(s, len);
}

int
gr_cell_rank(gr_cell_state s)
{
	static const int rank[] = {
		[GR_CELL_ABSENT] = 0, [GR_CELL_UNPLACED] = 1, [GR_CELL_BLANK] = 2,
		[GR_CELL_TEXT] = 3, [GR_CELL_DASH] = 4, [GR_CELL_NUMBER] = 5
	};

	return rank[s];
}

/* Set a cell from a token, unless the cell already holds something better. */
void
gr_rd_set_cell(gr_reader *rd, int key, const gr_tok *t, gr_cell_state st)
{
	gr_cell    *c;

	if (key < 0)
		return;
	c = &rd->rep->cells[key];
	if (gr_cell_rank(st) <= gr_cell_rank(c->state))
		return;
	memset(c, 0, sizeof(*c));
	c->state = st;
	if (t)
	{
		/* the text itself when asked (gr_cell_raw); an empty token's is empty */
		if (t->f_to > t->f_from)
		{
			c->raw_from = t->f_from;
			c->raw_to = t->f_to;
		}
		c->line = rd->doc->lines[t->line].lineno;
		if (st == GR_CELL_NUMBER)
		{
			c->mant = t->v.mant;
			c->scale = t->v.scale;
			if (t->v.unit_len)
			{
				uint32_t	a = gr_doc_f2s(rd->doc, t->v.unit_off);
				uint32_t	b = gr_doc_f2s(rd->doc, t->v.unit_off + t->v.unit_len - 1);

				c->unit = gr_doc_src_span(rd->doc, a, b + (uint32_t) gr_utf8_seqlen((unsigned char) rd->doc->src[b]));
				/*
				 * Money cells hold 万元.  An amount written in 元 (251000元,
				 * 上海市政府办公厅 2019) is the same amount: 25.1 万元.  The
				 * raw text and the unit keep what was written.
				 */
				if (gr_keydefs()[key].kind == GR_KIND_MONEY && t->v.unit_len == strlen("元") &&
					memcmp(rd->doc->fold + t->v.unit_off, "元", strlen("元")) == 0 && c->scale <= 8)
					c->scale += 4;
			}
		}
	}
}

gr_cell_state
gr_tok_state(const gr_tok *t)
{
	switch (t->kind)
	{
		case GR_TK_NUM:
			return GR_CELL_NUMBER;
		case GR_TK_DASH:
			return GR_CELL_DASH;
		case GR_TK_BLANK:
			return GR_CELL_BLANK;
		default:
			return GR_CELL_TEXT;
	}
}

/* The raw text of the values of a row, joined by spaces, for a finding. */
gr_str
gr_rd_values_raw(gr_reader *rd, const int *vals, int n)
{
	gr_str		res = {"", 0};
	size_t		total = 0;
	char	   *buf;

	/* empty cells at either end say nothing */
	while (n > 0 && rd->grid.v[vals[n - 1]].kind == GR_TK_BLANK)
		n--;
	while (n > 0 && rd->grid.v[vals[0]].kind == GR_TK_BLANK)
	{
		vals++;
		n--;
	}

	for (int i = 0; i < n; i++)
		total += gr_tok_raw(rd->doc, &rd->grid.v[vals[i]]).len + 4;	/* a space, and □ for an empty cell */
	buf = gr_alloc(rd->ctx, total + 1);
	if (!buf)
		return res;
	for (int i = 0; i < n; i++)
	{
		gr_str		r = gr_tok_raw(rd->doc, &rd->grid.v[vals[i]]);

		if (i)
			buf[res.len++] = ' ';
		if (r.len == 0)
		{
			memcpy(buf + res.len, "□", 3);	/* an empty cell */
			res.len += 3;
		}
		else
		{
			memcpy(buf + res.len, r.ptr, r.len);
			res.len += r.len;
		}
	}
	res.ptr = buf;
	return res;
}

/*
 * The cells of keys[] that nothing was read into become unplaced: the row's
 * numbers are in the text but not in a column (raw keeps them, line says
 * where).  Each cell so marked is added to finding f, when there is one.
 */
void
gr_rd_mark_unplaced(gr_reader *rd, const int *keys, int n, gr_str raw, int line, gr_finding *f)
{
	for (int i = 0; i < n; i++)
	{
		gr_cell    *c;

		if (keys[i] < 0 || (c = &rd->rep->cells[keys[i]])->state != GR_CELL_ABSENT)
			continue;
		c->state = GR_CELL_UNPLACED;
		c->raw = raw;
		c->line = line;
		if (f && f->ncells < GR_FINDING_MAX_CELLS)
			f->cells[f->ncells++] = keys[i];
	}
}
