/*
 * gr_date.c — dates as reports write them, read from compact folded text
 * (no white space, digits already ASCII): 2021年1月29日, 21年01月29日,
 * 二〇二二年二月十日, 2024-01-17, 2021.1.1, and 12月31日 when the year is
 * known from the context.
 */
#include "gr_internal.h"

/* Chinese digits 〇一二…九 and 零; returns bytes used (3) or 0. */
static int
cn_digit(const char *s, size_t len, int *v)
{
	const unsigned char *u = (const unsigned char *) s;
	uint32_t	cp;

	/* all are three bytes: decoded and switched on, not compared one by one */
	if (len < 3 || (u[0] & 0xF0) != 0xE0 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80)
		return 0;
	cp = ((uint32_t) (u[0] & 0x0F) << 12) | ((uint32_t) (u[1] & 0x3F) << 6) | (u[2] & 0x3F);
	switch (cp)
	{
		case 0x3007:			/* 〇 */
		case 0x96F6:			/* 零 */
			*v = 0;
			return 3;
		case 0x4E00:			/* 一 */
			*v = 1;
			return 3;
		case 0x4E8C:			/* 二 */
			*v = 2;
			return 3;
		case 0x4E09:			/* 三 */
			*v = 3;
			return 3;
		case 0x56DB:			/* 四 */
			*v = 4;
			return 3;
		case 0x4E94:			/* 五 */
			*v = 5;
			return 3;
		case 0x516D:			/* 六 */
			*v = 6;
			return 3;
		case 0x4E03:			/* 七 */
			*v = 7;
			return 3;
		case 0x516B:			/* 八 */
			*v = 8;
			return 3;
		case 0x4E5D:			/* 九 */
			*v = 9;
			return 3;
	}
	return 0;
}

/*
 * Can s begin 〇一二…九, 零 or 十?  Their first two bytes, asked before
 * anything is decoded: E3 80 (〇), E4 B8/B9/BA (一 七 三, 九, 二 五),
 * E5 85/8D/9B (六 八, 十, 四), E9 9B (零).  Most characters of a text
 * are none of these, and a date is tried at every one.
 */
static inline bool
may_be_cn_digit(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *) s;

	if (len < 3)
		return false;
	switch (u[0])
	{
		case 0xE3:
			return u[1] == 0x80;
		case 0xE4:
			return u[1] >= 0xB8 && u[1] <= 0xBA;
		case 0xE5:
			return u[1] == 0x85 || u[1] == 0x8D || u[1] == 0x9B;
		case 0xE9:
			return u[1] == 0x9B;
	}
	return false;
}

/* 1–2 ASCII digits, or a Chinese number up to 三十一 (一, 十, 十二, 二十九). */
static int
small_number(const char *s, size_t len, int *v)
{
	size_t		i = 0;
	int			a = -1,
				b = 0,
				n;

	if (len > 0 && s[0] >= '0' && s[0] <= '9')
	{
		*v = s[0] - '0';
		i = 1;
		if (i < len && s[i] >= '0' && s[i] <= '9')
		{
			*v = *v * 10 + (s[i] - '0');
			i++;
		}
		if (i < len && s[i] >= '0' && s[i] <= '9')
			return 0;			/* three digits: not a month or a day */
		return (int) i;
	}
	if ((n = cn_digit(s, len, &a)) > 0)
		i += n;
	if (len - i >= 3 && memcmp(s + i, "十", 3) == 0)
	{
		i += 3;
		if ((n = cn_digit(s + i, len - i, &b)) > 0)
			i += n;
		*v = (a < 0 ? 1 : a) * 10 + b;
		return (int) i;
	}
	if (a < 0)
		return 0;
	*v = a;
	return (int) i;
}

/* A year: four ASCII or Chinese digits, 1900–2100. */
int
gr_parse_year(const char *s, size_t len, int *year)
{
	int			y = 0,
				d;
	size_t		i = 0;

	if (len >= 4 && s[0] >= '0' && s[0] <= '9')
	{
		for (i = 0; i < 4; i++)
		{
			if (s[i] < '0' || s[i] > '9')
				return 0;
			y = y * 10 + (s[i] - '0');
		}
		if (len > 4 && s[4] >= '0' && s[4] <= '9')
			return 0;
	}
	else
	{
		for (int k = 0; k < 4; k++)
		{
			int			n = cn_digit(s + i, len - i, &d);

			if (n == 0)
				return 0;
			y = y * 10 + d;
			i += n;
		}
	}
	if (y < 1900 || y > 2100)
		return 0;
	*year = y;
	return (int) i;
}

bool
gr_date_valid(const gr_date *d)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (d->year < 1900 || d->year > 2100 || d->month < 1 || d->month > 12 || d->day < 1)
		return false;
	if (d->day > mdays[d->month - 1])
		return false;
	if (d->month == 2 && d->day == 29 &&
		!((d->year % 4 == 0 && d->year % 100 != 0) || d->year % 400 == 0))
		return false;
	return true;
}

/*
 * Read a date at s.  default_year (0 for none) allows 12月31日 without a
 * year.  Returns the number of bytes read, 0 when s does not start a date.
 */
int
gr_parse_date(const char *s, size_t len, int default_year, gr_date *out)
{
	gr_date		d = {0, 0, 0};
	size_t		i = 0;
	int			n;

	/*
	 * Every date begins with a digit, ASCII or Chinese, or with 十 (a month
	 * without its year): callers try every place of a line, and most are none.
	 */
	if (len == 0 || ((s[0] < '0' || s[0] > '9') && !may_be_cn_digit(s, len)))
		return 0;
	if ((s[0] < '0' || s[0] > '9') && cn_digit(s, len, &n) == 0 && !gr_has_prefix(s, len, "十"))
		return 0;

	/* 2024-01-17, 2024/1/17, 2024.1.17 */
	if ((n = gr_parse_year(s, len, &d.year)) == 4 && len > 5 &&
		(s[4] == '-' || s[4] == '/' || s[4] == '.'))
	{
		char		sep = s[4];

		i = 5;
		if ((n = small_number(s + i, len - i, &d.month)) > 0 && s[i] >= '0' && s[i] <= '9')
		{
			i += n;
			if (i < len && s[i] == sep &&
				(n = small_number(s + i + 1, len - i - 1, &d.day)) > 0 && s[i + 1] <= '9')
			{
				i += 1 + n;
				if (gr_date_valid(&d))
				{
					*out = d;
					return (int) i;
				}
			}
		}
		return 0;
	}

	/* [Y年]M月D日 */
	d.year = 0;
	i = 0;
	if ((n = gr_parse_year(s, len, &d.year)) > 0)
		i = n;
	else if (len >= 2 && s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' &&
			 (len < 3 || s[2] < '0' || s[2] > '9') && gr_has_prefix(s + 2, len - 2, "年"))
	{
		d.year = 2000 + (s[0] - '0') * 10 + (s[1] - '0');	/* 21年01月29日 */
		i = 2;
	}
	if (d.year)
	{
		if (!gr_has_prefix(s + i, len - i, "年"))
			return 0;
		i += 3;
	}
	else if (default_year)
		d.year = default_year;
	else
		return 0;
	if ((n = small_number(s + i, len - i, &d.month)) == 0)
		return 0;
	i += n;
	if (!gr_has_prefix(s + i, len - i, "月"))
		return 0;
	i += 3;
	if ((n = small_number(s + i, len - i, &d.day)) == 0)
		return 0;
	i += n;
	if (gr_has_prefix(s + i, len - i, "日"))
		i += 3;
	else if (gr_has_prefix(s + i, len - i, "号"))
		i += 3;
	else
		return 0;
	if (!gr_date_valid(&d))
		return 0;
	*out = d;
	return (int) i;
}
