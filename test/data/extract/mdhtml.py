#!/usr/bin/env python3
"""mdhtml.py IN OUT — a Markdown text whose pipe tables are written as HTML
tables, each on one line, as PDF-to-Markdown converters (MinerU, marker)
write their tables: every row of pipes a <tr>, every cell a <td> with its
text as it stands, the separator rows (|---|) left out; the rest of the
text as it is.  Makes the .mdhtml files of test/data/extract."""
import re
import sys

SEPARATOR = re.compile(r'\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?')

def table(lines):
    rows = []
    for line in lines:
        s = line.strip()
        if SEPARATOR.fullmatch(s):
            continue
        cells = s.strip('|').split('|')
        rows.append('<tr>' + ''.join('<td>%s</td>' % c.strip() for c in cells) + '</tr>')
    return '<table>' + ''.join(rows) + '</table>'

def main(src, dst):
    out, block = [], []
    with open(src, encoding='utf-8') as f:
        text = f.read()
    for line in text.split('\n'):
        if line.lstrip().startswith('|'):
            block.append(line)
            continue
        if block:
            out.append(table(block))
            block = []
        out.append(line)
    if block:
        out.append(table(block))
    with open(dst, 'w', encoding='utf-8') as f:
        f.write('\n'.join(out))

if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
