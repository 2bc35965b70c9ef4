/*
 * gr_foldextra.h — characters folded by our own rule before ICU sees
 * them: read by the generator of the folding table (src/gen/gr_foldgen.c),
 * which is where they take effect.  An empty replacement drops the
 * character: it is invisible and only breaks matching.
 */
#ifndef GR_FOLDEXTRA_H
#define GR_FOLDEXTRA_H

#include <stdint.h>

static const struct
{
	uint32_t	cp;
	const char *to;
}			gr_fold_extra[] =
{
	{0x00AD, ""},				/* soft hyphen */
	{0x180E, ""},				/* Mongolian vowel separator */
	{0x200B, ""},				/* zero-width space */
	{0x200C, ""},
	{0x200D, ""},
	{0x200E, ""},				/* directional marks */
	{0x200F, ""},
	{0x202A, ""},
	{0x202B, ""},
	{0x202C, ""},
	{0x202D, ""},
	{0x202E, ""},
	{0x2060, ""},				/* word joiner and invisible operators */
	{0x2061, ""},
	{0x2062, ""},
	{0x2063, ""},
	{0x2064, ""},
	{0x2066, ""},
	{0x2067, ""},
	{0x2068, ""},
	{0x2069, ""},
	{0xFEFF, ""},				/* byte order mark */
	{0x00A0, " "},				/* no-break spaces are spaces */
	{0x202F, " "},
	{0x3000, " "},
	{0x201C, "\""},				/* quotation marks */
	{0x201D, "\""},
	{0x201E, "\""},
	{0x201F, "\""},
	{0x301D, "\""},
	{0x301E, "\""},
	{0x2018, "'"},
	{0x2019, "'"},
	{0x201A, "'"},
	{0x201B, "'"},
	{0x2212, "-"},				/* minus sign */
	{0x5B83, "\xE4\xBB\x96"},	/* 它 as 他: 其它 is written for 其他 (其它处理, 其它对外管理服务事项) */
	{0x25CB, "\xE3\x80\x87"},	/* ○ typed for 〇 in dates */
	{0x25EF, "\xE3\x80\x87"},
};

/*
 * Ranges folded alike: the box-drawing characters of tables drawn as text
 * (a browser's or w3m's dump of a web page's tables, some converters of
 * PDF and Word), as the ASCII of a Markdown or grid table: vertical
 * lines '|' (the cells' borders), horizontal lines '-' and every corner,
 * tee and cross '+' (a border line folds to "+----+----+", a rule line
 * the tables' readers skip).  Checked in order, after gr_fold_extra.
 */
static const struct
{
	uint32_t	first;
	uint32_t	last;
	const char *to;
}			gr_fold_extra_ranges[] =
{
	{0x2500, 0x2501, "-"},		/* ─ ━ */
	{0x2502, 0x2503, "|"},		/* │ ┃ */
	{0x2504, 0x2505, "-"},		/* ┄ ┅ */
	{0x2506, 0x2507, "|"},		/* ┆ ┇ */
	{0x2508, 0x2509, "-"},		/* ┈ ┉ */
	{0x250A, 0x250B, "|"},		/* ┊ ┋ */
	{0x250C, 0x254B, "+"},		/* ┌ … ╋: corners, tees, crosses */
	{0x254C, 0x254D, "-"},		/* ╌ ╍ */
	{0x254E, 0x254F, "|"},		/* ╎ ╏ */
	{0x2550, 0x2550, "-"},		/* ═ */
	{0x2551, 0x2551, "|"},		/* ║ */
	{0x2552, 0x2570, "+"},		/* ╒ … ╬, ╭ ╮ ╯ ╰ */
	{0x2574, 0x2574, "-"},		/* ╴ … ╿: half lines */
	{0x2575, 0x2575, "|"},
	{0x2576, 0x2576, "-"},
	{0x2577, 0x2577, "|"},
	{0x2578, 0x2578, "-"},
	{0x2579, 0x2579, "|"},
	{0x257A, 0x257A, "-"},
	{0x257B, 0x257B, "|"},
	{0x257C, 0x257C, "-"},
	{0x257D, 0x257D, "|"},
	{0x257E, 0x257E, "-"},
	{0x257F, 0x257F, "|"},
};

#endif							/* GR_FOLDEXTRA_H */
