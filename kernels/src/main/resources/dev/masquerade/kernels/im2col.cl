// im2col and col2im: convolution as matrix multiplication, on the device.
//
// cols[n, (c·kH + ky)·kW + kx, oy·oW + ox] = x[n, c, oy·sH − pH + ky·dH, ox·sW − pW + kx·dW]
// (0 where the window hangs over the padding). Work split: a 3-D range (chunk of a row of
// output pixels, oy, n·C + c); each work-item writes the kH·kW entries (rows of cols) of each
// of its `span` pixels, so the only divisions are the two that split n·C + c. On a CPU device
// span is the whole row (few work-items, each walking memory in order); on a GPU span is 1, so
// that neighbouring work-items write neighbouring addresses (coalesced stores).
// col2im is the adjoint: each input pixel sums the entries of cols that were read from it.
// Written as a gather over the taps that can reach the pixel, one work-item per pixel, it
// needs no atomic additions.

typedef struct {
    int batch, channels, h, w, kh, kw, oh, ow;
    int stride_h, stride_w, pad_h, pad_w, dil_h, dil_w;
} Geometry;

__kernel void im2col(__global float* cols, __global const float* x, Geometry g, int span) {
    int first = get_global_id(0) * span, oy = get_global_id(1), plane = get_global_id(2); // plane = n·C + c
    int last = min(first + span, g.ow);
    int n = plane / g.channels, c = plane % g.channels;
    int rows = g.channels * g.kh * g.kw;
    __global const float* image = x + (long) plane * g.h * g.w;
    for (int ky = 0; ky < g.kh; ky++) {
        int iy = oy * g.stride_h - g.pad_h + ky * g.dil_h;
        bool inside = iy >= 0 && iy < g.h;
        for (int kx = 0; kx < g.kw; kx++) {
            int row = (c * g.kh + ky) * g.kw + kx;
            __global float* out = cols + ((long) (n * rows + row) * g.oh + oy) * g.ow;
            for (int ox = first; ox < last; ox++) {
                int ix = ox * g.stride_w - g.pad_w + kx * g.dil_w;
                out[ox] = inside && ix >= 0 && ix < g.w ? image[iy * g.w + ix] : 0.0f;
            }
        }
    }
}

__kernel void col2im(__global float* x, __global const float* cols, Geometry g) {
    int id = get_global_id(0);
    if (id >= g.batch * g.channels * g.h * g.w) return;
    int ix = id % g.w, iy = (id / g.w) % g.h, c = (id / (g.w * g.h)) % g.channels, n = id / (g.w * g.h * g.channels);
    int rows = g.channels * g.kh * g.kw;
    int pixels = g.oh * g.ow;
    float sum = 0.0f;
    for (int ky = 0; ky < g.kh; ky++) {
        int ty = iy + g.pad_h - ky * g.dil_h; // = oy · stride_h when this tap reads the pixel
        if (ty < 0 || ty % g.stride_h != 0 || ty / g.stride_h >= g.oh) continue;
        for (int kx = 0; kx < g.kw; kx++) {
            int tx = ix + g.pad_w - kx * g.dil_w;
            if (tx < 0 || tx % g.stride_w != 0 || tx / g.stride_w >= g.ow) continue;
            int row = (c * g.kh + ky) * g.kw + kx;
            sum += cols[(n * rows + row) * pixels + (ty / g.stride_h) * g.ow + tx / g.stride_w];
        }
    }
    x[id] = sum;
}
