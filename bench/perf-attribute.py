#!/usr/bin/env python3
"""CPU samples of `perf script -F tid,ip,sym` attributed to the innermost OrderHub method on each stack.

Async continuations run on the stack of whatever completed them, so a method's inclusive time also counts its callers'
continuations; the innermost OrderHub frame is the code actually running (with the library calls it made). Samples
with no OrderHub frame are grouped by the library on top. Usage: perf-attribute.py <perf-script.txt> [top]
"""
import re
import sys
from collections import Counter

FRAME = re.compile(r"^\s+[0-9a-f]+ (.*)$")
APP = re.compile(r"\[(OrderHub[\w.]*)\] ([\w.`+<>|]+?)(?:`\d)?(?:\[[^\]]*\])?(?:\+<([\w|<>]+)>[\w_]+)?(?:\[[^\]]*\])?::")
LIB = re.compile(r"\[([\w.]+)\]")


def name(frame):
    m = APP.search(frame)
    if not m:
        return None
    cls, method = m.group(2), m.group(3)
    cls = cls.split("+<")[0]
    if method is None:
        tail = frame[m.end():]
        method = re.match(r"[\w<>|]+", tail).group(0) if re.match(r"[\w<>|]+", tail) else "?"
    return f"{cls.split('.')[-1]}.{method}"


def main():
    path, top = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 60
    app, libs, total = Counter(), Counter(), 0
    stack = []

    def flush():
        nonlocal total
        if not stack:
            return
        total += 1
        for frame in stack:
            n = name(frame)
            if n:
                app[n] += 1
                return
        m = LIB.search(stack[0])
        libs[m.group(1) if m else (stack[0].split() or ["?"])[-1][:60]] += 1

    with open(path, errors="replace") as f:
        for line in f:
            m = FRAME.match(line)
            if m:
                stack.append(m.group(1))
            elif line.strip() == "" or not line.startswith("\t"):
                flush()
                stack = []
    flush()
    print(f"{total} samples")
    print("-- innermost OrderHub method")
    for n, c in app.most_common(top):
        print(f"{100 * c / total:6.2f}%  {n}")
    print(f"{100 * sum(app.values()) / total:6.2f}%  (all with an OrderHub frame)")
    print("-- no OrderHub frame: library on top")
    for n, c in libs.most_common(25):
        print(f"{100 * c / total:6.2f}%  {n}")


main()
