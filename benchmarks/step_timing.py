"""What the PyTorch twins of the engine's training-step benchmarks share: how a step is timed and reported."""
import argparse, json, statistics, time
import torch


def arguments():
    """--threads N and --json FILE; sets PyTorch's threads and seed 0."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--json")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    return args


def median_ms(fn, min_seconds=5, warmup=3, min_reps=5):
    """The median time of fn() in ms, after a warm-up, over at least min_reps calls and min_seconds."""
    for _ in range(warmup):
        fn()
    times, start = [], time.perf_counter()
    while len(times) < min_reps or time.perf_counter() - start < min_seconds:
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1e3


def report(name, step, parameters, args):
    """Times step, prints {name}_step_ms with the threads, torch version and parameter count, and writes it to --json."""
    out = {f"{name}_step_ms": round(median_ms(step), 1), "threads": torch.get_num_threads(), "torch": torch.__version__,
           f"{name}_params": parameters}
    print(json.dumps(out))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(out, f)
