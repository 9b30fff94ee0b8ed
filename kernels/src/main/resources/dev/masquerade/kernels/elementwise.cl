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

// UnaryOp: the UNARY_* opcodes are defines made from the Java enum (Programs passes them to
// every build); LEAKY_RELU and POW take p0, CLAMP takes p0 and p1.
__kernel void unary(__global float* y, __global const float* x, Layout L, int op, float p0, float p1) {
    int g = get_global_id(0);
    if (g >= L.numel) return;
    int o[2];
    offsets_of(&L, g, 2, o);
    float v = x[o[1]];
    float r;
    switch (op) {
        case UNARY_NEG: r = -v; break;
        case UNARY_EXP: r = exp(v); break;
        case UNARY_LOG: r = log(v); break;
        case UNARY_SQRT: r = sqrt(v); break;
        case UNARY_ABS: r = fabs(v); break;
        case UNARY_SIGN: r = v > 0 ? 1.0f : (v < 0 ? -1.0f : 0.0f); break;
        case UNARY_STEP: r = v > 0 ? 1.0f : 0.0f; break;
        case UNARY_RELU: r = v > 0 ? v : 0.0f; break;
        case UNARY_LEAKY_RELU: r = v > 0 ? v : p0 * v; break;
        case UNARY_SIGMOID: { float e = exp(-fabs(v)); r = v >= 0 ? 1 / (1 + e) : e / (1 + e); break; }
        case UNARY_TANH: r = tanh(v); break;
        case UNARY_SOFTPLUS: r = fmax(v, 0.0f) + log1p(exp(-fabs(v))); break;
        case UNARY_POW: r = pow(v, p0); break;
        case UNARY_CLAMP: r = fmin(fmax(v, p0), p1); break;
        case UNARY_ERF: r = erf(v); break;
        default: r = NAN; break; // an opcode this file does not know: make it show
    }
    y[o[0]] = r;
}

// BinaryOp: the BINARY_* defines, made from the Java enum.
__kernel void binary(__global float* y, __global const float* a, __global const float* b, Layout L, int op) {
    int g = get_global_id(0);
    if (g >= L.numel) return;
    int o[3];
    offsets_of(&L, g, 3, o);
    float u = a[o[1]];
    float v = b[o[2]];
    float r;
    switch (op) {
        case BINARY_ADD: r = u + v; break;
        case BINARY_SUB: r = u - v; break;
        case BINARY_MUL: r = u * v; break;
        case BINARY_DIV: r = u / v; break;
        case BINARY_MAX: r = fmax(u, v); break;
        case BINARY_MIN: r = fmin(u, v); break;
        case BINARY_EQ: r = u == v; break;
        case BINARY_GT: r = u > v; break;
        case BINARY_GE: r = u >= v; break;
        case BINARY_LT: r = u < v; break;
        case BINARY_LE: r = u <= v; break;
        case BINARY_POW: r = pow(u, v); break;
        default: r = NAN; break;
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
