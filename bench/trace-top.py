#!/usr/bin/env python3
"""Top methods of a dotnet-trace thread-time sample (speedscope JSON), counting only samples of threads running
managed code (a leaf of UNMANAGED_CODE_TIME is a thread in native code: mostly waiting). Two files: the methods whose
share of running samples differs most between them (A, then B).
Usage: bench/trace-top.py a.speedscope.json [b.speedscope.json] [--top 40] [--filter OrderHub]"""
import json, sys
from collections import Counter


def stacks(doc):
    """(frame indices of a stack, weight) pairs from sampled or evented (dotnet-trace) profiles."""
    for profile in doc["profiles"]:
        if profile.get("type") == "sampled":
            yield from zip(profile["samples"], profile.get("weights", [1] * len(profile["samples"])))
        elif profile.get("type") == "evented":
            stack, last = [], None
            for e in profile["events"]:
                if last is not None and stack and e["at"] > last:
                    yield list(stack), e["at"] - last
                last = e["at"]
                if e["type"] == "O":
                    stack.append(e["frame"])
                elif stack:
                    stack.pop()


def load(path, needle):
    doc = json.load(open(path))
    frames = [f["name"] for f in doc["shared"]["frames"]]
    inclusive, leaf, running = Counter(), Counter(), 0
    for stack, weight in stacks(doc):
        names = [frames[i] for i in stack]
        if not names or names[-1] in ("UNMANAGED_CODE_TIME", "BLOCKED_TIME"):
            continue
        running += weight
        for name in set(names):
            if needle in name:
                inclusive[name] += weight
        leaf[names[-2] if names[-1] == "CPU_TIME" and len(names) > 1 else names[-1]] += weight
    return inclusive, leaf, running


def main(argv):
    top = int(argv[argv.index("--top") + 1]) if "--top" in argv else 40
    needle = argv[argv.index("--filter") + 1] if "--filter" in argv else ""
    files = [a for a in argv[1:] if a.endswith(".json")]
    loaded = [load(f, needle) for f in files]
    for f, (inc, leaf, running) in zip(files, loaded):
        print(f"== {f}: {running} running samples")
        for name, n in inc.most_common(top):
            print(f"{100 * n / running:6.1f} %  {name[:160]}")
    if len(loaded) == 2:
        (ia, _, ra), (ib, _, rb) = loaded
        print("== share of running samples, B minus A (percentage points), largest differences")
        names = set(ia) | set(ib)
        diff = sorted(names, key=lambda n: abs(ib[n] / rb - ia[n] / ra), reverse=True)
        for name in diff[:top]:
            print(f"{100 * (ib[name] / rb - ia[name] / ra):+6.1f}  A {100 * ia[name] / ra:5.1f} %  B {100 * ib[name] / rb:5.1f} %  {name[:150]}")


if __name__ == "__main__":
    main(sys.argv)
