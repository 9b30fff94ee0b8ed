// Matrix multiplication for CPU devices (PoCL): packed panels and a register-blocked micro-kernel.
//
// C[b] = A[b] · B[b], built the way a CPU BLAS builds it rather than the way a GPU kernel does.
// A CPU has no local memory to stage tiles in (PoCL's "local memory" is ordinary cached memory)
// and pays for every barrier, so this kernel has neither. What a CPU rewards is:
//
//  1. Reading memory in order. pack_panels first copies A into panels of MR rows and B into
//     panels of NR columns, each laid out k-major: [panel][k][MR] and [panel][k][NR]. The
//     micro-kernel then walks both panels straight through, one cache line after the next, for
//     any strides of the operands (a transposed operand costs nothing extra: it is just packed
//     with its strides swapped). Packing also pads the last panel with zeros, so the inner loop
//     has no edge cases; only the final store checks the edges of C.
//  2. Keeping the sums in registers. Each work-item computes an MR × NR block of C (6 × 16 by
//     default) in MR·NR/8 float8 accumulators: with AVX2's sixteen 8-wide registers, 12
//     accumulators, 2 values of B and 1 broadcast value of A fill them. Each step of k loads
//     MR + NR values and does MR·NR multiply-adds, so the loads no longer limit it: the FMA
//     units do.
//  3. Reuse in cache. Work-items next to each other along dimension 0 take the next MR rows
//     with the same panel of B, which therefore stays in the L2 cache while they run.
//
// MR and NV (NR = 8·NV) are compile-time defines; the backend's auto-tuner times a few choices
// on first use and caches the fastest per device (tutorials/19-matmul-ladder.md).

#ifndef MR
#define MR 6
#endif
#ifndef NV
#define NV 2
#endif
#define NR (8 * NV)

// Copies a rows × depth matrix (any strides, batched) into panels of `width` rows, k-major:
// packed[batch][panel][p][r] = src[batch][panel·width + r][p], zero beyond the last row.
// B is packed as Bᵀ (its columns are the panel's rows), so one kernel serves both operands.
__kernel void pack_panels(__global float* packed, __global const float* src, int rows, int depth, int width,
                          int offset, int batchStride, int rowStride, int depthStride) {
    int e = get_global_id(0);
    int panel = get_global_id(1);
    int batch = get_global_id(2);
    if (e >= depth * width) return;
    int p = e / width;
    int row = panel * width + e - p * width;
    float value = row < rows ? src[offset + batch * batchStride + row * rowStride + p * depthStride] : 0.0f;
    packed[((long) batch * get_global_size(1) + panel) * depth * width + e] = value;
}

// One MR × NR block of C per work-item: block row get_global_id(0), block column
// get_global_id(1), batch get_global_id(2). aPanels/bPanels: panels per batch of each packed
// operand, or 0 when one packed operand serves every batch (a convolution's weights).
__kernel void matmul_cpu(__global float* C, __global const float* packedA, __global const float* packedB,
                         int M, int N, int K, int rowPanels, int aPanels, int bPanels) {
    int rowPanel = get_global_id(0);
    int colPanel = get_global_id(1);
    int batch = get_global_id(2);
    if (rowPanel >= rowPanels) return;
    const __global float* a = packedA + ((long) batch * aPanels + rowPanel) * K * MR;
    const __global float* b = packedB + ((long) batch * bPanels + colPanel) * K * NR;
    float8 acc[MR][NV];
    #pragma unroll
    for (int r = 0; r < MR; r++) {
        #pragma unroll
        for (int v = 0; v < NV; v++) acc[r][v] = (float8)(0.0f);
    }
    // snippet: loop
    for (int p = 0; p < K; p++) {
        float8 rowOfB[NV];
        #pragma unroll
        for (int v = 0; v < NV; v++) rowOfB[v] = vload8(v, b);
        #pragma unroll
        for (int r = 0; r < MR; r++) {
            float8 valueOfA = (float8)(a[r]);
            #pragma unroll
            for (int v = 0; v < NV; v++) acc[r][v] = fma(valueOfA, rowOfB[v], acc[r][v]);
        }
        a += MR;
        b += NR;
    }
    // end snippet
    int i0 = rowPanel * MR, j0 = colPanel * NR;
    __global float* c = C + ((long) batch * M + i0) * N + j0;
    if (i0 + MR <= M && j0 + NR <= N) {
        #pragma unroll
        for (int r = 0; r < MR; r++) {
            #pragma unroll
            for (int v = 0; v < NV; v++) vstore8(acc[r][v], v, c + r * N);
        }
    } else { // the block overhangs C: store through a row buffer, only the elements inside
        for (int r = 0; r < MR && i0 + r < M; r++) {
            float row[NR];
            for (int v = 0; v < NV; v++) vstore8(acc[r][v], v, row);
            for (int q = 0; q < NR && j0 + q < N; q++) c[r * N + q] = row[q];
        }
    }
}
