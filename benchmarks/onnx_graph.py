#!/usr/bin/python3
"""Checks ONNX files that `masquerade export` wrote with the ONNX project's own checker
(Debian's python3-onnx), and draws one as a Graphviz picture.

    benchmarks/onnx_graph.py FILE.onnx...            check each (exit 1 if one fails)
    benchmarks/onnx_graph.py FILE.onnx --dot OUT.dot  also write the graph in DOT, for `dot -Tpng`

The checker validates the file against the ONNX specification: every operator of the
declared opset, its attributes and input counts, and (full_check) the shapes it infers from
the inputs through every node; it checks a copy in memory and leaves the file as it is. The
picture draws each node as a box (operator and its main attributes), each weight as a note
with its shape (scalars and integer shapes left out), and the graph's inputs and outputs as ovals.
"""
import argparse
import sys

try:
    import onnx
    from onnx import helper, numpy_helper
except ImportError:
    sys.exit("python3-onnx is missing; install it (as root) with: apt-get install -y python3-onnx")

SHOWN_ATTRIBUTES = {"kernel_shape", "strides", "alpha", "axis", "blocksize", "mode", "perm"}


def shape_of(value_info):
    dims = value_info.type.tensor_type.shape.dim
    return "×".join(d.dim_param or str(d.dim_value) for d in dims)


def shown(value):
    """An attribute as a reader wants it: 0.1, not 0.100000001490116 (floats are stored in 32 bits)."""
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, bytes):
        return value.decode()
    return value


def dot(model):
    graph = model.graph
    lines = ["digraph onnx {", "  rankdir=TB; node [fontname=Helvetica, fontsize=10]; edge [color=gray40];"]
    # float initialisers with more than one value: weights, biases, folded constants (not scalars, not int64 shapes and axes)
    weights = {init.name: "×".join(str(d) for d in init.dims) for init in graph.initializer
               if init.data_type == onnx.TensorProto.FLOAT and init.dims and max(init.dims) > 1}
    producers = {}
    for value in graph.input:
        lines.append(f'  "{value.name}" [shape=oval, style=filled, fillcolor=lightblue, label="{value.name}\\n{shape_of(value)}"];')
        producers[value.name] = value.name
    for i, node in enumerate(graph.node):
        node_id = f"node{i}"
        details = [f"{a.name}={shown(helper.get_attribute_value(a))}" for a in node.attribute if a.name in SHOWN_ATTRIBUTES]
        label = "\\n".join([node.op_type] + [d.replace('"', "'") for d in details])
        lines.append(f'  {node_id} [shape=box, style="rounded,filled", fillcolor=lightyellow, label="{label}"];')
        for name in node.input:
            if name in producers:
                lines.append(f'  "{producers[name]}" -> {node_id};')
            elif name in weights:
                weight_id = f"w_{name}"
                lines.append(f'  "{weight_id}" [shape=note, fontsize=8, label="{name}\\n{weights[name]}"];')
                lines.append(f'  "{weight_id}" -> {node_id} [style=dashed];')
        for name in node.output:
            producers[name] = node_id
    for value in graph.output:
        lines.append(f'  "out_{value.name}" [shape=oval, style=filled, fillcolor=lightpink, label="{value.name}\\n{shape_of(value)}"];')
        lines.append(f'  {producers[value.name]} -> "out_{value.name}";')
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="+")
    parser.add_argument("--dot", help="write the (first) file's graph as DOT here")
    args = parser.parse_args()
    failed = 0
    for path in args.files:
        try:
            model = onnx.load(path)
            # the model, not its path: onnx 1.12's check_model(path, full_check=True) writes the inferred shapes back into the file
            onnx.checker.check_model(model, full_check=True)
            weights = sum(numpy_helper.to_array(i).size for i in model.graph.initializer if i.data_type == onnx.TensorProto.FLOAT)
            print(f"{path}: valid (opset {model.opset_import[0].version}, IR {model.ir_version}, {len(model.graph.node)} nodes, "
                  f"{weights:,} float weights)")
        except Exception as e:  # the checker's own exception types differ between onnx versions
            print(f"{path}: INVALID: {e}")
            failed += 1
    if args.dot:
        with open(args.dot, "w") as f:
            f.write(dot(onnx.load(args.files[0])))
        print(f"wrote {args.dot}; draw it with: dot -Tpng {args.dot} -o graph.png")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
