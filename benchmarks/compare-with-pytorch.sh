#!/usr/bin/env bash
# Runs the engine's benchmarks and PyTorch's reference script in one sitting and prints
# engine/PyTorch throughput ratios (above 1 means the engine is faster). Writes the ratios to
# benchmarks/compare.json and the raw figures beside it (jmh.json, torch.json).
#
#   benchmarks/compare-with-pytorch.sh [--threads N] [--anchors DIR] [--quick]
#
# Installs nothing: when PyTorch or OpenBLAS is missing it says what to install and stops.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
anchors="$root/../shared/anchors"
threads=2
jmh_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --threads) threads="$2"; shift 2 ;;
    --anchors) anchors="$2"; shift 2 ;;
    --quick) jmh_args=(-wi 2 -w 1 -i 3 -r 1); shift ;;
    *) echo "usage: $0 [--threads N] [--anchors DIR] [--quick]" >&2; exit 2 ;;
  esac
done

python=/usr/bin/python3
if ! "$python" -c 'import torch' 2>/dev/null; then
  echo "PyTorch is missing. Install it (as root) with:" >&2
  echo "  apt-get install -y python3-torch libopenblas0-pthread" >&2
  exit 1
fi
if ! dpkg -s libopenblas0-pthread >/dev/null 2>&1; then
  echo "libopenblas0-pthread is missing: without it PyTorch uses the reference BLAS and its figures are" >&2
  echo "about 50x too slow. Install it (as root) with: apt-get install -y libopenblas0-pthread" >&2
  exit 1
fi
if [ ! -f "$anchors/torch_reference.py" ]; then
  echo "No torch_reference.py in $anchors; pass --anchors DIR" >&2
  exit 1
fi

jar="$here/target/benchmarks.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root" \( -name pom.xml -o -path '*/src/main/*' \) -newer "$jar" -print -quit)" ]; then
  echo "Building benchmarks.jar ..." >&2
  (cd "$root" && mvn -q -B -Dstyle.color=never -DskipTests install)
fi

echo "Engine (JMH, ${threads} threads) ..." >&2
java --add-modules jdk.incubator.vector -Dmasquerade.cpu.threads="$threads" -jar "$jar" \
  'Sgemm|Conv3x3|Elementwise' -jvmArgsAppend "-Dmasquerade.cpu.threads=$threads" \
  "${jmh_args[@]}" -rf json -rff "$here/jmh.json" >&2
echo "PyTorch (${threads} threads) ..." >&2
"$python" "$anchors/torch_reference.py" --threads "$threads" --json "$here/torch.json" >&2

"$python" - "$here/jmh.json" "$here/torch.json" "$here/compare.json" <<'PY'
import json, sys, platform, datetime
jmh_file, torch_file, out_file = sys.argv[1:]
runs = json.load(open(jmh_file))
torch = json.load(open(torch_file))

def ms(name, n=None):
    for r in runs:
        if r["benchmark"].endswith(name) and (n is None or r.get("params", {}).get("n") == str(n)):
            return r["primaryMetric"]["score"]  # ms per call
    raise SystemExit("no JMH result for " + name)

conv = 2 * 16 * 128 * 64 * 9 * 32 * 32
engine = {f"sgemm_{n}": 2 * n ** 3 / (ms("Sgemm.sgemm", n) / 1e3) / 1e9 for n in (256, 512, 1024, 2048)}
engine["conv3x3_fwd"] = conv / (ms("Conv3x3.forward") / 1e3) / 1e9
engine["conv3x3_fwd_bwd"] = 3 * conv / (ms("Conv3x3.forwardBackward") / 1e3) / 1e9
n = 16 * 1024 * 1024
add_gbs = 3 * 4 * n / (ms("Elementwise.add") / 1e3) / 1e9
copy_gbs = 2 * 4 * n / (ms("Elementwise.copyBandwidth") / 1e3) / 1e9

rows = []
ratios = {}
for key, value in engine.items():
    reference = torch[f"{key}_gflops"]
    ratios[key] = round(value / reference, 3)
    rows.append((key, f"{value:.1f}", f"{reference:.1f}", f"{ratios[key]:.2f}"))
print(f"\n{'workload':<18}{'engine GFLOP/s':>16}{'PyTorch GFLOP/s':>17}{'ratio':>8}")
for r in rows:
    print(f"{r[0]:<18}{r[1]:>16}{r[2]:>17}{r[3]:>8}")
print(f"\nelement-wise add, 16 M floats: {add_gbs:.1f} GB/s = {100 * add_gbs / copy_gbs:.0f}% of copy bandwidth ({copy_gbs:.1f} GB/s)")
result = {k: ratios[k] for k in ("sgemm_512", "sgemm_1024", "sgemm_2048", "conv3x3_fwd", "conv3x3_fwd_bwd")}
result["sgemm_256"] = ratios["sgemm_256"]
result["engine_gflops"] = {k: round(v, 1) for k, v in engine.items()}
result["torch_gflops"] = {k: torch[f"{k}_gflops"] for k in engine}
result["add_gbs"] = round(add_gbs, 2)
result["copy_gbs"] = round(copy_gbs, 2)
result["add_fraction_of_copy"] = round(add_gbs / copy_gbs, 3)
result["torch"] = torch.get("torch")
result["threads"] = torch.get("threads")
result["date"] = datetime.date.today().isoformat()
result["machine"] = platform.processor() or platform.machine()
json.dump(result, open(out_file, "w"), indent=1)
print(f"wrote {out_file}")
PY
