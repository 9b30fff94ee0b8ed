// Matrix multiplication, rung 2 of the ladder: tiles in local memory.
//
// C[b] = A[b] · B[b] for rank-3 strided operands. Work split: work-groups of TS×TS
// work-items, each computing one TS×TS tile of C, one element per work-item. What changes
// over rung 1: the work-group walks k in steps of TS, first copying a TS×TS tile of A and one
// of B into local memory (each work-item loads one element of each), then every work-item
// reads its row and column from there. Each element loaded from global memory is reused TS
// times, so global traffic drops by a factor of TS. Edges are handled by loading zeros
// outside the matrices and not storing outside C.

#ifndef TS
#define TS 16
#endif

__kernel void matmul_tiled(__global float* C, __global const float* A, __global const float* B,
                           int M, int N, int K,
                           int aOffset, int aBatch, int aRow, int aCol,
                           int bOffset, int bBatch, int bRow, int bCol) {
    __local float tileA[TS][TS];
    __local float tileB[TS][TS];
    int col = get_local_id(0), row = get_local_id(1);
    int j = get_group_id(0) * TS + col;
    int i = get_group_id(1) * TS + row;
    int batch = get_global_id(2);
    const __global float* a = A + aOffset + batch * aBatch;
    const __global float* b = B + bOffset + batch * bBatch;
    float sum = 0.0f;
    // snippet: loop
    // BEGIN SOLUTION task-3.2: walk k a tile at a time: each work-item loads one element of A's tile and one of B's into local memory (zeros outside the matrices), the group waits at a barrier, each work-item adds its row of tileA times its column of tileB to sum, and waits again before the next tile overwrites them (see tutorials/19-matmul-ladder.md)
    for (int t = 0; t < K; t += TS) {
        tileA[row][col] = (i < M && t + col < K) ? a[i * aRow + (t + col) * aCol] : 0.0f;
        tileB[row][col] = (t + row < K && j < N) ? b[(t + row) * bRow + j * bCol] : 0.0f;
        barrier(CLK_LOCAL_MEM_FENCE);
        for (int p = 0; p < TS; p++) {
            sum = fma(tileA[row][p], tileB[p][col], sum);
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    // END SOLUTION
    // end snippet
    if (i < M && j < N) {
        C[(batch * M + i) * N + j] = sum;
    }
}
