#!/usr/bin/env python3
"""Min / median / max of every `bench --json` figure, idle and with one core busy, over the files in raw/
(all of them, or one series: `summarise.py s3`)."""
import glob, json, os, statistics, sys

here = os.path.dirname(os.path.abspath(__file__))
runs = {"idle": [], "busy": []}
series = sys.argv[1] if len(sys.argv) > 1 else ""
for path in sorted(glob.glob(os.path.join(here, "raw", f"{series}*.json"))):
    runs["busy" if "-busy-" in path else "idle"].append(json.load(open(path)))
keys = [k for k, v in runs["idle"][0].items() if isinstance(v, (int, float)) and k != "cores"]
print(f"| figure | idle: min / median / max ({len(runs['idle'])} runs) | one core busy: min / median / max ({len(runs['busy'])} runs) |")
print("|---|---:|---:|")
for k in keys:
    cells = []
    for mode in ("idle", "busy"):
        v = sorted(r[k] for r in runs[mode])
        cells.append(f"{v[0]:g} / {statistics.median(v):g} / {v[-1]:g}")
    print(f"| {k} | {cells[0]} | {cells[1]} |")
