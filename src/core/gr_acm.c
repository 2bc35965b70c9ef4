/*
 * gr_acm.c — building the Aho–Corasick matcher of gr_acm.h.
 *
 * The automaton is a full transition table over byte classes (only the
 * bytes the patterns use get a class of their own; every other byte leads
 * back to the root), so a scan costs one table look-up per byte whatever
 * the number of patterns.  It is built once per process for each fixed
 * set of patterns (the labels of a table, a list of phrases) and never
 * changes afterwards.
 */
#include <string.h>

#include "gr_acm.h"

gr_acm *
gr_acm_build(void *(*alloc) (size_t), const char *const *pats, const uint32_t *lens, int n)
{
	gr_acm	   *m;
	size_t		total = 1;
	int			nclass = 1;
	uint16_t   *fail;
	int		   *queue;
	int			head = 0,
				tail = 0;

	m = alloc(sizeof(gr_acm));
	if (m == NULL)
		return NULL;
	memset(m, 0, sizeof(*m));
	for (int p = 0; p < n; p++)
	{
		total += lens[p];
		for (uint32_t i = 0; i < lens[p]; i++)
			if (m->cls[(unsigned char) pats[p][i]] == 0)
				m->cls[(unsigned char) pats[p][i]] = (uint8_t) nclass++;
	}
	if (total > 65535 || nclass > 256)
		return NULL;
	m->nclass = nclass;
	m->delta = alloc(total * (size_t) nclass * sizeof(uint16_t));
	m->out = alloc(total * sizeof(int));
	m->dict = alloc(total * sizeof(uint16_t));
	m->same = alloc((size_t) (n > 0 ? n : 1) * sizeof(int));
	fail = m->fail = alloc(total * sizeof(uint16_t));
	queue = m->queue = alloc(total * sizeof(int));
	if (!m->delta || !m->out || !m->dict || !m->same || !fail || !queue)
		return NULL;
	memset(m->delta, 0, total * (size_t) nclass * sizeof(uint16_t));
	memset(m->dict, 0, total * sizeof(uint16_t));
	memset(fail, 0, total * sizeof(uint16_t));
	for (size_t s = 0; s < total; s++)
		m->out[s] = -1;
	m->nstates = 1;

	/* the trie: a child is never the root, so 0 means "none yet" */
	for (int p = 0; p < n; p++)
	{
		unsigned	st = 0;

		m->same[p] = -1;
		if (lens[p] == 0)
			continue;
		for (uint32_t i = 0; i < lens[p]; i++)
		{
			uint16_t   *next = &m->delta[st * (unsigned) nclass + m->cls[(unsigned char) pats[p][i]]];

			if (*next == 0)
				*next = (uint16_t) m->nstates++;
			st = *next;
		}
		/* patterns of the same bytes, in order */
		if (m->out[st] < 0)
			m->out[st] = p;
		else
		{
			int			q = m->out[st];

			while (m->same[q] >= 0)
				q = m->same[q];
			m->same[q] = p;
		}
	}

	/* breadth first: fail links, then the missing transitions through them */
	for (int c = 1; c < nclass; c++)
		if (m->delta[c] != 0)
			queue[tail++] = m->delta[c];
	while (head < tail)
	{
		int			s = queue[head++];

		m->dict[s] = m->out[fail[s]] >= 0 ? fail[s] : m->dict[fail[s]];
		for (int c = 1; c < nclass; c++)
		{
			uint16_t   *next = &m->delta[(size_t) s * nclass + c];
			uint16_t	via = m->delta[(size_t) fail[s] * nclass + c];

			if (*next != 0)
			{
				fail[*next] = via;
				queue[tail++] = *next;
			}
			else
				*next = via;
		}
	}
	return m;
}
