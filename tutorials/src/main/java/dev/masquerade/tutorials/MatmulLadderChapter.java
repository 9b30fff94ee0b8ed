package dev.masquerade.tutorials;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chapter 19, the OpenCL matmul ladder: for N = 1024, how many values each rung reads from
 * global and from local memory per multiply-add, from the kernels' tile parameters. (The
 * measured GFLOP/s the chapter quotes come from benchmarks/RESULTS.md, not from here: a test
 * cannot time a device.)
 */
public final class MatmulLadderChapter extends Chapter {
    static final int N = 1024;
    /** Rung 2's tile (TS in matmul_tiled.cl). */
    static final int TILE = 16;
    /** Rung 3's tile and work per item (TS and WPT in matmul_more_work.cl). */
    static final int WIDE_TILE = 32;
    static final int WORK_PER_ITEM = 8;
    /** Rung 4's tile and register block (TSM = TSN and WPTM = WPTN in matmul_register_blocked.cl). */
    static final int BLOCK_TILE = 64;
    static final int BLOCK = 4;
    /** The CPU kernel's default block (MR × NR in matmul_cpu.cl). */
    static final int CPU_ROWS = 6;
    static final int CPU_COLUMNS = 16;

    public MatmulLadderChapter() {
        super(19, "The OpenCL matmul ladder", "19-matmul-ladder.md");
    }

    // snippet: traffic
    /** Values read from global memory per multiply-add when each loaded value is reused {@code reuse} times. */
    static double globalReadsPerFma(int reuse) {
        return 2.0 / reuse;                         // one of A and one of B per multiply-add, shared by `reuse` of them
    }

    /** Values read from local memory per multiply-add by a work-item computing a rows × cols block of C. */
    static double localReadsPerFma(int rows, int cols) {
        return (double) (rows + cols) / (rows * cols); // rows values of A and cols of B feed rows·cols multiply-adds
    }
    // end snippet

    @Override
    public Map<String, Double> numbers() {
        double fmas = Math.pow(N, 3);
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("GFLOP", 2 * fmas / 1e9);
        numbers.put("rung 1 global per FMA", globalReadsPerFma(1));
        numbers.put("rung 1 global GB", globalReadsPerFma(1) * fmas * 4 / 1e9);
        numbers.put("rung 2 global per FMA", globalReadsPerFma(TILE));
        numbers.put("rung 2 local per FMA", localReadsPerFma(1, 1));
        numbers.put("rung 3 global per FMA", globalReadsPerFma(WIDE_TILE));
        numbers.put("rung 3 local per FMA", localReadsPerFma(WORK_PER_ITEM, 1));
        numbers.put("rung 4 global per FMA", globalReadsPerFma(BLOCK_TILE));
        numbers.put("rung 4 local per FMA", localReadsPerFma(BLOCK, BLOCK));
        numbers.put("cpu kernel reads per FMA", localReadsPerFma(CPU_ROWS, CPU_COLUMNS));
        return numbers;
    }
}
