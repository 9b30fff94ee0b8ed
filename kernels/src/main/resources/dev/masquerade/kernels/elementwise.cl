// Element-wise kernels on strided tensors: fill, copy, unary and binary functions, where.
//
// Work split: one work-item per output element. Each work-item turns its linear index
// (row-major over the output's shape) into one index per axis, and those into an offset into
// each operand through the operand's strides and offset (offsets_of in layout.cl), so every
// kernel reads and writes views (transposed, sliced, broadcast with stride 0) without a copy first.
// The opcodes are the ordinals of the engine's UnaryOp and BinaryOp enums.

#include "layout.cl"

__kernel void fill(__global float* out, Layout L, float value) {
    int g = get_global_id(0);
    if (g >= L.numel) return;
    int o[1];
    offsets_of(&L, g, 1, o);
    out[o[0]] = value;
}

__kernel void copy(__global float* dst, __global const float* src, Layout L) {
    int g = get_global_id(0);
    if (g >= L.numel) return;
    int o[2];
    offsets_of(&L, g, 2, o);
    dst[o[0]] = src[o[1]];
}

__kernel void copy_int(__global int* dst, __global const int* src, Layout L) {
    int g = get_global_id(0);
    if (g >= L.numel) return;
    int o[2];
    offsets_of(&L, g, 2, o);
    dst[o[0]] = src[o[1]];
}

// UnaryOp: NEG, EXP, LOG, SQRT, ABS, SIGN, STEP, RELU, LEAKY_RELU(p0), SIGMOID, TANH, SOFTPLUS, POW(p0), CLAMP(p0, p1)
__kernel void unary(__global float* y, __global const float* x, Layout L, int op, float p0, float p1) {
    int g = get_global_id(0);
    if (g >= L.numel) return;
    int o[2];
    offsets_of(&L, g, 2, o);
    float v = x[o[1]];
    float r;
    switch (op) {
        case 0: r = -v; break;
        case 1: r = exp(v); break;
        case 2: r = log(v); break;
        case 3: r = sqrt(v); break;
        case 4: r = fabs(v); break;
        case 5: r = v > 0 ? 1.0f : (v < 0 ? -1.0f : 0.0f); break;
        case 6: r = v > 0 ? 1.0f : 0.0f; break;
        case 7: r = v > 0 ? v : 0.0f; break;
        case 8: r = v > 0 ? v : p0 * v; break;
        case 9: { float e = exp(-fabs(v)); r = v >= 0 ? 1 / (1 + e) : e / (1 + e); break; }
        case 10: r = tanh(v); break;
        case 11: r = fmax(v, 0.0f) + log1p(exp(-fabs(v))); break;
        case 12: r = pow(v, p0); break;
        default: r = fmin(fmax(v, p0), p1); break;
    }
    y[o[0]] = r;
}

// BinaryOp: ADD, SUB, MUL, DIV, MAX, MIN, EQ, GT, GE, LT, LE
__kernel void binary(__global float* y, __global const float* a, __global const float* b, Layout L, int op) {
    int g = get_global_id(0);
    if (g >= L.numel) return;
    int o[3];
    offsets_of(&L, g, 3, o);
    float u = a[o[1]];
    float v = b[o[2]];
    float r;
    switch (op) {
        case 0: r = u + v; break;
        case 1: r = u - v; break;
        case 2: r = u * v; break;
        case 3: r = u / v; break;
        case 4: r = fmax(u, v); break;
        case 5: r = fmin(u, v); break;
        case 6: r = u == v; break;
        case 7: r = u > v; break;
        case 8: r = u >= v; break;
        case 9: r = u < v; break;
        default: r = u <= v; break;
    }
    y[o[0]] = r;
}

__kernel void where_select(__global float* y, __global const float* cond, __global const float* a, __global const float* b, Layout L) {
    int g = get_global_id(0);
    if (g >= L.numel) return;
    int o[4];
    offsets_of(&L, g, 4, o);
    y[o[0]] = cond[o[1]] != 0 ? a[o[2]] : b[o[3]];
}

// One Adam step in place (see dev.masquerade.engine.backend.AdamStep): operand 0 the
// parameter, 1 its gradient, 2 and 3 the first and second moment estimates.
__kernel void adam_update(__global float* p, __global const float* g, __global float* m, __global float* v, Layout L,
                          float beta1, float beta2, float step_size, float v_scale, float epsilon, float decay, float l2) {
    int i = get_global_id(0);
    if (i >= L.numel) return;
    int o[4];
    offsets_of(&L, i, 4, o);
    int pi = o[0], mi = o[2], vi = o[3];
    float grad = g[o[1]] + l2 * p[pi];
    float first = beta1 * m[mi] + (1.0f - beta1) * grad;
    float second = beta2 * v[vi] + (1.0f - beta2) * grad * grad;
    m[mi] = first;
    v[vi] = second;
    p[pi] = decay * p[pi] - step_size * first / (sqrt(second) * v_scale + epsilon);
}
