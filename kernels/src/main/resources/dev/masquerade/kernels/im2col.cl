// im2col and col2im: convolution as matrix multiplication, on the device.
//
// cols[n, (c·kH + ky)·kW + kx, oy·oW + ox] = x[n, c, oy·sH − pH + ky·dH, ox·sW − pW + kx·dW]
// (0 where the window hangs over the padding). One work-item per `span` output pixels of a row
// (n, c·kH·kW + …, oy): on a CPU device span is the whole row, so the index arithmetic
// (divisions) is paid once per row; on a GPU span is 1, so that neighbouring work-items write
// neighbouring addresses (coalesced stores) and there are enough of them to fill the device.
// col2im is the adjoint: each input pixel sums the entries of cols that were read from it.
// Written as a gather over the taps that can reach the pixel, one work-item per pixel, it
// needs no atomic additions.

typedef struct {
    int batch, channels, h, w, kh, kw, oh, ow;
    int stride_h, stride_w, pad_h, pad_w, dil_h, dil_w;
} Geometry;

__kernel void im2col(__global float* cols, __global const float* x, Geometry g, int span) {
    int rows = g.channels * g.kh * g.kw;
    int chunks = (g.ow + span - 1) / span;
    int id = get_global_id(0); // ((n · rows + row) · oh + oy) · chunks + chunk
    if (id >= g.batch * rows * g.oh * chunks) return;
    int line = id / chunks;
    int first = (id % chunks) * span, last = min(first + span, g.ow);
    int oy = line % g.oh;
    int row = (line / g.oh) % rows;
    int n = line / (g.oh * rows);
    int kx = row % g.kw, ky = (row / g.kw) % g.kh, c = row / (g.kw * g.kh);
    int iy = oy * g.stride_h - g.pad_h + ky * g.dil_h;
    __global float* out = cols + (long) line * g.ow;
    if (iy < 0 || iy >= g.h) {
        for (int ox = first; ox < last; ox++) out[ox] = 0.0f;
        return;
    }
    __global const float* in = x + ((n * g.channels + c) * g.h + iy) * g.w;
    for (int ox = first; ox < last; ox++) {
        int ix = ox * g.stride_w - g.pad_w + kx * g.dil_w;
        out[ox] = (ix >= 0 && ix < g.w) ? in[ix] : 0.0f;
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
