// Gather, scatter-add and max pooling: the kernels that pick elements by position.
// All tensors here are contiguous (the backend copies strided views first).
//
// Gather reads, so one work-item per output element suffices. Scatter-add and the max-pool
// backward write sums; two sources may land on one destination, and OpenCL 1.2 has no atomic
// float addition. So each work-item owns a set of destinations (a column (o, i) for
// scatter-add, a whole plane for max pooling) and adds its sources to them in order.

// out[o, j, i] = x[o, index[o, j, i], i]; x has `full` entries along the axis, index `count`.
__kernel void gather(__global float* out, __global const float* x, __global const int* index,
                     int outer, int full, int count, int inner) {
    int g = get_global_id(0);
    if (g >= outer * count * inner) return;
    int i = g % inner;
    int o = g / (count * inner);
    out[g] = x[(o * full + index[g]) * inner + i];
}

// out[o, index[o, j, i], i] += src[o, j, i]; one work-item per column (o, i).
__kernel void scatter_add(__global float* out, __global const float* src, __global const int* index,
                          int outer, int full, int count, int inner) {
    int g = get_global_id(0);
    if (g >= outer * inner) return;
    int o = g / inner;
    int i = g % inner;
    for (int j = 0; j < count; j++) {
        int at = (o * count + j) * inner + i;
        out[(o * full + index[at]) * inner + i] += src[at];
    }
}

// One work-item per output element: the maximum of its window (padding never wins) and
// where it was, as h·W + w within the plane.
__kernel void max_pool(__global float* out, __global int* where, __global const float* x,
                       int planes, int h, int w, int oh, int ow, int kernel_size, int stride, int padding) {
    int g = get_global_id(0);
    if (g >= planes * oh * ow) return;
    int ox = g % ow;
    int oy = (g / ow) % oh;
    int p = g / (oh * ow);
    int y0 = max(oy * stride - padding, 0), y1 = min(oy * stride - padding + kernel_size, h);
    int x0 = max(ox * stride - padding, 0), x1 = min(ox * stride - padding + kernel_size, w);
    int best_at = y0 * w + x0;
    float best = x[p * h * w + best_at];
    for (int iy = y0; iy < y1; iy++) {
        for (int ix = x0; ix < x1; ix++) {
            float v = x[p * h * w + iy * w + ix];
            if (v > best) {
                best = v;
                best_at = iy * w + ix;
            }
        }
    }
    out[g] = best;
    where[g] = best_at;
}

// One work-item per plane: clears the plane's input gradient, then routes each output
// gradient to the position that won its window.
__kernel void max_pool_backward(__global float* grad_in, __global const float* grad_out, __global const int* where,
                                int planes, int plane_in, int plane_out) {
    int p = get_global_id(0);
    if (p >= planes) return;
    for (int k = 0; k < plane_in; k++) grad_in[p * plane_in + k] = 0.0f;
    for (int k = 0; k < plane_out; k++) grad_in[p * plane_in + where[p * plane_out + k]] += grad_out[p * plane_out + k];
}
