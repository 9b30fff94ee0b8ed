// Bilinear sampling of [N, C, H, W] pictures at points [N, Ho, Wo, 2] and its two gradients
// (CpuSampling is the reference). All tensors here are contiguous. A point (x, y) in [-1, 1]
// sits at pixel ((x + 1)·W − 1)/2: −1 is the outer edge of the first pixel; beyond the
// picture reads 0.
//
// The picture's gradient adds each sample's share to four pixels, and two samples may share a
// pixel; OpenCL 1.2 has no atomic float addition, so one work-item owns a whole plane and adds
// its samples in order. The points' gradient sums over channels: one work-item per point.

float pixel_at(__global const float* plane, int h, int w, int y, int x) {
    return (y >= 0 && y < h && x >= 0 && x < w) ? plane[y * w + x] : 0.0f;
}

void add_at(__global float* plane, int h, int w, int y, int x, float amount) {
    if (y >= 0 && y < h && x >= 0 && x < w) plane[y * w + x] += amount;
}

// One work-item per output element (n, c, k), k the point's index in its picture's Ho·Wo.
__kernel void grid_sample(__global float* out, __global const float* x, __global const float* grid,
                          int n, int c, int h, int w, int points) {
    int g = get_global_id(0);
    if (g >= n * c * points) return;
    int k = g % points;
    int p = g / points;
    __global const float* at = grid + 2 * ((p / c) * points + k);
    float ix = ((at[0] + 1.0f) * w - 1.0f) * 0.5f, iy = ((at[1] + 1.0f) * h - 1.0f) * 0.5f;
    int x0 = (int) floor(ix), y0 = (int) floor(iy);
    float tx = ix - x0, ty = iy - y0;
    __global const float* plane = x + p * h * w;
    out[g] = (1.0f - ty) * ((1.0f - tx) * pixel_at(plane, h, w, y0, x0) + tx * pixel_at(plane, h, w, y0, x0 + 1))
           + ty * ((1.0f - tx) * pixel_at(plane, h, w, y0 + 1, x0) + tx * pixel_at(plane, h, w, y0 + 1, x0 + 1));
}

// One work-item per plane (n, c): clears its gradient, then adds each sample's gradient to the
// four pixels it mixed, by the same weights.
__kernel void grid_sample_backward_input(__global float* grad_in, __global const float* grad_out, __global const float* grid,
                                         int n, int c, int h, int w, int points) {
    int p = get_global_id(0);
    if (p >= n * c) return;
    __global float* plane = grad_in + p * h * w;
    for (int i = 0; i < h * w; i++) plane[i] = 0.0f;
    for (int k = 0; k < points; k++) {
        __global const float* at = grid + 2 * ((p / c) * points + k);
        float ix = ((at[0] + 1.0f) * w - 1.0f) * 0.5f, iy = ((at[1] + 1.0f) * h - 1.0f) * 0.5f;
        int x0 = (int) floor(ix), y0 = (int) floor(iy);
        float tx = ix - x0, ty = iy - y0, g = grad_out[p * points + k];
        add_at(plane, h, w, y0, x0, (1.0f - ty) * (1.0f - tx) * g);
        add_at(plane, h, w, y0, x0 + 1, (1.0f - ty) * tx * g);
        add_at(plane, h, w, y0 + 1, x0, ty * (1.0f - tx) * g);
        add_at(plane, h, w, y0 + 1, x0 + 1, ty * tx * g);
    }
}

// One work-item per point (n, k): d out/d ix = (1 − ty)(v01 − v00) + ty(v11 − v10), likewise
// along y, summed over the channels with their gradients, times W/2 (H/2) to grid units.
__kernel void grid_sample_backward_grid(__global float* grad_grid, __global const float* grad_out, __global const float* x,
                                        __global const float* grid, int n, int c, int h, int w, int points) {
    int q = get_global_id(0);
    if (q >= n * points) return;
    int b = q / points, k = q % points;
    float ix = ((grid[2 * q] + 1.0f) * w - 1.0f) * 0.5f, iy = ((grid[2 * q + 1] + 1.0f) * h - 1.0f) * 0.5f;
    int x0 = (int) floor(ix), y0 = (int) floor(iy);
    float tx = ix - x0, ty = iy - y0, along_x = 0.0f, along_y = 0.0f;
    for (int ch = 0; ch < c; ch++) {
        int p = b * c + ch;
        __global const float* plane = x + p * h * w;
        float v00 = pixel_at(plane, h, w, y0, x0), v01 = pixel_at(plane, h, w, y0, x0 + 1);
        float v10 = pixel_at(plane, h, w, y0 + 1, x0), v11 = pixel_at(plane, h, w, y0 + 1, x0 + 1);
        float g = grad_out[p * points + k];
        along_x += g * ((1.0f - ty) * (v01 - v00) + ty * (v11 - v10));
        along_y += g * ((1.0f - tx) * (v10 - v00) + tx * (v11 - v01));
    }
    grad_grid[2 * q] = along_x * w * 0.5f;
    grad_grid[2 * q + 1] = along_y * h * 0.5f;
}
