// Sum or maximum over a set of axes.
//
// Work split (reduce): one work-item per output element. The `outer` layout walks the output (shape
// with the reduced axes kept as size 1): operand 0 is the output, operand 1 the input, so
// operand 1's offset for output g is where the input's block for output g starts. The `block` layout
// walks that block: its shape is the reduced axes' sizes and operand 0 the input's strides
// along them. Each work-item adds (or takes the maximum of) its block in order, so results
// do not depend on the device.
//
// reduce_grouped is for GPUs, where a few outputs with large blocks (a loss's mean, a
// batch-norm's statistics) would leave all but a handful of work-items idle: `slices`
// work-groups per output, each work-item taking every (GROUP·slices)-th element of the block
// (so that a work-group's GROUP reads at each step are neighbours: coalesced), then the
// partial results halved in local memory until one is left (a tree: log2(GROUP) steps). With
// one slice the result goes to the output; with more (one output of two million elements
// would otherwise keep a single multiprocessor busy while the others idle) work-group g
// writes its partial result to out[g], an [outputs × slices] buffer that a second reduction
// over the slices finishes.

#include "layout.cl"

// op: REDUCE_SUM or REDUCE_MAX, defines made from the engine's ReduceOp
__kernel void reduce(__global float* out, __global const float* x, Layout outer, Layout block, int op) {
    int g = get_global_id(0);
    if (g >= outer.numel) return;
    int o[2];
    offsets_of(&outer, g, 2, o);
    float acc = op == REDUCE_SUM ? 0.0f : -INFINITY;
    for (int r = 0; r < block.numel; r++) {
        int b[1];
        offsets_of(&block, r, 1, b);
        float v = x[o[1] + b[0]];
        acc = op == REDUCE_SUM ? acc + v : fmax(acc, v);
    }
    out[o[0]] = acc;
}

#ifndef GROUP
#define GROUP 256
#endif

__kernel void reduce_grouped(__global float* out, __global const float* x, Layout outer, Layout block, int op, int slices) {
    __local float partial[GROUP];
    int g = get_group_id(0), lid = get_local_id(0);
    int o[2];
    offsets_of(&outer, g / slices, 2, o);
    float acc = op == REDUCE_SUM ? 0.0f : -INFINITY;
    for (int r = (g % slices) * GROUP + lid; r < block.numel; r += GROUP * slices) {
        int b[1];
        offsets_of(&block, r, 1, b);
        float v = x[o[1] + b[0]];
        acc = op == REDUCE_SUM ? acc + v : fmax(acc, v);
    }
    partial[lid] = acc;
    barrier(CLK_LOCAL_MEM_FENCE);
    // (width, not half: half is a type in OpenCL C)
    for (int width = GROUP / 2; width > 0; width /= 2) {
        if (lid < width) {
            partial[lid] = op == REDUCE_SUM ? partial[lid] + partial[lid + width] : fmax(partial[lid], partial[lid + width]);
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (lid == 0) {
        out[slices == 1 ? o[0] : g] = partial[0];
    }
}
