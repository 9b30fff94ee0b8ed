// Matrix multiplication, rung 1 of the ladder: the naive kernel.
//
// C[b] = A[b] · B[b] for rank-3 strided operands. Work split: a 3-d range (N columns, M rows,
// batches); each work-item computes one element of C by a loop over k, reading a row of A
// and a column of B straight from global memory. Every element of A is read N times and
// every element of B M times, so this rung is limited by memory traffic; the next rungs keep
// tiles in local memory and registers to reuse what they load.

__kernel void matmul_naive(__global float* C, __global const float* A, __global const float* B,
                           int M, int N, int K,
                           int aOffset, int aBatch, int aRow, int aCol,
                           int bOffset, int bBatch, int bRow, int bCol) {
    int j = get_global_id(0);
    int i = get_global_id(1);
    int batch = get_global_id(2);
    if (i >= M || j >= N) return;
    const __global float* a = A + aOffset + batch * aBatch + i * aRow;
    const __global float* b = B + bOffset + batch * bBatch + j * bCol;
    float sum = 0.0f;
    // snippet: loop
    for (int p = 0; p < K; p++) {
        sum = fma(a[p * aCol], b[p * bRow], sum);
    }
    // end snippet
    C[(batch * M + i) * N + j] = sum;
}
