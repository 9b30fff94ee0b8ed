// Matrix multiplication, rung 4 of the ladder: 2-D register blocking with vector loads.
//
// C[b] = A[b] · B[b] for rank-3 strided operands, as rungs 2 and 3. Work split: work-groups
// of (TSN/WPTN) × (TSM/WPTM) work-items, each work-group computing a TSM×TSN tile of C and
// each work-item a WPTM×WPTN block of it (rows RTSM = TSM/WPTM apart, columns RTSN =
// TSN/WPTN apart). What changes over rung 3: the block is two-dimensional. For each step p
// along k a work-item loads WPTM values of A and WPTN values of B from local memory into
// registers and does WPTM·WPTN multiply-adds with them: local-memory reads per multiply-add
// fall from 1 + 1/WPT to 1/WPTN + 1/WPTM (here 1/2), and the WPTM·WPTN sums give the
// arithmetic units independent work. Tiles are staged four floats at a time, along whichever
// axis of the operand is contiguous in memory: along its rows for a plain operand, down its
// columns for a transposed view (Wᵀ in a convolution's backward pass), so that neighbouring
// work-items read neighbouring addresses either way (coalesced loads); with vload4 where the
// four values lie inside the matrix, element by element at the edges. TSM, TSN, TSK, WPTM and
// WPTN are compile-time parameters, so tuning is data (-DTSM=… and so on; TSM, TSN and TSK
// multiples of 4).
//
// With -DVECTOR_READS=1 (WPTM and WPTN multiples of 4) a work-item's rows and columns come in
// runs of four adjacent ones, each run 4·RTSM (4·RTSN) from the next, and the registers are
// filled with float4 reads from local memory: a quarter of the local-memory instructions, and
// neighbouring work-items still read neighbouring float4s (no bank conflicts). On GPUs whose
// local memory, not arithmetic, limits rung 4 this is the faster layout; the tuner decides.

#ifndef TSM
#define TSM 64
#endif
#ifndef TSN
#define TSN 64
#endif
#ifndef TSK
#define TSK 16
#endif
#ifndef WPTM
#define WPTM 4
#endif
#ifndef WPTN
#define WPTN 4
#endif
#ifndef VECTOR_READS
#define VECTOR_READS 0
#endif
#define RTSM (TSM / WPTM)
#define RTSN (TSN / WPTN)
#define THREADS (RTSM * RTSN)
// Row m and column n of a work-item's block, within the tile (tx, ty: the work-item's place in its work-group)
#if VECTOR_READS
#define BLOCK_ROW(m) (((m) / 4) * 4 * RTSM + ty * 4 + (m) % 4)
#define BLOCK_COL(n) (((n) / 4) * 4 * RTSN + tx * 4 + (n) % 4)
#else
#define BLOCK_ROW(m) (ty + (m) * RTSM)
#define BLOCK_COL(n) (tx + (n) * RTSN)
#endif

// Four consecutive values of a row of a matrix whose element (r, c) is m[r·rowStride + c·colStride],
// starting at column c, zero beyond the matrix (rows ≥ rows or columns ≥ cols).
inline float4 load4(const __global float* m, int r, int c, int rows, int cols, int rowStride, int colStride) {
    if (r >= rows) {
        return (float4)(0.0f);
    }
    if (colStride == 1 && c + 3 < cols) {
        return vload4(0, m + r * rowStride + c);
    }
    float4 v;
    v.s0 = c < cols ? m[r * rowStride + c * colStride] : 0.0f;
    v.s1 = c + 1 < cols ? m[r * rowStride + (c + 1) * colStride] : 0.0f;
    v.s2 = c + 2 < cols ? m[r * rowStride + (c + 2) * colStride] : 0.0f;
    v.s3 = c + 3 < cols ? m[r * rowStride + (c + 3) * colStride] : 0.0f;
    return v;
}

// Stores four values down a column of a local tile `width` wide: rows row … row+3 of column col.
inline void store4_down(__local float* tile, int width, int row, int col, float4 v) {
    tile[row * width + col] = v.s0;
    tile[(row + 1) * width + col] = v.s1;
    tile[(row + 2) * width + col] = v.s2;
    tile[(row + 3) * width + col] = v.s3;
}

__kernel void matmul_register_blocked(__global float* C, __global const float* A, __global const float* B,
                                      int M, int N, int K,
                                      int aOffset, int aBatch, int aRow, int aCol,
                                      int bOffset, int bBatch, int bRow, int bCol) {
    __local float tileA[TSK][TSM] __attribute__((aligned(16)));   // A's tile transposed: tileA[p][i] = A[i][p]
    __local float tileB[TSK][TSN] __attribute__((aligned(16)));
    int tx = get_local_id(0), ty = get_local_id(1);
    int id = ty * RTSN + tx;
    int firstRow = get_group_id(1) * TSM, firstCol = get_group_id(0) * TSN;
    int batch = get_global_id(2);
    const __global float* a = A + aOffset + batch * aBatch;
    const __global float* b = B + bOffset + batch * bBatch;
    float acc[WPTM][WPTN];
    for (int m = 0; m < WPTM; m++) {
        for (int n = 0; n < WPTN; n++) {
            acc[m][n] = 0.0f;
        }
    }
    for (int t = 0; t < K; t += TSK) {
        // A's tile is TSM rows × TSK columns: TSM·TSK/4 float4s, shared out among the work-items
        if (aCol == 1 || aRow != 1) { // four columns of a row at a time
            for (int q = id; q < TSM * TSK / 4; q += THREADS) {
                int r = q / (TSK / 4), c = (q % (TSK / 4)) * 4;
                store4_down(&tileA[0][0], TSM, c, r, load4(a, firstRow + r, t + c, M, K, aRow, aCol));
            }
        } else { // A is a transposed view, contiguous down its columns: four rows of a column at a time
            for (int q = id; q < TSM * TSK / 4; q += THREADS) {
                int c = q / (TSM / 4), r = (q % (TSM / 4)) * 4;
                vstore4(load4(a, t + c, firstRow + r, K, M, aCol, aRow), 0, &tileA[c][r]);
            }
        }
        // B's tile is TSK rows × TSN columns
        if (bCol == 1 || bRow != 1) { // four columns of a row at a time
            for (int q = id; q < TSK * TSN / 4; q += THREADS) {
                int r = q / (TSN / 4), c = (q % (TSN / 4)) * 4;
                vstore4(load4(b, t + r, firstCol + c, K, N, bRow, bCol), 0, &tileB[r][c]);
            }
        } else { // B is a transposed view: four rows of a column at a time
            for (int q = id; q < TSK * TSN / 4; q += THREADS) {
                int c = q / (TSK / 4), r = (q % (TSK / 4)) * 4;
                store4_down(&tileB[0][0], TSN, r, c, load4(b, firstCol + c, t + r, N, K, bCol, bRow));
            }
        }
        barrier(CLK_LOCAL_MEM_FENCE);
        // snippet: loop
        #pragma unroll
        for (int p = 0; p < TSK; p++) {
            float aReg[WPTM], bReg[WPTN];
            #if VECTOR_READS
            #pragma unroll
            for (int m = 0; m < WPTM; m += 4) {
                vstore4(*(__local const float4*) &tileA[p][BLOCK_ROW(m)], 0, &aReg[m]);
            }
            #pragma unroll
            for (int n = 0; n < WPTN; n += 4) {
                vstore4(*(__local const float4*) &tileB[p][BLOCK_COL(n)], 0, &bReg[n]);
            }
            #else
            #pragma unroll
            for (int m = 0; m < WPTM; m++) {
                aReg[m] = tileA[p][BLOCK_ROW(m)];
            }
            #pragma unroll
            for (int n = 0; n < WPTN; n++) {
                bReg[n] = tileB[p][BLOCK_COL(n)];
            }
            #endif
            #pragma unroll
            for (int m = 0; m < WPTM; m++) {
                #pragma unroll
                for (int n = 0; n < WPTN; n++) {
                    acc[m][n] = fma(aReg[m], bReg[n], acc[m][n]);
                }
            }
        }
        // end snippet
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    for (int m = 0; m < WPTM; m++) {
        int i = firstRow + BLOCK_ROW(m);
        for (int n = 0; n < WPTN; n++) {
            int j = firstCol + BLOCK_COL(n);
            if (i < M && j < N) {
                C[(batch * M + i) * N + j] = acc[m][n];
            }
        }
    }
}
