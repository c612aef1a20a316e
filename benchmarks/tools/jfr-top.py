#!/usr/bin/env python3
"""Summarises `jfr print --events jdk.ExecutionSample` output: the hottest top frames, the
threads sampled, and the methods most often anywhere on the stack (inclusive).

Usage: jfr print --stack-depth 256 --events jdk.ExecutionSample rec.jfr | python3 benchmarks/tools/jfr-top.py [N] [THREAD-SUBSTRING]

--stack-depth matters: `jfr print` shows 5 frames per stack by default, and then "inclusive" only
counts methods within 5 frames of the top (the figures of earlier rounds in BENCHMARKS.md were
taken that way; from round 4 on they use the full stacks).
"""
import collections
import re
import sys

limit = int(sys.argv[1]) if len(sys.argv) > 1 else 15
thread_filter = sys.argv[2] if len(sys.argv) > 2 else None
top = collections.Counter()
inclusive = collections.Counter()
threads = collections.Counter()
total = 0
frames, thread, in_stack = [], None, False
frame_re = re.compile(r'^\s+([\w$.<>/]+)\(')


def flush():
    global total
    if frames and (thread_filter is None or (thread and thread_filter in thread)):
        total += 1
        top[frames[0]] += 1
        for f in set(frames):
            inclusive[f] += 1
        # Group thread names by pool (strip trailing numbers).
        threads[re.sub(r'[-#]?\d+', '-N', thread or '?')] += 1


for line in sys.stdin:
    if line.startswith('jdk.ExecutionSample'):
        flush()
        frames, thread, in_stack = [], None, False
    elif 'sampledThread' in line:
        m = re.search(r'"(.*)"', line)
        thread = m.group(1) if m else '?'
    elif 'stackTrace = [' in line:
        in_stack = True
    elif in_stack:
        m = frame_re.match(line)
        if m:
            frames.append(m.group(1))
        elif line.strip() == ']':
            in_stack = False
flush()
print(f'{total} samples' + (f' on threads matching {thread_filter!r}' if thread_filter else ''))
print('\nthreads:')
for name, n in threads.most_common(limit):
    print(f'  {100.0 * n / total:5.1f} %  {name}')
print('\ntop frames (self):')
for name, n in top.most_common(limit):
    print(f'  {100.0 * n / total:5.1f} %  {name}')
print('\non the stack (inclusive):')
for name, n in inclusive.most_common(limit * 3):
    if name.startswith(('ai.mezon', 'org.apache.tomcat', 'com.google', 'tools.jackson', 'java.util.concurrent')):
        print(f'  {100.0 * n / total:5.1f} %  {name}')
