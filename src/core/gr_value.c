/*
 * gr_value.c — what one table cell holds: a number (full-width digits are
 * already folded; thousands separators, decimals, a sign, a unit such as
 * 万元 or 件, a note in brackets as in 55（含自然失效29件）), a dash that
 * means "nothing to report" (—, /, 无), a blank, or text.
 *
 * Cells are read from the folded text; the caller keeps the original text
 * as the cell's raw value.
 */
#include "gr_grid.h"

/* Whole-cell texts that stand for "none": kept as raw text, value NULL. */
#define W(s) {s, sizeof(s) - 1}
static const struct
{
	const char *s;
	size_t		len;
}			dash_words[] = {
	W("-"), W("--"), W("---"), W("—"), W("——"), W("–"), W("/"), W("//"), W("\\"), W("无"), W("空"),
	W("—/—"), W("-/-"), W("×"), W("x"), W("X"),
};

/*
 * Units written after a number; the cell keeps the unit apart.  All are Han
 * words: none begins with an ASCII byte, which gr_value_parse relies on.
 */
static const struct
{
	const char *s;
	size_t		len;
}			units[] = {W("万元"), W("元"), W("件"), W("项"), W("个"), W("条"), W("次"), W("人次"), W("人")};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* Does a dash word begin with a digit (none does); made with dash_max_len. */
static bool dash_digit_first;

/* The longest dash word's bytes, found once per process. */
static size_t
dash_max_len(void)
{
	static size_t max;

	if (max == 0)
		for (size_t k = 0; k < NELEM(dash_words); k++)
		{
			if (dash_words[k].len > max)
				max = dash_words[k].len;
			if (dash_words[k].s[0] >= '0' && dash_words[k].s[0] <= '9')
				dash_digit_first = true;
		}
	return max;
}

static inline bool
is_space(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * What may follow a number's digits from s[i]: a unit, then a note in
 * brackets, then nothing.  Sets the unit and the note; false for anything else.
 */
static bool
value_suffix(const char *s, size_t i, size_t end, gr_value *v)
{
	while (i < end && is_space(s[i]))
		i++;
	/* the units are Han words: nothing to compare after the digits, or before an ASCII byte */
	for (size_t k = 0; i < end && (unsigned char) s[i] >= 0x80 && k < NELEM(units); k++)
	{
		size_t		n = units[k].len;

		if (end - i >= n && memcmp(s + i, units[k].s, n) == 0)
		{
			v->unit_off = (uint32_t) i;
			v->unit_len = (uint8_t) n;
			i += n;
			break;
		}
	}
	while (i < end && is_space(s[i]))
		i++;
	if (i < end && (s[i] == '(' || s[i] == '['))
	{
		if (s[end - 1] != (s[i] == '(' ? ')' : ']'))
			return false;
		v->note = true;
		i = end;
	}
	return i == end;
}

/*
 * Read s[0..len) as a cell value.  On GR_TK_NUM, v carries the number, the
 * unit's place in s and whether a note followed.
 */
gr_tok_kind
gr_value_parse(const char *s, size_t len, gr_value *v)
{
	size_t		i = 0,
				end = len;
	int64_t		mant = 0;
	int			scale = 0,
				digits = 0,
				group = -1;
	bool		neg = false,
				point = false;
	size_t		dmax;

	memset(v, 0, sizeof(*v));
	while (i < end && is_space(s[i]))
		i++;
	while (end > i && is_space(s[end - 1]))
		end--;
	if (i == end)
		return GR_TK_BLANK;

	/*
	 * Most cells are a bare whole number ("0", "36"): read at once, with
	 * none of the tests below for a sign, separators, a point or a unit;
	 * up to 17 digits, which an int64 holds (dash_max_len, called first,
	 * makes sure no dash word begins with a digit).
	 */
	dmax = dash_max_len();
	if (end - i < 18 && !dash_digit_first)
	{
		size_t		k = i;

		while (k < end && (unsigned) (s[k] - '0') < 10)
			mant = mant * 10 + (s[k++] - '0');
		if (k == end)
		{
			v->mant = mant;
			return GR_TK_NUM;
		}
		mant = 0;
	}

	/* most cells are numbers or longer than any dash word: not compared with them */
	if (end - i <= dmax && !(s[i] >= '0' && s[i] <= '9' && !dash_digit_first))
		for (size_t k = 0; k < NELEM(dash_words); k++)
			if (dash_words[k].len == end - i && memcmp(dash_words[k].s, s + i, end - i) == 0)
				return GR_TK_DASH;

	if (s[i] == '+' || s[i] == '-')
	{
		neg = s[i] == '-';
		v->signed_ = true;
		i++;
	}
	for (; i < end; i++)
	{
		char		c = s[i];

		if (c >= '0' && c <= '9')
		{
			if (digits >= 18)
				return GR_TK_TEXT;	/* beyond int64: not a count we can hold */
			mant = mant * 10 + (c - '0');
			digits++;
			if (point)
				scale++;
			if (group >= 0)
				group++;
		}
		else if (c == ',' && !point && digits > 0 && i + 1 < end && s[i + 1] >= '0' && s[i + 1] <= '9')
		{
			/* thousands separator: groups of exactly three digits */
			if (group >= 0 && group != 3)
				return GR_TK_TEXT;
			if (group < 0 && digits > 3)
				return GR_TK_TEXT;
			group = 0;
		}
		else if (c == '.' && !point && digits > 0 && i + 1 < end && s[i + 1] >= '0' && s[i + 1] <= '9')
		{
			if (group >= 0 && group != 3)
				return GR_TK_TEXT;
			group = -1;
			point = true;
		}
		else
			break;
	}
	if (digits == 0 || (group >= 0 && group != 3))
		return GR_TK_TEXT;

	if (!value_suffix(s, i, end, v))
		return GR_TK_TEXT;
	v->mant = neg ? -mant : mant;
	v->scale = (int8_t) scale;
	return GR_TK_NUM;
}
