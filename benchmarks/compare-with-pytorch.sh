#!/usr/bin/env bash
# Runs the engine's benchmarks and PyTorch's reference script in one sitting and prints
# engine/PyTorch throughput ratios (above 1 means the engine is faster), including one
# faceswap_small, dcgan28, pix2pix, motion and voice swap training step (PyTorch ms / engine ms;
# the last three's PyTorch sides are benchmarks/pix2pix_torch.py, benchmarks/motion_torch.py and
# benchmarks/voiceswap_torch.py). Writes the ratios to
# benchmarks/compare.json and the raw figures beside it (jmh-R.json, torch-R.json).
#
#   benchmarks/compare-with-pytorch.sh [--threads N] [--rounds R] [--anchors DIR] [--quick] [--opencl]
#
# --opencl adds, in the same rounds, sgemm on the first OpenCL device with the kernel the
# engine chooses there (OpenClSgemm) and with CLBlast (ClBlastSgemm), as ratios to PyTorch's
# CPU sgemm and to CLBlast (keys opencl_sgemm_N and opencl_vs_clblast_N).
#
# Shared machines change speed from minute to minute, so the two sides run in alternating
# rounds (engine, PyTorch, engine, PyTorch, ...). Each round gives a ratio per workload and
# the result is the median over rounds.
#
# Installs nothing: when PyTorch or OpenBLAS is missing it says what to install and stops.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
anchors="$root/../shared/anchors"
threads=2
rounds=3
# Twelve warm-up seconds: until C2 has compiled the Vector API kernels (several seconds on two
# cores, while the benchmark competes with the compiler), they run through the API's Java
# fallback, 5 to 10 times slower; with 3 seconds, steps were still warming when measured.
jmh_args=(-wi 12 -w 1 -i 5 -r 1)
opencl=0
while [ $# -gt 0 ]; do
  case "$1" in
    --threads) threads="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --anchors) anchors="$2"; shift 2 ;;
    --quick) rounds=1; jmh_args=(-wi 6 -w 1 -i 3 -r 1); shift ;;
    --opencl) opencl=1; shift ;;
    *) echo "usage: $0 [--threads N] [--rounds R] [--anchors DIR] [--quick] [--opencl]" >&2; exit 2 ;;
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

source "$here/benchmarks-jar.sh"

for round in $(seq 1 "$rounds"); do
  echo "Round $round/$rounds: engine (JMH, ${threads} threads) ..." >&2
  java --add-modules jdk.incubator.vector -jar "$jar" \
    '\.(Sgemm|Conv3x3|Elementwise|FaceswapSmall|Dcgan28|Pix2PixStep|MotionStep|VoiceSwapStep)\.' -jvmArgsAppend "-Dmasquerade.cpu.threads=$threads" \
    "${jmh_args[@]}" -rf json -rff "$here/jmh-$round.json" >&2
  if [ "$opencl" = 1 ]; then
    echo "Round $round/$rounds: OpenCL, the engine's kernel and CLBlast ..." >&2
    java --add-modules jdk.incubator.vector -jar "$jar" '\.(OpenClSgemm|ClBlastSgemm)\.' -p kernel=cpu -p n=512,1024,2048 \
      "${jmh_args[@]}" -rf json -rff "$here/jmh-opencl-$round.json" >&2
  fi
  echo "Round $round/$rounds: PyTorch (${threads} threads) ..." >&2
  "$python" "$anchors/torch_reference.py" --threads "$threads" --json "$here/torch-$round.json" >&2
  "$python" "$here/pix2pix_torch.py" --threads "$threads" --json "$here/torch-pix2pix-$round.json" >&2
  "$python" "$here/motion_torch.py" --threads "$threads" --json "$here/torch-motion-$round.json" >&2
  "$python" "$here/voiceswap_torch.py" --threads "$threads" --json "$here/torch-voiceswap-$round.json" >&2
done

"$python" - "$here" "$rounds" "$here/compare.json" "$opencl" <<'PY'
import json, sys, platform, datetime, statistics, os
folder, rounds, out_file, opencl = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4] == "1"

def one_round(runs, torch):
    def ms(name, n=None):
        # The median of the measured iterations (ms per call), as the PyTorch script reports medians:
        # on a shared machine a median shrugs off the iterations another tenant slowed down.
        for r in runs:
            if r["benchmark"].endswith("." + name) and (n is None or r.get("params", {}).get("n") == str(n)):
                return statistics.median(v for fork in r["primaryMetric"]["rawData"] for v in fork)
        raise SystemExit("no JMH result for " + name)

    conv = 2 * 16 * 128 * 64 * 9 * 32 * 32
    engine = {f"sgemm_{n}": 2 * n ** 3 / (ms("Sgemm.sgemm", n) / 1e3) / 1e9 for n in (256, 512, 1024, 2048)}
    engine["conv3x3_fwd"] = conv / (ms("Conv3x3.forward") / 1e3) / 1e9
    engine["conv3x3_fwd_bwd"] = 3 * conv / (ms("Conv3x3.forwardBackward") / 1e3) / 1e9
    n = 16 * 1024 * 1024
    add_gbs = 3 * 4 * n / (ms("Elementwise.add") / 1e3) / 1e9
    copy_gbs = 2 * 4 * n / (ms("Elementwise.copyBandwidth") / 1e3) / 1e9

    # a training step is compared by time: ratio = PyTorch's ms / the engine's ms
    step = {"faceswap_small": ms("FaceswapSmall.step"), "dcgan28": ms("Dcgan28.step"), "pix2pix": ms("Pix2PixStep.step"),
            "motion": ms("MotionStep.step"), "voiceswap": ms("VoiceSwapStep.step")}
    return engine, add_gbs, copy_gbs, step, ms

per_round = []
for r in range(1, rounds + 1):
    runs = json.load(open(f"{folder}/jmh-{r}.json"))
    torch = json.load(open(f"{folder}/torch-{r}.json"))
    torch.update(json.load(open(f"{folder}/torch-pix2pix-{r}.json")))
    torch.update(json.load(open(f"{folder}/torch-motion-{r}.json")))
    torch.update(json.load(open(f"{folder}/torch-voiceswap-{r}.json")))
    if opencl:
        runs += json.load(open(f"{folder}/jmh-opencl-{r}.json"))
    engine, add_gbs, copy_gbs, step, ms = one_round(runs, torch)
    if opencl:
        for n in (512, 1024, 2048):
            engine[f"opencl_sgemm_{n}"] = 2 * n ** 3 / (ms("OpenClSgemm.sgemm", n) / 1e3) / 1e9
            engine[f"clblast_sgemm_{n}"] = 2 * n ** 3 / (ms("ClBlastSgemm.sgemm", n) / 1e3) / 1e9
    per_round.append({"engine": engine, "torch": {k: torch[f"{k.replace('opencl_', '').replace('clblast_', '')}_gflops"] for k in engine},
                      "engine_step_ms": step, "torch_step_ms": {k: torch[f"{k}_step_ms"] for k in step},
                      "add_gbs": add_gbs, "copy_gbs": copy_gbs, "torch_version": torch.get("torch"), "threads": torch.get("threads")})

keys = list(per_round[0]["engine"])
med = lambda values: statistics.median(values)
ratios = {k: round(med([r["engine"][k] / r["torch"][k] for r in per_round]), 3) for k in keys}
engine = {k: med([r["engine"][k] for r in per_round]) for k in keys}
reference = {k: med([r["torch"][k] for r in per_round]) for k in keys}
add_fraction = med([r["add_gbs"] / r["copy_gbs"] for r in per_round])
add_gbs = med([r["add_gbs"] for r in per_round])
copy_gbs = med([r["copy_gbs"] for r in per_round])

print(f"\nmedians over {rounds} alternating rounds")
print(f"{'workload':<18}{'engine GFLOP/s':>16}{'PyTorch GFLOP/s':>17}{'ratio':>8}   ratio per round")
for k in keys:
    each = " ".join(f"{r['engine'][k] / r['torch'][k]:.2f}" for r in per_round)
    print(f"{k:<18}{engine[k]:>16.1f}{reference[k]:>17.1f}{ratios[k]:>8.2f}   {each}")
steps = list(per_round[0]["engine_step_ms"])
step_ratios = {k: round(med([r["torch_step_ms"][k] / r["engine_step_ms"][k] for r in per_round]), 3) for k in steps}
print(f"\n{'training step':<18}{'engine ms':>16}{'PyTorch ms':>17}{'ratio':>8}")
for k in steps:
    print(f"{k:<18}{med([r['engine_step_ms'][k] for r in per_round]):>16.0f}{med([r['torch_step_ms'][k] for r in per_round]):>17.0f}{step_ratios[k]:>8.2f}")
print(f"\nelement-wise add, 16 M floats: {add_gbs:.1f} GB/s = {100 * add_fraction:.0f}% of copy bandwidth ({copy_gbs:.1f} GB/s, {per_round[0]['threads']} threads)")
result = {k: ratios[k] for k in ("sgemm_512", "sgemm_1024", "sgemm_2048", "conv3x3_fwd", "conv3x3_fwd_bwd")}
result["sgemm_256"] = ratios["sgemm_256"]
if opencl:
    for n in (512, 1024, 2048):
        result[f"opencl_sgemm_{n}"] = ratios[f"opencl_sgemm_{n}"]
        result[f"clblast_sgemm_{n}"] = ratios[f"clblast_sgemm_{n}"]
        over = med([r["engine"][f"opencl_sgemm_{n}"] / r["engine"][f"clblast_sgemm_{n}"] for r in per_round])
        result[f"opencl_vs_clblast_{n}"] = round(over, 2)
        print(f"OpenCL sgemm_{n}: the engine's kernel {engine[f'opencl_sgemm_{n}']:.1f} GFLOP/s = {over:.1f}x CLBlast "
              f"({engine[f'clblast_sgemm_{n}']:.1f}) and {ratios[f'opencl_sgemm_{n}']:.2f}x PyTorch's CPU sgemm")
result.update(step_ratios)
result["engine_gflops"] = {k: round(v, 1) for k, v in engine.items()}
result["torch_gflops"] = {k: round(v, 1) for k, v in reference.items()}
result["add_gbs"] = round(add_gbs, 2)
result["copy_gbs"] = round(copy_gbs, 2)
result["add_fraction_of_copy"] = round(add_fraction, 3)
result["rounds"] = per_round
result["torch"] = per_round[0]["torch_version"]
result["threads"] = per_round[0]["threads"]
result["date"] = datetime.date.today().isoformat()
result["machine"] = platform.processor() or platform.machine()
json.dump(result, open(out_file, "w"), indent=1)
print(f"wrote {out_file}")
PY
