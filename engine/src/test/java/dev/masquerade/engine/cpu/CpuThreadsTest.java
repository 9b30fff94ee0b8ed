package dev.masquerade.engine.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * The CPU backend's parallel loop: every item runs exactly once, failures reach the caller,
 * nested loops run inline, and a job finishes even when every helper thread is busy.
 */
class CpuThreadsTest {
    /** Enough work per item that the loop is split over threads. */
    private static final long BIG = CpuThreads.INLINE_WORK;

    @Test
    void everyItemRunsExactlyOnce() {
        for (int items : new int[] {0, 1, 2, 3, 7, 100, 1001}) {
            AtomicIntegerArray runs = new AtomicIntegerArray(items);
            CpuThreads.parallelFor(items, BIG, (from, to) -> {
                for (int i = from; i < to; i++) {
                    runs.incrementAndGet(i);
                }
            });
            for (int i = 0; i < items; i++) {
                assertEquals(1, runs.get(i), "item " + i + " of " + items);
            }
        }
    }

    @Test
    void aFailureInAnyPartIsRethrownToTheCaller() {
        IllegalStateException failure = new IllegalStateException("part failed");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> CpuThreads.parallelFor(64, BIG, (from, to) -> {
            if (to == 64) { // the last part, whichever thread runs it
                throw failure;
            }
        }));
        assertSame(failure, thrown);
    }

    @Test
    void aLoopInsideAPartRunsInlineAndFinishes() {
        AtomicIntegerArray runs = new AtomicIntegerArray(16 * 16);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CpuThreads.parallelFor(16, BIG, (from, to) -> {
            for (int outer = from; outer < to; outer++) {
                int row = outer;
                CpuThreads.parallelFor(16, BIG, (f, t) -> {
                    for (int inner = f; inner < t; inner++) {
                        runs.incrementAndGet(row * 16 + inner);
                    }
                });
            }
        }));
        for (int i = 0; i < runs.length(); i++) {
            assertEquals(1, runs.get(i));
        }
    }

    @Test
    void theCallerRunsThePartsThatNoHelperIsFreeFor() throws Exception {
        // A job on another thread keeps every helper busy until released...
        CountDownLatch release = new CountDownLatch(1);
        Thread blocker = new Thread(() -> CpuThreads.parallelFor(CpuThreads.threads(), BIG, (from, to) -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        blocker.start();
        try {
            // ...yet a second job finishes: its caller claims the parts the helpers cannot take.
            AtomicIntegerArray runs = new AtomicIntegerArray(100);
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CpuThreads.parallelFor(100, BIG, (from, to) -> {
                for (int i = from; i < to; i++) {
                    runs.incrementAndGet(i);
                }
            }));
            for (int i = 0; i < runs.length(); i++) {
                assertEquals(1, runs.get(i));
            }
        } finally {
            release.countDown();
            blocker.join();
        }
    }
}
