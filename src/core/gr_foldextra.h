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
	{0x25CB, "\xE3\x80\x87"},	/* ○ typed for 〇 in dates */
	{0x25EF, "\xE3\x80\x87"},
};

#endif							/* GR_FOLDEXTRA_H */
