// Matrix multiplication for CPU devices (PoCL): wide rows, no barriers.
//
// C[b] = A[b] · B[b] where the rows of B are contiguous (the backend copies B first when they
// are not). Work split: each work-item computes 8 neighbouring elements of one row of C with
// one float8 accumulator: per step of k, one element of A broadcast times 8 contiguous
// elements of B (vload8), fused multiply-add. A CPU has no local memory to gain from and
// pays for every barrier, so the GPU-style tiling of rung 2 is slower there; this kernel
// gives PoCL long, vectorisable, barrier-free loops instead. The last columns of a row that
// do not fill 8 are done one by one.

__kernel void matmul_cpu(__global float* C, __global const float* A, __global const float* B,
                         int M, int N, int K,
                         int aOffset, int aBatch, int aRow, int aCol,
                         int bOffset, int bBatch, int bRow) {
    int j = get_global_id(0) * 8;
    int i = get_global_id(1);
    int batch = get_global_id(2);
    if (i >= M || j >= N) return;
    const __global float* a = A + aOffset + batch * aBatch + i * aRow;
    const __global float* b = B + bOffset + batch * bBatch + j;
    __global float* c = C + (batch * M + i) * N + j;
    if (j + 8 <= N) {
        float8 acc = (float8)(0.0f);
        for (int p = 0; p < K; p++) {
            acc = fma((float8)(a[p * aCol]), vload8(0, b + p * bRow), acc);
        }
        vstore8(acc, 0, c);
    } else {
        for (int q = 0; q < N - j; q++) {
            float sum = 0.0f;
            for (int p = 0; p < K; p++) {
                sum = fma(a[p * aCol], b[p * bRow + q], sum);
            }
            c[q] = sum;
        }
    }
}
