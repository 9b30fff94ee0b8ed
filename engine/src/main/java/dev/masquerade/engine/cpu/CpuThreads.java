package dev.masquerade.engine.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * The CPU backend's one shared thread pool. Work is split over outer dimensions (batch, rows,
 * output channels). Small jobs run on the calling thread, because handing them to other
 * threads costs more than the loops themselves; a job started from inside the pool also runs
 * inline, so nested parallel loops neither deadlock nor oversubscribe the cores.
 */
final class CpuThreads {
    /** Below this many element-operations a job runs on the calling thread. */
    static final long INLINE_WORK = 1 << 15;
    private static final int THREADS = Math.max(1, Integer.getInteger("masquerade.cpu.threads",
            Runtime.getRuntime().availableProcessors()));
    private static final ForkJoinPool POOL = new ForkJoinPool(THREADS);

    private CpuThreads() {
    }

    /** A contiguous range [from, to) of work items. */
    @FunctionalInterface
    interface Range {
        void run(int from, int to);
    }

    /** Number of threads in the pool. */
    static int threads() {
        return THREADS;
    }

    /**
     * Runs {@code body} over [0, items), split into one range per thread when the job is big
     * enough ({@code items · workPerItem} at least {@link #INLINE_WORK}).
     */
    static void parallelFor(int items, long workPerItem, Range body) {
        int parts = Math.min(items, THREADS);
        if (parts <= 1 || (long) items * workPerItem < INLINE_WORK || ForkJoinTask.inForkJoinPool()) {
            if (items > 0) {
                body.run(0, items);
            }
            return;
        }
        List<ForkJoinTask<?>> tasks = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            int from = (int) ((long) items * p / parts);
            int to = (int) ((long) items * (p + 1) / parts);
            tasks.add(POOL.submit(() -> body.run(from, to)));
        }
        for (ForkJoinTask<?> task : tasks) {
            task.join();
        }
    }
}
