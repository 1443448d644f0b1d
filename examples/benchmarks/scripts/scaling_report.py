#!/usr/bin/env python3
"""Turns the JMH JSON results of scaling.sh into a log-log SVG chart and a markdown table.

    python3 scaling_report.py <results-dir or file.json ...> [--svg out.svg] [--markdown out.md]

Reads every *.json (JMH's -rf json output) given or found in the given directories, and
loads.tsv beside them (written by scaling.sh: name, load before, load after, arguments).
The chart: x = rules, y = nanoseconds per (subject, rule) evaluation = ms per batch * 1e6 /
(rules * subjects), both axes logarithmic; one line per implementation and subject count.
Only the Python standard library is used.
"""

import argparse
import glob
import json
import math
import os
import sys
from xml.sax.saxutils import escape

IMPLS = [
    # method name, label, colour
    ("engine", "Conduct engine", "#1f5fbf"),
    ("easyRules", "Easy Rules 4.1 (MVEL)", "#c62828"),
    ("baselineFromRequest", "hand-written, from request", "#2e7d32"),
    ("baselineArrays", "hand-written, arrays", "#757575"),
]
SUBJECT_STYLE = {1000: ("", "circle"), 100000: ("7,4", "square"), 1000000: ("2,3", "diamond")}


def load_results(paths):
    files = []
    for path in paths:
        if os.path.isdir(path):
            files += sorted(glob.glob(os.path.join(path, "*.json")))
        else:
            files.append(path)
    loads = {}
    for path in paths:
        tsv = os.path.join(path if os.path.isdir(path) else os.path.dirname(path), "loads.tsv")
        if os.path.exists(tsv):
            with open(tsv) as handle:
                for line in handle:
                    parts = line.rstrip("\n").split("\t")
                    if len(parts) >= 3:
                        loads[parts[0]] = (parts[1], parts[2])
    rows = []
    for path in files:
        name = os.path.splitext(os.path.basename(path))[0]
        if os.path.getsize(path) == 0:
            print(f"skipping {path}: empty (JMH still running, or the run failed)", file=sys.stderr)
            continue
        with open(path) as handle:
            try:
                data = json.load(handle)
            except json.JSONDecodeError as error:
                sys.exit(f"{path}: not JMH JSON ({error}); was the run interrupted?")
        for entry in data:
            bench = entry["benchmark"]
            cls, method = bench.split(".")[-2:]
            metric = entry["primaryMetric"]
            unit = metric["scoreUnit"]
            if unit != "ms/op":
                sys.exit(f"{path}: {bench} is in {unit}; expected ms/op (average time)")
            params = entry.get("params", {})
            if "workload" in params:
                rules, subjects = (int(x) for x in params["workload"].lower().split("x"))
            elif "officers" in params:
                subjects = int(params["officers"])
                rules = 10
            else:
                continue
            raw = [v for fork in metric.get("rawData", []) for v in fork]
            rows.append({
                "file": name, "class": cls, "method": method, "rules": rules,
                "subjects": subjects, "ms": metric["score"],
                "error": metric.get("scoreError"), "n": len(raw),
                "min": min(raw) if raw else None, "max": max(raw) if raw else None,
                "load": loads.get(name),
            })
    return rows


def fmt_ms(ms):
    if ms is None:
        return "—"
    if ms >= 100:
        return f"{ms:,.0f}".replace(",", " ")
    if ms >= 10:
        return f"{ms:.1f}"
    if ms >= 1:
        return f"{ms:.2f}"
    return f"{ms:.3f}"


def fmt_count(n):
    return {1000: "1 000", 100000: "100 000", 1000000: "1 000 000"}.get(n, f"{n:,}".replace(",", " "))


def fraction(engine_ms, other_ms):
    """The engine's throughput as a fraction of the other's: other ms / engine ms."""
    if engine_ms is None or other_ms is None:
        return "—"
    r = other_ms / engine_ms
    return f"{r:.2f}×" if r >= 1 else f"1/{1 / r:.1f}"


def markdown(rows):
    by = {}
    for row in rows:
        by[(row["class"], row["rules"], row["subjects"], row["method"])] = row
    out = []
    out.append("| rules × subjects | engine ms | ns per rule eval (engine) | from-request ms | arrays ms | Easy Rules ms "
               "| engine ÷ from-request | engine vs Easy Rules | load (1-min, before → after) |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    keys = sorted({(r["rules"], r["subjects"]) for r in rows if r["class"] == "ThresholdThroughputBenchmark"},
                  key=lambda k: (k[1], k[0]))
    c = "ThresholdThroughputBenchmark"

    def get(rules, subjects, method):
        row = by.get((c, rules, subjects, method))
        return row["ms"] if row else None

    def loads(rules, subjects):
        seen = []
        for method in ("engine", "easyRules", "baselineFromRequest", "baselineArrays"):
            row = by.get((c, rules, subjects, method))
            if row and row["load"] and row["load"] not in seen:
                seen.append(row["load"])
        return "; ".join(f"{b.split()[0]} → {a.split()[0]}" for b, a in seen) or "—"

    for rules, subjects in keys:
        engine = get(rules, subjects, "engine")
        req = get(rules, subjects, "baselineFromRequest")
        arr = get(rules, subjects, "baselineArrays")
        easy = get(rules, subjects, "easyRules")
        ns = engine * 1e6 / (rules * subjects) if engine else None
        out.append(f"| {rules} × {fmt_count(subjects)} | {fmt_ms(engine)} | "
                   f"{'—' if ns is None else f'{ns:.0f}'} | {fmt_ms(req)} | {fmt_ms(arr)} | {fmt_ms(easy)} | "
                   f"{fraction(engine, req)} | {fraction(engine, easy)} | {loads(rules, subjects)} |")
    cross = [r for r in rows if r["class"] == "CrossFactBenchmark"]
    if cross:
        cb = {r["method"]: r for r in cross}
        engine = cb.get("engine", {}).get("ms")
        req = cb.get("baselineFromRequest", {}).get("ms")
        arr = cb.get("baselineArrays", {}).get("ms")
        load = next((r["load"] for r in cross if r["load"]), None)
        officers = cross[0]["subjects"]
        ns = engine * 1e6 / (10 * officers) if engine else None
        out.append(f"| cross-fact, 10 rules × {fmt_count(officers)} officers | {fmt_ms(engine)} | "
                   f"{'—' if ns is None else f'{ns:.0f}'} | {fmt_ms(req)} | {fmt_ms(arr)} | — | "
                   f"{fraction(engine, req)} | — | {f'{load[0].split()[0]} → {load[1].split()[0]}' if load else '—'} |")
    out.append("")
    out.append("Spread of the measured iterations (min–max ms), n = measured batches:")
    out.append("")
    for row in sorted(rows, key=lambda r: (r["class"], r["subjects"], r["rules"], r["method"])):
        out.append(f"- {row['class'].replace('Benchmark', '')} {row['rules']} × {fmt_count(row['subjects'])} "
                   f"{row['method']}: {fmt_ms(row['ms'])} ms (min {fmt_ms(row['min'])}, max {fmt_ms(row['max'])}, n = {row['n']})")
    return "\n".join(out) + "\n"


def svg(rows, note=None):
    rows = [r for r in rows if r["class"] == "ThresholdThroughputBenchmark"]
    width, height = 860, 560
    left, right, top, bottom = 80, 270, 50, 70
    pw, ph = width - left - right, height - top - bottom
    xs = [10, 50, 500, 5000]
    xmin, xmax = math.log10(7), math.log10(7000)
    values = [r["ms"] * 1e6 / (r["rules"] * r["subjects"]) for r in rows]
    if not values:
        sys.exit("no threshold results to draw")
    ymin = math.floor(math.log10(min(values)))
    ymax = math.ceil(math.log10(max(values)))

    def px(rules):
        return left + (math.log10(rules) - xmin) / (xmax - xmin) * pw

    def py(ns):
        return top + (ymax - math.log10(ns)) / (ymax - ymin) * ph

    e = []
    e.append(f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" font-family="Helvetica, Arial, sans-serif" font-size="12">')
    e.append(f'<rect width="{width}" height="{height}" fill="white"/>')
    e.append(f'<text x="{left}" y="24" font-size="15" font-weight="bold">Threshold workload: time per (subject, rule) '
             f'evaluation</text>')
    e.append(f'<text x="{left}" y="40" fill="#555">one batch, single thread; log-log; lower is better'
             + (f'; {escape(note)}' if note else "") + '</text>')
    for decade in range(ymin, ymax + 1):
        for m in (1, 2, 5) if decade < ymax else (1,):
            v = m * 10 ** decade
            y = py(v)
            major = m == 1
            e.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + pw}" y2="{y:.1f}" '
                     f'stroke="{"#ccc" if major else "#eee"}"/>')
            label = f"{v:g}" if v >= 1 else f"{v:.2g}"
            e.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#333">{label}</text>')
    for x in xs:
        e.append(f'<line x1="{px(x):.1f}" y1="{top}" x2="{px(x):.1f}" y2="{top + ph}" stroke="#ddd"/>')
        e.append(f'<text x="{px(x):.1f}" y="{top + ph + 18}" text-anchor="middle">{x}</text>')
    e.append(f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="none" stroke="#333"/>')
    e.append(f'<text x="{left + pw / 2}" y="{height - 22}" text-anchor="middle">rules</text>')
    e.append(f'<text transform="translate(22 {top + ph / 2}) rotate(-90)" text-anchor="middle">'
             f'ns per (subject, rule) evaluation</text>')

    def marker(shape, x, y, colour):
        if shape == "circle":
            return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"/>'
        if shape == "square":
            return f'<rect x="{x - 3.5:.1f}" y="{y - 3.5:.1f}" width="7" height="7" fill="{colour}"/>'
        return (f'<path d="M {x:.1f} {y - 5:.1f} L {x + 5:.1f} {y:.1f} L {x:.1f} {y + 5:.1f} '
                f'L {x - 5:.1f} {y:.1f} Z" fill="{colour}"/>')

    legend_y = top + 6
    for method, label, colour in IMPLS:
        for subjects, (dash, shape) in SUBJECT_STYLE.items():
            pts = sorted((r["rules"], r["ms"] * 1e6 / (r["rules"] * r["subjects"]))
                         for r in rows if r["method"] == method and r["subjects"] == subjects)
            if not pts:
                continue
            if len(pts) > 1:
                path = " ".join(f'{"M" if i == 0 else "L"} {px(x):.1f} {py(y):.1f}' for i, (x, y) in enumerate(pts))
                e.append(f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="2"'
                         + (f' stroke-dasharray="{dash}"' if dash else "") + "/>")
            for x, y in pts:
                e.append(marker(shape, px(x), py(y), colour))
            lx = left + pw + 16
            e.append(f'<line x1="{lx}" y1="{legend_y}" x2="{lx + 28}" y2="{legend_y}" stroke="{colour}" '
                     f'stroke-width="2"' + (f' stroke-dasharray="{dash}"' if dash else "") + "/>")
            e.append(marker(shape, lx + 14, legend_y, colour))
            e.append(f'<text x="{lx + 36}" y="{legend_y + 4}">{label}, {fmt_count(subjects)}</text>')
            legend_y += 20
    e.append("</svg>")
    return "\n".join(e) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+", help="results directories or JMH JSON files")
    parser.add_argument("--svg", help="write the chart here")
    parser.add_argument("--markdown", help="write the table here (default: print it)")
    parser.add_argument("--note", help="one line added under the chart's title (machine, load)")
    args = parser.parse_args()
    rows = load_results(args.inputs)
    if not rows:
        sys.exit("no JMH results found in " + ", ".join(args.inputs))
    table = markdown(rows)
    if args.markdown:
        with open(args.markdown, "w") as handle:
            handle.write(table)
    print(table)
    if args.svg:
        with open(args.svg, "w") as handle:
            handle.write(svg(rows, args.note))
        print("chart:", args.svg)


if __name__ == "__main__":
    main()
