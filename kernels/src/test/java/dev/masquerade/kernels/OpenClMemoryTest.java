package dev.masquerade.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Memory;
import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Device memory has an owner: with each training step in a {@link Memory} scope, the memory in
 * use after a step is the same after step 10 as after step 1,000, whatever Java's garbage
 * collector does, and everything a step allocated is given back when its scope closes.
 */
class OpenClMemoryTest {
    /** The device under test: opencl:0, or the one -Dmasquerade.opencl.device names (benchmarks/gpu-run.sh). */
    private static final Device OPENCL = Device.parse(System.getProperty("masquerade.opencl.device", "opencl:0"));

    @BeforeAll
    static void requireOpenCl() {
        OpenClAgreesWithCpuTest.requireOpenCl();
    }

    /** A small convolutional regressor, trained by SGD: conv 3×3 (1→8), relu, linear (8·8·8 → 1). */
    private static final class TinyModel {
        final Tensor convWeight;
        final Tensor convBias;
        final Tensor linearWeight;

        TinyModel(Rng rng) {
            convWeight = parameter(Tensor.randn(rng, 8, 1, 3, 3).mul(0.3));
            convBias = parameter(Tensor.zeros(8));
            linearWeight = parameter(Tensor.randn(rng, 8 * 8 * 8, 1).mul(0.05));
        }

        private static Tensor parameter(Tensor initial) {
            return Memory.persist(initial.to(OPENCL).requiresGrad(true));
        }

        /** One step: forward, mean squared error, backward, SGD update in place; returns the loss. */
        double step(Tensor images, Tensor targets) {
            Tensor features = images.conv2d(convWeight, convBias, 1, 1, 1).relu().reshape(images.size(0), -1);
            Tensor loss = features.matmul(linearWeight).sub(targets).pow(2).mean();
            loss.backward();
            try (var noGrad = NoGrad.enter()) {
                for (Tensor p : List.of(convWeight, convBias, linearWeight)) {
                    p.copyFrom(p.sub(p.grad().mul(0.01)));
                    p.zeroGrad();
                }
            }
            return loss.item();
        }
    }

    /**
     * Memory in use once the collector has found the garbage earlier tests left behind (the
     * safety net), so that nothing but this test's scopes changes the count from here on. The
     * Cleaner's thread hands buffers back some time after a collection, later on a busy
     * machine, so the count must hold still for several collections in a row.
     */
    private static long settledBytesInUse() throws InterruptedException {
        long now = Memory.bytesInUse(OPENCL);
        int unchanged = 0;
        for (int round = 0; round < 200 && unchanged < 5; round++) {
            System.gc();
            Thread.sleep(20);
            long next = Memory.bytesInUse(OPENCL);
            unchanged = next == now ? unchanged + 1 : 0;
            now = next;
        }
        return now;
    }

    @Test
    void aThousandTrainingStepsHoldTheSameDeviceMemory() throws InterruptedException {
        Rng rng = new Rng(3);
        TinyModel model = new TinyModel(rng);
        Tensor images = Tensor.randn(rng, 4, 1, 8, 8).to(OPENCL);
        Tensor targets = Tensor.randn(rng, 4, 1).to(OPENCL);
        long beforeTraining = settledBytesInUse();
        List<Long> inUse = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        for (int step = 0; step < 1000; step++) {
            try (Memory.Scope scope = Memory.scope()) {
                losses.add(model.step(images, targets));
            }
            inUse.add(Memory.bytesInUse(OPENCL));
        }
        assertEquals(beforeTraining, inUse.get(0), "the first step leaves nothing behind");
        long highest = inUse.stream().mapToLong(Long::longValue).max().orElseThrow();
        long lowest = inUse.stream().mapToLong(Long::longValue).min().orElseThrow();
        assertEquals(lowest, highest, "device memory in use after each of 1,000 steps: from " + lowest + " to " + highest + " bytes");
        assertTrue(losses.get(999) < losses.get(0) / 2, "the model learned: loss " + losses.get(0) + " -> " + losses.get(999));
    }

    @Test
    void aStepAllocatesMemoryAndItsScopeGivesItAllBack() throws InterruptedException {
        Tensor images = Tensor.randn(new Rng(4), 16, 3, 32, 32).to(OPENCL);
        Tensor weight = Tensor.randn(new Rng(5), 8, 3, 3, 3).to(OPENCL);
        long before = settledBytesInUse();
        long during;
        try (Memory.Scope scope = Memory.scope()) {
            Tensor y = images.conv2d(weight, null, 1, 1, 1).relu();
            during = Memory.bytesInUse(OPENCL);
            assertTrue(y.sum().item() > 0);
        }
        assertTrue(during >= before + 16L * 8 * 32 * 32 * 4, "the output alone needs 512 KiB: " + (during - before) + " bytes held");
        assertEquals(before, Memory.bytesInUse(OPENCL));
    }
}
