#!/usr/bin/env python3
"""Size figures of the project's own Swift code: largest files, longest functions (by brace
matching on lines that declare a func/init/var with a body), lines over 120 columns.
Usage: scripts/code-metrics.py [DIR ...]   (default: Sources Tests)"""
import os, re, sys

DECL = re.compile(r'^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|private|fileprivate|internal|static|override|'
                  r'mutating|nonisolated|final|class|@Sendable)\s+)*(?:func\s+\w+|init[?!]?\s*[(<])')

def strip(line):
    # Drop string literals and line comments before counting braces (good enough for this code).
    line = re.sub(r'"(?:\\.|[^"\\])*"', '""', line)
    return line.split('//', 1)[0]

def functions(path):
    lines = open(path, encoding='utf-8').read().split('\n')
    out = []
    i = 0
    while i < len(lines):
        if DECL.match(lines[i]):
            depth, started, j = 0, False, i
            while j < len(lines):
                text = strip(lines[j])
                depth += text.count('{') - text.count('}')
                if '{' in text: started = True
                if started and depth <= 0: break
                if not started and j > i + 6: break  # a protocol requirement without a body
                j += 1
            if started:
                name = re.sub(r'\s+', ' ', lines[i].strip())[:90]
                out.append((j - i + 1, f'{path}:{i + 1}', name))
        i += 1
    return out

def main(dirs):
    files, funcs, long_lines, total = [], [], 0, 0
    for d in dirs:
        for root, _, names in os.walk(d):
            for n in names:
                if not n.endswith('.swift'): continue
                p = os.path.join(root, n)
                text = open(p, encoding='utf-8').read().split('\n')
                files.append((len(text), p))
                total += sum(1 for l in text if l.strip())
                long_lines += sum(1 for l in text if len(l) > 120)
                funcs += functions(p)
    files.sort(reverse=True); funcs.sort(reverse=True)
    print(f'non-blank lines: {total}; lines over 120 columns: {long_lines}')
    print('largest files:'); [print(f'  {n:5} {p}') for n, p in files[:5]]
    print('longest functions:'); [print(f'  {n:5} {w}  {s}') for n, w, s in funcs[:8]]
    print(f'functions over 50 lines: {sum(1 for f in funcs if f[0] > 50)}')

main(sys.argv[1:] or ['Sources', 'Tests'])
