package dev.masquerade.engine.cpu;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The CPU backend's threads. Work is split over outer dimensions (batch, rows, output
 * channels) into one part per thread. The calling thread runs parts too, so a job needs only
 * {@code threads - 1} helpers from the pool; parts are claimed, not assigned, so a helper
 * that wakes late costs its part's time at most once, never a wait for a part nobody runs.
 * Small jobs run on the calling thread, because handing them to other threads costs more
 * than the loops themselves; a job started from inside a part also runs inline, so nested
 * parallel loops neither deadlock nor oversubscribe the cores.
 */
final class CpuThreads {
    /** Below this many element-operations a job runs on the calling thread. */
    static final long INLINE_WORK = 1 << 15;
    private static final int THREADS = Math.max(1, Integer.getInteger("masquerade.cpu.threads",
            Runtime.getRuntime().availableProcessors()));
    private static final ExecutorService HELPERS = Executors.newFixedThreadPool(Math.max(1, THREADS - 1), runnable -> {
        Thread thread = new Thread(runnable, "masquerade-cpu");
        thread.setDaemon(true);
        return thread;
    });
    /** Whether this thread is running a part of a parallel job (nested jobs then run inline). */
    private static final ThreadLocal<Boolean> IN_PART = ThreadLocal.withInitial(() -> false);

    private CpuThreads() {
    }

    /** A contiguous range [from, to) of work items. */
    @FunctionalInterface
    interface Range {
        void run(int from, int to);
    }

    /** Number of threads a job is split over, the calling thread included. */
    static int threads() {
        return THREADS;
    }

    /**
     * Runs {@code body} over [0, items), split into one range per thread when the job is big
     * enough ({@code items · workPerItem} at least {@link #INLINE_WORK}). Returns when every
     * range has run; an exception thrown by any range is rethrown here.
     */
    static void parallelFor(int items, long workPerItem, Range body) {
        int parts = Math.min(items, THREADS);
        if (parts <= 1 || (long) items * workPerItem < INLINE_WORK || IN_PART.get()) {
            if (items > 0) {
                body.run(0, items);
            }
            return;
        }
        AtomicInteger nextPart = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(parts);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable claimParts = () -> {
            IN_PART.set(true);
            try {
                for (int p; (p = nextPart.getAndIncrement()) < parts; finished.countDown()) {
                    try {
                        body.run((int) ((long) items * p / parts), (int) ((long) items * (p + 1) / parts));
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    }
                }
            } finally {
                IN_PART.set(false);
            }
        };
        for (int helper = 1; helper < parts; helper++) {
            HELPERS.execute(claimParts);
        }
        claimParts.run();
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the CPU backend's threads", e);
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }
}
