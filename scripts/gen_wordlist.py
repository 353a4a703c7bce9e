#!/usr/bin/env python3
"""Turn a word list (one word per line, '#' comments) into a C source file
holding a sorted, de-duplicated array of NUL-terminated strings.

    gen_wordlist.py NAME INPUT.txt OUTPUT.c

defines `const char *const NAME[]` and `const size_t NAME_count`.
Non-ASCII bytes are written as octal escapes so that the output is plain
ASCII and no escape can swallow the character after it."""
import sys
import unicodedata


def c_string(word):
    out = []
    for b in word.encode('utf-8'):
        if 0x20 <= b < 0x7f and b not in (0x22, 0x5c, 0x3f):
            out.append(chr(b))
        else:
            out.append('\\%03o' % b)
    return '"' + ''.join(out) + '"'


def main():
    name, src, dst = sys.argv[1:4]
    words = set()
    with open(src, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            w = line.split('#', 1)[0].strip() if not line.lstrip().startswith('#') else ''
            if not w:
                continue
            if unicodedata.normalize('NFC', w) != w or w.lower() != w:
                sys.exit('%s:%d: word must be lower case NFC: %r' % (src, n, w))
            words.add(w)
    ordered = sorted(words, key=lambda w: w.encode('utf-8'))
    with open(dst, 'w', encoding='ascii') as f:
        f.write('/* Generated from %s by gen_wordlist.py; do not edit. */\n'
                % src.replace('\\', '/').split('/')[-1])
        f.write('#include <stddef.h>\n\n')
        f.write('extern const char *const %s[];\n' % name)
        f.write('extern const size_t %s_count;\n\n' % name)
        f.write('const char *const %s[] = {\n' % name)
        for w in ordered:
            f.write('\t%s,\n' % c_string(w))
        f.write('};\n\n')
        f.write('const size_t %s_count = %d;\n' % (name, len(ordered)))


if __name__ == '__main__':
    main()
