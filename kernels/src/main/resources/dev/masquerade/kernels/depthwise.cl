// Depthwise convolution and its two gradients: x [N, C, H, W], w [C·m, 1, kH, kW],
// y [N, C·m, Ho, Wo], where output channel o = c·m + j reads input channel c = o / m alone:
//
//   y[n, o, oy, ox] = Σ over ky, kx of w[o, ky, kx] · x[n, o / m, oy·sH − pH + ky·dH, ox·sW − pW + kx·dW]
//
// (0 where the window hangs over the padding). One work-item per value written, each a
// gather, so none needs an atomic addition: the input gradient sums, over the taps that can
// have read its pixel, the output gradient times the tap's weight; the weight gradient sums
// the output gradient times the input its tap read, over every image and output pixel.

typedef struct {
    int batch, channels, h, w, multiplier, kh, kw, oh, ow;
    int stride_h, stride_w, pad_h, pad_w, dil_h, dil_w;
} Depthwise;

__kernel void depthwise_forward(__global float* y, __global const float* x, __global const float* w, Depthwise g) {
    int id = get_global_id(0), filters = g.channels * g.multiplier;
    if (id >= g.batch * filters * g.oh * g.ow) return;
    int ox = id % g.ow, oy = (id / g.ow) % g.oh, o = (id / (g.ow * g.oh)) % filters, n = id / (g.ow * g.oh * filters);
    __global const float* image = x + (long) (n * g.channels + o / g.multiplier) * g.h * g.w;
    __global const float* filter = w + o * g.kh * g.kw;
    float sum = 0.0f;
    for (int ky = 0; ky < g.kh; ky++) {
        int iy = oy * g.stride_h - g.pad_h + ky * g.dil_h;
        if (iy < 0 || iy >= g.h) continue;
        for (int kx = 0; kx < g.kw; kx++) {
            int ix = ox * g.stride_w - g.pad_w + kx * g.dil_w;
            if (ix >= 0 && ix < g.w) sum += filter[ky * g.kw + kx] * image[iy * g.w + ix];
        }
    }
    y[id] = sum;
}

__kernel void depthwise_backward_input(__global float* gx, __global const float* gy, __global const float* w, Depthwise g) {
    int id = get_global_id(0), filters = g.channels * g.multiplier;
    if (id >= g.batch * g.channels * g.h * g.w) return;
    int ix = id % g.w, iy = (id / g.w) % g.h, c = (id / (g.w * g.h)) % g.channels, n = id / (g.w * g.h * g.channels);
    float sum = 0.0f;
    for (int j = 0; j < g.multiplier; j++) {
        int o = c * g.multiplier + j;
        __global const float* grad = gy + (long) (n * filters + o) * g.oh * g.ow;
        for (int ky = 0; ky < g.kh; ky++) {
            int ty = iy + g.pad_h - ky * g.dil_h; // = oy · stride_h when this tap reads the pixel
            if (ty < 0 || ty % g.stride_h != 0 || ty / g.stride_h >= g.oh) continue;
            for (int kx = 0; kx < g.kw; kx++) {
                int tx = ix + g.pad_w - kx * g.dil_w;
                if (tx < 0 || tx % g.stride_w != 0 || tx / g.stride_w >= g.ow) continue;
                sum += grad[(ty / g.stride_h) * g.ow + tx / g.stride_w] * w[(o * g.kh + ky) * g.kw + kx];
            }
        }
    }
    gx[id] = sum;
}

__kernel void depthwise_backward_weight(__global float* gw, __global const float* x, __global const float* gy, Depthwise g) {
    int id = get_global_id(0), filters = g.channels * g.multiplier;
    if (id >= filters * g.kh * g.kw) return;
    int kx = id % g.kw, ky = (id / g.kw) % g.kh, o = id / (g.kw * g.kh);
    float sum = 0.0f;
    for (int n = 0; n < g.batch; n++) {
        __global const float* image = x + (long) (n * g.channels + o / g.multiplier) * g.h * g.w;
        __global const float* grad = gy + (long) (n * filters + o) * g.oh * g.ow;
        for (int oy = 0; oy < g.oh; oy++) {
            int iy = oy * g.stride_h - g.pad_h + ky * g.dil_h;
            if (iy < 0 || iy >= g.h) continue;
            for (int ox = 0; ox < g.ow; ox++) {
                int ix = ox * g.stride_w - g.pad_w + kx * g.dil_w;
                if (ix >= 0 && ix < g.w) sum += grad[oy * g.ow + ox] * image[iy * g.w + ix];
            }
        }
    }
    gw[id] = sum;
}
