#!/usr/bin/env python3
"""Draws the curves of bench/history-bench as a small SVG: each phase's throughput (% of the empty database's,
measured side by side) and p99 (x the empty database's) against the earns stored.

    plot_history.py out.svg EARNS=RUN.log [EARNS=RUN.log ...]

Each RUN.log is the output of one `bench/history-bench --baseline <empty>` run on a database of EARNS earns (its
RATIO lines); the empty database is the point (0, 100 %, 1x). The targets of issue 31 are drawn as dashed lines.
"""
import re
import sys
from collections import defaultdict

out = sys.argv[1]
points = defaultdict(lambda: {0: (100.0, 1.0)})
for arg in sys.argv[2:]:
    earns, log = arg.split("=", 1)
    for line in open(log):
        m = re.match(r"RATIO (\S+) throughput=([0-9.]+)%(?: \S+=([0-9.]+)x)?", line)
        if m:
            points[m.group(1)][int(earns)] = (float(m.group(2)), float(m.group(3) or 0))

W, H, M = 420, 280, 52
xmax = max(e for p in points.values() for e in p) or 1
palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#17becf",
           "#bcbd22", "#000000"]


def panel(x0, title, index, top, target, unit, fmt):
    x = lambda e: x0 + M + e / xmax * (W - 2 * M)
    y = lambda v: H - M - v / top * (H - 2 * M)
    parts = [f'<text x="{x0 + W / 2}" y="18" text-anchor="middle" font-weight="bold">{title}</text>',
             f'<line x1="{x0 + M}" y1="{H - M}" x2="{x0 + W - M}" y2="{H - M}" stroke="black"/>',
             f'<line x1="{x0 + M}" y1="{M - 20}" x2="{x0 + M}" y2="{H - M}" stroke="black"/>',
             f'<text x="{x0 + W / 2}" y="{H - 14}" text-anchor="middle">earns stored (millions)</text>',
             f'<text x="{x0 + 4}" y="{M - 26}">{unit}</text>',
             f'<line x1="{x0 + M}" y1="{y(target)}" x2="{x0 + W - M}" y2="{y(target)}" stroke="#888" '
             f'stroke-dasharray="5,4"/>',
             f'<text x="{x0 + W - M}" y="{y(target) - 4}" text-anchor="end" fill="#888">target</text>']
    for e in sorted({e for p in points.values() for e in p}):
        parts.append(f'<text x="{x(e)}" y="{H - M + 16}" text-anchor="middle">{e / 1e6:.0f}</text>')
    for i in range(5):
        v = top * i / 4
        parts.append(f'<text x="{x0 + M - 4}" y="{y(v) + 4}" text-anchor="end">{fmt(v)}</text>')
    for k, (phase, series) in enumerate(sorted(points.items())):
        colour = palette[k % len(palette)]
        line = [(e, series[e][index]) for e in sorted(series) if series[e][index] > 0]
        path = " ".join(f"{x(e):.1f},{y(v):.1f}" for e, v in line)
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="1.5" points="{path}"/>')
        for e, v in line:
            parts.append(f'<circle cx="{x(e):.1f}" cy="{y(v):.1f}" r="2.5" fill="{colour}"/>')
    return parts


body = panel(0, "throughput vs the empty database", 0, 140, 80, "%", lambda v: f"{v:.0f}")
body += panel(W, "p99 latency vs the empty database", 1, 2.5, 1.5, "x", lambda v: f"{v:.1f}")
legend_y = H + 4
for k, phase in enumerate(sorted(points)):
    colour = palette[k % len(palette)]
    lx, ly = 20 + (k % 4) * 205, legend_y + (k // 4) * 18
    body.append(f'<rect x="{lx}" y="{ly}" width="12" height="4" fill="{colour}"/>')
    body.append(f'<text x="{lx + 16}" y="{ly + 6}">{phase}</text>')
height = legend_y + ((len(points) + 3) // 4) * 18 + 10
with open(out, "w") as f:
    f.write(f'<svg xmlns="http://www.w3.org/2000/svg" width="{2 * W}" height="{height}" font-family="sans-serif" '
            f'font-size="11"><rect width="100%" height="100%" fill="white"/>\n' + "\n".join(body) + "\n</svg>\n")
print(f"wrote {out}: {len(points)} phases")
