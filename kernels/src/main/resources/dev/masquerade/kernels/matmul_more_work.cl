// Matrix multiplication, rung 3 of the ladder: more work per work-item.
//
// C[b] = A[b] · B[b] for rank-3 strided operands, as rung 2. Work split: work-groups of
// TS × (TS/WPT) work-items, each work-group computing one TS×TS tile of C and each
// work-item WPT elements of it: one column, WPT rows spaced RTS = TS/WPT apart. What
// changes over rung 2: a work-item reads tileB[p][col] from local memory once and uses it
// for WPT multiply-adds from a register, so local-memory reads per multiply-add fall from 2
// to 1 + 1/WPT; its WPT independent sums also keep the arithmetic units busy while loads
// are in flight. The tile grows to 32×32 so each global load is reused 32 times. Edges are
// handled as in rung 2: zeros loaded outside the matrices, nothing stored outside C.
// TS and WPT are compile-time parameters (tuning is data: pass -DTS=… -DWPT=…).

#ifndef TS
#define TS 32
#endif
#ifndef WPT
#define WPT 8
#endif
#define RTS (TS / WPT)

__kernel void matmul_more_work(__global float* C, __global const float* A, __global const float* B,
                               int M, int N, int K,
                               int aOffset, int aBatch, int aRow, int aCol,
                               int bOffset, int bBatch, int bRow, int bCol) {
    __local float tileA[TS][TS];
    __local float tileB[TS][TS];
    int col = get_local_id(0), row = get_local_id(1);
    int j = get_group_id(0) * TS + col;
    int firstRow = get_group_id(1) * TS;
    int batch = get_global_id(2);
    const __global float* a = A + aOffset + batch * aBatch;
    const __global float* b = B + bOffset + batch * bBatch;
    float sum[WPT];
    for (int w = 0; w < WPT; w++) {
        sum[w] = 0.0f;
    }
    for (int t = 0; t < K; t += TS) {
        for (int w = 0; w < WPT; w++) {
            int r = row + w * RTS;
            int i = firstRow + r;
            tileA[r][col] = (i < M && t + col < K) ? a[i * aRow + (t + col) * aCol] : 0.0f;
            tileB[r][col] = (t + r < K && j < N) ? b[(t + r) * bRow + j * bCol] : 0.0f;
        }
        barrier(CLK_LOCAL_MEM_FENCE);
        // snippet: loop
        for (int p = 0; p < TS; p++) {
            float bValue = tileB[p][col];
            for (int w = 0; w < WPT; w++) {
                sum[w] = fma(tileA[row + w * RTS][p], bValue, sum[w]);
            }
        }
        // end snippet
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    for (int w = 0; w < WPT; w++) {
        int i = firstRow + row + w * RTS;
        if (i < M && j < N) {
            C[(batch * M + i) * N + j] = sum[w];
        }
    }
}
