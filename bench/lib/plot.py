#!/usr/bin/env python3
"""Writes the concurrency curve of bench/earn-bench as a small SVG: throughput and p99 by connections.

    plot.py results.tsv out.svg      (results.tsv: phase, connections, rps, p99_ms per line)
"""
import sys
from collections import defaultdict

rows = [line.split("\t") for line in open(sys.argv[1]).read().splitlines() if line.strip()]
series = defaultdict(list)
for phase, conns, rps, p99 in rows:
    series[phase].append((int(conns), float(rps), float(p99)))
colours = {"ceiling": "#888888", "GET": "#1f77b4", "earn": "#d62728", "earn+limits": "#ff7f0e"}
conns = sorted({c for points in series.values() for c, _, _ in points})
W, H, M = 360, 240, 48


def panel(x0, title, index, unit):
    top = max(p[index] for points in series.values() for p in points) * 1.1 or 1
    xs = {c: x0 + M + i * (W - 2 * M) / max(1, len(conns) - 1) for i, c in enumerate(conns)}
    y = lambda v: H - M + 10 - v / top * (H - 2 * M)
    out = [f'<text x="{x0 + W / 2}" y="18" text-anchor="middle" font-weight="bold">{title}</text>',
           f'<line x1="{x0 + M}" y1="{H - M + 10}" x2="{x0 + W - M}" y2="{H - M + 10}" stroke="black"/>',
           f'<line x1="{x0 + M}" y1="{M - 10}" x2="{x0 + M}" y2="{H - M + 10}" stroke="black"/>',
           f'<text x="{x0 + W / 2}" y="{H - 8}" text-anchor="middle">connections</text>',
           f'<text x="{x0 + 6}" y="{M - 16}">{unit}</text>']
    for c, x in xs.items():
        out.append(f'<text x="{x}" y="{H - M + 26}" text-anchor="middle">{c}</text>')
    for fraction in (0.25, 0.5, 0.75, 1.0):
        v = top / 1.1 * fraction
        out.append(f'<text x="{x0 + M - 4}" y="{y(v) + 4}" text-anchor="end">{v:.0f}</text>')
    for phase, points in series.items():
        points.sort()
        path = " ".join(f"{xs[p[0]]:.1f},{y(p[index]):.1f}" for p in points)
        colour = colours.get(phase, "black")
        out.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{path}"/>')
        for p in points:
            out.append(f'<circle cx="{xs[p[0]]:.1f}" cy="{y(p[index]):.1f}" r="3" fill="{colour}"/>')
    return out


svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{2 * W}" height="{H + 24}" font-family="sans-serif" '
       'font-size="11">', '<rect width="100%" height="100%" fill="white"/>']
svg += panel(0, "throughput", 1, "req/s")
svg += panel(W, "p99 latency", 2, "ms")
for i, phase in enumerate(series):
    svg.append(f'<rect x="{M + i * 110}" y="{H + 8}" width="10" height="10" fill="{colours.get(phase, "black")}"/>'
               f'<text x="{M + i * 110 + 14}" y="{H + 17}">{phase}</text>')
svg.append("</svg>")
open(sys.argv[2], "w").write("\n".join(svg) + "\n")
