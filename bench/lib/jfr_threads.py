#!/usr/bin/env python3
"""Where a profiled server spent its CPU, per thread: reads `jfr print --events jdk.ExecutionSample` on stdin.

    jfr print --events jdk.ExecutionSample run.jfr | jfr_threads.py [THREAD_PATTERN] [FRAMES]

Prints the samples of each thread whose name matches THREAD_PATTERN (a regular expression; default: all), then, for
the busiest of them, the FRAMES (default 25) methods most often on its stack (inclusive: a sample counts once for
every distinct method on its stack) and the methods most often at its top (self). A JFR execution sample is taken of
a thread running Java code, so a thread's share of the samples is its share of the CPU; a thread waiting for the
database in a socket read is not sampled.
"""
import re
import sys
from collections import Counter, defaultdict

pattern = re.compile(sys.argv[1] if len(sys.argv) > 1 else ".")
frames_shown = int(sys.argv[2]) if len(sys.argv) > 2 else 25

per_thread = Counter()
inclusive = defaultdict(Counter)
self_time = defaultdict(Counter)
thread, stack = None, None
for line in sys.stdin:
    line = line.strip()
    if line.startswith("sampledThread"):
        m = re.match(r'sampledThread = "(.*)" \(', line)
        thread = m.group(1) if m else line
        # pool threads are numbered: one name per pool
        thread = re.sub(r"[-#]?\d+$", "", thread)
    elif line.startswith("stackTrace = ["):
        stack = []
    elif stack is not None and line.startswith("]"):
        if thread and pattern.search(thread):
            per_thread[thread] += 1
            for method in set(stack):
                inclusive[thread][method] += 1
            if stack:
                self_time[thread][stack[0]] += 1
        thread, stack = None, None
    elif stack is not None and "line:" in line:
        stack.append(re.sub(r"\(.*", "", line))

total = sum(per_thread.values())
print(f"JFR samples of matching threads: {total}")
for name, n in per_thread.most_common(8):
    print(f"  {n:7d}  {100 * n / max(1, total):5.1f} %  {name}")
for name, n in per_thread.most_common(2):
    print(f"== {name}: methods on the stack (inclusive, % of its {n} samples)")
    shown = [(m, k) for m, k in inclusive[name].most_common()
             if re.search(r"badgeworks|postgresql|eclipse\.persistence|parsson|glassfish\.json|commons\.csv", m)]
    for method, k in shown[:frames_shown]:
        print(f"  {100 * k / n:5.1f} %  {method}")
    print(f"== {name}: at the top of the stack (self)")
    for method, k in self_time[name].most_common(frames_shown):
        print(f"  {100 * k / n:5.1f} %  {method}")
