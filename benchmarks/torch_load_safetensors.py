#!/usr/bin/python3
"""Loads weights that `masquerade export --format safetensors --reference` wrote into the
PyTorch twin of the same model (shared/anchors/torch_reference.py) and shows that the twin
gives the engine's outputs on the engine's reference input.

    benchmarks/torch_load_safetensors.py --model faceswap_small --weights out/faceswap.safetensors
        [--anchors ../shared/anchors]

--model is fashion_cnn (the classifier), dcgan28 (the GAN's generator and discriminator) or
faceswap_small (the face swap without masks: encoder, then decoder B is a_to_b). The reference
files STEM.PART.NAME.npy lie beside the weights (export with --reference). --anchors is the
project's shared anchors folder, ../shared/anchors beside the repository by default. Prints
the largest difference per output and exits 1 when one is above 1e-4 of the output's largest
magnitude.

The safetensors file is read by hand (an 8-byte header length, a JSON header, raw values), as
Debian packages no `safetensors` module: the layout is simple enough to show in twenty lines.
"""
import argparse
import json
import os
import struct
import sys

import numpy as np
import torch

DTYPES = {"F32": np.float32, "F64": np.float64, "I32": np.int32}


def read_safetensors(path):
    """{name: tensor} from a safetensors file."""
    with open(path, "rb") as f:
        data = f.read()
    (header_length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + header_length])
    start = 8 + header_length
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        begin, end = entry["data_offsets"]
        values = np.frombuffer(data[start + begin:start + end], dtype=DTYPES[entry["dtype"]])
        tensors[name] = torch.from_numpy(values.reshape(entry["shape"]).copy())
    return tensors


# The reference files each model's check reads: (part, value name).
REFERENCES = {
    "fashion_cnn": [("classifier", "images"), ("classifier", "logits")],
    "dcgan28": [("generator", "noise"), ("generator", "samples"), ("discriminator", "samples"), ("discriminator", "logits")],
    "faceswap_small": [("a_to_b", "faces"), ("a_to_b", "swapped"), ("b_to_a", "faces"), ("b_to_a", "swapped")],
}

# What each twin is, for the message when the weights do not fit it.
TWINS = {
    "fashion_cnn": "the Fashion-MNIST classifier of 'masquerade classify'",
    "dcgan28": "the DCGAN of 'masquerade gan train' on Fashion-MNIST with transposed convolutions (the default upsampling)",
    "faceswap_small": "the face swap of 'masquerade faceswap train' at its defaults: 64 pixels, width 64, code 512, no --masks"
                      " (the demo's is narrower)",
}


def load_into(module, state, prefix, model):
    """Loads the tensors under prefix into module; only PyTorch's own counters may be missing."""
    part = {k[len(prefix):]: v for k, v in state.items() if k.startswith(prefix)}
    try:
        result = module.load_state_dict(part, strict=False)
    except RuntimeError as e:
        first = next((line.strip() for line in str(e).splitlines() if "size mismatch" in line), str(e).splitlines()[0])
        sys.exit(f"these weights do not fit torch_reference.{model}(), {TWINS[model]}: {first}")
    missing = [k for k in result.missing_keys if not k.endswith("num_batches_tracked")]
    if missing or result.unexpected_keys:
        sys.exit(f"{prefix or 'model'}: missing {missing}, unexpected {result.unexpected_keys}")
    module.eval()
    return len(part)


def compare(name, expected_file, actual):
    expected = torch.from_numpy(np.load(expected_file))
    difference = (expected - actual).abs().max().item()
    relative = difference / max(expected.abs().max().item(), 1e-30)
    print(f"  {name}: {tuple(actual.shape)}, largest difference {difference:.3g} ({relative:.3g} of the largest output)")
    return relative


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True, choices=["fashion_cnn", "dcgan28", "faceswap_small"])
    parser.add_argument("--weights", required=True)
    parser.add_argument("--anchors", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "anchors"))
    args = parser.parse_args()
    sys.path.insert(0, args.anchors)
    try:
        import torch_reference as ref
    except ImportError:
        sys.exit(f"no torch_reference.py in {os.path.abspath(args.anchors)}: pass --anchors with the project's shared anchors"
                 " (the folder ../shared/anchors beside the repository)")

    torch.manual_seed(0)
    state = read_safetensors(args.weights)
    stem = args.weights[:-len(".safetensors")]

    def reference(part, name):
        return f"{stem}.{part}.{name}.npy"

    def tensor(part, name):
        return torch.from_numpy(np.load(reference(part, name)))

    missing = [f for f in [reference(p, n) for p, n in REFERENCES[args.model]] if not os.path.exists(f)]
    if missing:
        sys.exit(f"{missing[0]} is missing: export the weights with --reference, which writes the engine's input and outputs beside them")

    worst = 0.0
    with torch.no_grad():
        if args.model == "fashion_cnn":
            net = ref.fashion_cnn()
            print(f"loaded {load_into(net, state, '', args.model)} tensors into torch_reference.fashion_cnn()")
            worst = compare("classifier logits", reference("classifier", "logits"), net(tensor("classifier", "images")))
        elif args.model == "dcgan28":
            g, d = ref.dcgan28()
            n = load_into(g, state, "generator.", args.model) + load_into(d, state, "discriminator.", args.model)
            print(f"loaded {n} tensors into torch_reference.dcgan28()'s generator and discriminator")
            worst = max(compare("generator samples", reference("generator", "samples"), g(tensor("generator", "noise"))),
                        compare("discriminator logits", reference("discriminator", "logits"), d(tensor("discriminator", "samples"))))
        else:
            enc, dec_a, dec_b = ref.faceswap_small()
            n = load_into(enc, state, "encoder.", args.model) + load_into(dec_a, state, "decoderA.", args.model) + load_into(
                dec_b, state, "decoderB.", args.model)
            print(f"loaded {n} tensors into torch_reference.faceswap_small()'s encoder and two decoders")
            worst = max(compare("a_to_b swapped", reference("a_to_b", "swapped"), dec_b(enc(tensor("a_to_b", "faces")))),
                        compare("b_to_a swapped", reference("b_to_a", "swapped"), dec_a(enc(tensor("b_to_a", "faces")))))
    if worst > 1e-4:
        sys.exit(f"the PyTorch twin differs from the engine by {worst:.3g} of the largest output, more than 1e-4")
    print("the PyTorch twin gives the engine's outputs")


if __name__ == "__main__":
    main()
