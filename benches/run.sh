#!/usr/bin/env bash
# Every fundplan benchmark, one table, and whole-process measurements.
#
#   benches/run.sh                 criterion benches (core, gui, scale), the table, then the process timings
#   benches/run.sh --no-bench      skip `cargo bench`; table from the results already in target/criterion
#   benches/run.sh --no-process    skip the hyperfine / Xvfb / LibreOffice part
#   benches/run.sh -- ARGS         pass ARGS to criterion (e.g. `-- core/` to run only those benches)
#
# Needs python3; the process part needs hyperfine (apt-get install hyperfine), and for the app
# Xvfb and xdotool (apt-get install xvfb xdotool); the spreadsheet comparison needs LibreOffice
# (soffice). Whatever is missing is skipped with a message. See README.md, "Benchmarks".
# The cost-per-project curve is written to benches/curve.svg (the README shows it);
# FUNDPLAN_CURVE_SVG=path writes it elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."

bench=1
process=1
criterion_args=()
while [[ $# -gt 0 ]]; do
    case "$1" in
    --no-bench) bench=0 ;;
    --no-process) process=0 ;;
    --) shift; criterion_args=("$@"); break ;;
    *) echo "unknown option: $1 (see the top of $0)" >&2; exit 2 ;;
    esac
    shift
done

target_dir="${CARGO_TARGET_DIR:-target}"
work="$(mktemp -d)"
xvfb_pid=""
cleanup() {
    if [[ -n "$xvfb_pid" ]]; then kill "$xvfb_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
touch "$work/stamp"

echo "## Machine"
echo
echo "- $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores," \
    "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo);" \
    "$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME");" "$(rustc --version)"
echo "- load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

if [[ $bench -eq 1 ]]; then
    cargo bench --bench core --bench gui --bench scale -- "${criterion_args[@]}"
fi

# ---------------------------------------------------------------------------
# One table from criterion's estimates: operation × N, mean (95% interval in
# criterion's own output above), then the cost per project of the core steps.
FUNDPLAN_CURVE_SVG=${FUNDPLAN_CURVE_SVG-benches/curve.svg} \
python3 - "$target_dir/criterion" "$work/stamp" "$bench" <<'PY'
import json, os, sys
from pathlib import Path

root, stamp, fresh_only = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "1"
since = stamp.stat().st_mtime if fresh_only else 0
rows = {}  # operation -> {N: mean ns}
for est in root.glob("**/new/estimates.json"):
    if est.stat().st_mtime < since:
        continue
    meta = json.loads((est.parent / "benchmark.json").read_text())
    group, function, value = meta["group_id"], meta.get("function_id"), meta.get("value_str")
    if value is None:  # summary/60x500: no parameter
        value = "—"
    mean = json.loads(est.read_text())["mean"]["point_estimate"]
    rows.setdefault(f"{group}/{function}", {})[value] = mean

if not rows:
    print("no criterion results (run without --no-bench first)")
    sys.exit(0)

def fmt(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            v = ns / scale
            return f"{v:.3g} {unit}" if v < 100 else f"{v:.0f} {unit}"
    return f"{ns:.0f} ns"

def n_key(v):
    return (0, int(v)) if v.isdigit() else (1, v)

sizes = sorted({n for r in rows.values() for n in r}, key=n_key)
print()
print("## Criterion means (operation × projects per plan)")
print()
print("| operation | " + " | ".join(f"{int(n):,}" if n.isdigit() else n for n in sizes) + " |")
print("|---|" + "---:|" * len(sizes))
for op in sorted(rows):
    print(f"| {op} | " + " | ".join(fmt(rows[op][n]) if n in rows[op] else "" for n in sizes) + " |")

core = [op for op in ("core/load", "core/parse", "core/validate", "core/save", "core/digest", "core/diff") if op in rows]
if core:
    ns = sorted({n for op in core for n in rows[op] if n.isdigit()}, key=int)
    print()
    print("## Cost per project (mean / N), µs")
    print()
    print("| operation | " + " | ".join(f"{int(n):,}" for n in ns) + " |")
    print("|---|" + "---:|" * len(ns))
    for op in core:
        cells = [f"{rows[op][n] / int(n) / 1e3:.2f}" if n in rows[op] else "" for n in ns]
        print(f"| {op} | " + " | ".join(cells) + " |")

    # The curve: cost per project against N (log scale). Flat = linear growth.
    svg_path = os.environ.get("FUNDPLAN_CURVE_SVG")
    if svg_path and ns:
        W, H, L, R, T, B = 640, 360, 56, 150, 20, 44
        xs = [int(n) for n in ns]
        per = {op: {int(n): rows[op][n] / int(n) / 1e3 for n in ns if n in rows[op]} for op in core}
        ymax = max(v for d in per.values() for v in d.values()) * 1.1
        import math
        lx0, lx1 = math.log10(min(xs)), math.log10(max(xs))
        X = lambda n: L + (math.log10(n) - lx0) / max(lx1 - lx0, 1e-9) * (W - L - R)
        Y = lambda v: T + (1 - v / ymax) * (H - T - B)
        colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"]
        out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
               f'<rect width="{W}" height="{H}" fill="white"/>',
               f'<line x1="{L}" y1="{H-B}" x2="{W-R}" y2="{H-B}" stroke="black"/>',
               f'<line x1="{L}" y1="{T}" x2="{L}" y2="{H-B}" stroke="black"/>',
               f'<text x="{(L+W-R)/2}" y="{H-8}" text-anchor="middle">projects per plan (log scale)</text>',
               f'<text x="14" y="{(T+H-B)/2}" transform="rotate(-90 14 {(T+H-B)/2})" text-anchor="middle">µs per project</text>']
        for n in xs:
            out.append(f'<text x="{X(n):.1f}" y="{H-B+16}" text-anchor="middle">{n:,}</text>')
        for k in range(5):
            v = ymax * k / 4
            out.append(f'<text x="{L-6}" y="{Y(v)+4:.1f}" text-anchor="end">{v:.1f}</text>')
            out.append(f'<line x1="{L}" y1="{Y(v):.1f}" x2="{W-R}" y2="{Y(v):.1f}" stroke="#ddd"/>')
        for i, op in enumerate(core):
            c = colours[i % len(colours)]
            pts = sorted(per[op].items())
            out.append(f'<polyline fill="none" stroke="{c}" stroke-width="2" points="' +
                       " ".join(f"{X(n):.1f},{Y(v):.1f}" for n, v in pts) + '"/>')
            for n, v in pts:
                out.append(f'<circle cx="{X(n):.1f}" cy="{Y(v):.1f}" r="3" fill="{c}"/>')
            out.append(f'<text x="{W-R+8}" y="{T+14+18*i}" fill="{c}">{op.split("/")[1]}</text>')
        out.append("</svg>")
        Path(svg_path).write_text("\n".join(out) + "\n")
        print(f"\n(curve written to {svg_path})")

targets = [("core/load", "10000", 60e6), ("core/validate", "10000", 5e6), ("core/save", "10000", 60e6)]
targets += [(op, "10000", 4e6) for op in sorted(rows) if op.startswith("gui_frame/")]
checked = [(op, n, t) for op, n, t in targets if n in rows.get(op, {})]
if checked:
    print()
    print("## Targets (10,000 projects)")
    print()
    for op, n, t in checked:
        m = rows[op][n]
        print(f"- {op}: {fmt(m)} (target ≤ {fmt(t)}) {'ok' if m <= t else 'OVER TARGET'}")
PY

[[ $process -eq 1 ]] || exit 0

# ---------------------------------------------------------------------------
# Whole processes.
echo
echo "## Whole processes"
echo
if ! command -v hyperfine >/dev/null; then
    echo "hyperfine is missing (apt-get install hyperfine): skipping the whole-process measurements"
    exit 0
fi
cargo build --release --quiet
bin="$(realpath "$target_dir/release/fundplan")"
plan="$work/plan-10000.ron"
"$bin" sample --projects 10000 --seed 1 -o "$plan"

# hyperfine's JSON → one Markdown line per command: mean ± σ, median, min.
report() {
    python3 - "$1" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    ms = lambda s: f"{s * 1e3:.1f} ms"
    print(f"- `{r['command']}`: mean {ms(r['mean'])} ± {ms(r['stddev'])}, median {ms(r['median'])}, "
          f"min {ms(r['min'])} ({len(r['times'])} runs)")
PY
}

hyperfine -N --style basic -w 3 -r 30 --export-json "$work/validate.json" \
    -n "fundplan --version" "$bin --version" \
    -n "fundplan validate plan-10000.ron" "$bin validate $plan"
echo
report "$work/validate.json"

# The app: Xvfb, time until its window is visible. eframe keeps the window
# hidden until the first frame is painted, so "visible" is the first frame.
echo
if command -v Xvfb >/dev/null && command -v xdotool >/dev/null; then
    exec 3>"$work/display"
    # -noreset: by default Xvfb resets when its last client leaves, refusing connections meanwhile.
    Xvfb -displayfd 3 -noreset -screen 0 1920x1080x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
    xvfb_pid=$!
    exec 3>&-
    for _ in $(seq 100); do [[ -s "$work/display" ]] && break; sleep 0.05; done
    export DISPLAY=":$(head -1 "$work/display")"
    # A fresh home: no saved preferences, no last plan, no recovery file.
    mkdir -p "$work/home"
    app_env=(env HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config")
    cat >"$work/first-frame.sh" <<'SH'
#!/bin/sh
# Starts the app with "$@" and returns when its window is visible, then kills it.
"$@" >/dev/null 2>&1 &
pid=$!
until xdotool search --onlyvisible --name 'fundplan$' >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || exit 1
    sleep 0.005
done
kill -9 "$pid"
SH
    chmod +x "$work/first-frame.sh"
    # Before each run, wait until the last run's window is gone.
    gone="until ! xdotool search --name 'fundplan\$' >/dev/null 2>&1; do sleep 0.01; done"
    hyperfine --style basic -w 2 -r 15 --prepare "$gone" --export-json "$work/start.json" \
        -n "app, bundled sample, to first frame" "$work/first-frame.sh ${app_env[*]} $bin" \
        -n "app, plan-10000.ron, to first frame" "$work/first-frame.sh ${app_env[*]} $bin $plan"
    echo
    report "$work/start.json"

    # Resident memory 2 s after the first frame: VmRSS, of it anonymous (heap…)
    # and file-backed (the binary, shared libraries: under Xvfb that includes
    # Mesa's software renderer, libLLVM and swrast_dri), and the peak (VmHWM).
    rss() {
        "${app_env[@]}" "$@" >/dev/null 2>&1 &
        local pid=$!
        until xdotool search --onlyvisible --name 'fundplan$' >/dev/null 2>&1; do sleep 0.01; done
        sleep 2
        awk '/VmRSS|RssAnon|RssFile|VmHWM/ {printf "%s %.1f MB  ", $1, $2 / 1024}' "/proc/$pid/status"
        kill -9 "$pid"
        wait "$pid" 2>/dev/null || true
        until ! xdotool search --name 'fundplan$' >/dev/null 2>&1; do sleep 0.01; done
    }
    echo
    for run in 1 2 3; do echo "- resident memory, bundled sample (run $run): $(rss "$bin")"; done
    for run in 1 2 3; do echo "- resident memory, plan-10000.ron (run $run): $(rss "$bin" "$plan")"; done
else
    echo "Xvfb or xdotool is missing (apt-get install xvfb xdotool): skipping the app's start and memory"
fi

# ---------------------------------------------------------------------------
# The spreadsheet workflow: LibreOffice reading the same plan as a workbook.
echo
if command -v soffice >/dev/null; then
    xlsx="$work/plan-10000.xlsx"
    "$bin" export --xlsx "$xlsx" "$plan" >/dev/null
    mkdir -p "$work/csv"
    lo=(soffice "-env:UserInstallation=file://$work/lo-profile" --headless --convert-to)
    all_sheets='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'
    hyperfine --style basic -w 1 -r 10 --export-json "$work/lo.json" \
        -n "soffice --headless --convert-to csv plan-10000.xlsx" \
        "${lo[*]} csv --outdir $work/csv $xlsx" \
        -n "soffice --headless --convert-to csv (all sheets, UTF-8) plan-10000.xlsx" \
        "${lo[*]} '$all_sheets' --outdir $work/csv $xlsx" \
        -n "fundplan validate plan-10000.ron" "$bin validate $plan"
    echo
    report "$work/lo.json"
    python3 - "$work/lo.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
fp = r[-1]["median"]
for lo in r[:-1]:
    print(f"- ratio (medians): `{lo['command']}` / `fundplan validate` = {lo['median'] / fp:.0f}×")
PY
else
    echo "soffice (LibreOffice) is missing: skipping the spreadsheet comparison"
fi
