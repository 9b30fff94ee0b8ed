package dev.masquerade.translation;

import dev.masquerade.engine.Memory;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * CycleGAN's image pool (Shrivastava et al., 2017): the discriminator is shown, for each new
 * fake, either that fake or, half the time once the pool is full, one of the last
 * {@code capacity} fakes (which the new one then replaces). Judging a history rather than only
 * the generator's latest output keeps the two networks from chasing each other in circles. With
 * b fakes a step, a pooled fake stays about 1/(1 − (1 − 1/(2·capacity))^b) steps: 100 for one
 * fake a step, 13 for our batches of 8.
 * Tutorial: tutorials/25-cycle-consistency.md.
 */
public final class HistoryBuffer {
    /** CycleGAN's pool size. */
    public static final int CAPACITY = 50;
    private final int capacity;
    private final Rng rng;
    private final List<Tensor> pool = new ArrayList<>();

    public HistoryBuffer(int capacity, Rng rng) {
        if (capacity < 0) {
            throw new IllegalArgumentException("HistoryBuffer: capacity must be at least 0, got " + capacity);
        }
        this.capacity = capacity;
        this.rng = rng;
    }

    /** How many fakes the pool holds now. */
    public int size() {
        return pool.size();
    }

    /**
     * The batch [N, C, H, W] of fakes to show the discriminator in place of {@code fakes}
     * (detached: the pool holds no graph). With capacity 0, fakes themselves.
     */
    public Tensor exchange(Tensor fakes) {
        if (capacity == 0) {
            return fakes.detach();
        }
        // BEGIN SOLUTION task-9.4: per fake of the batch (detached; what the pool keeps goes in through kept()): while the pool is not full, keep it and show it; once full, with probability 0.5 (rng.uniform() < 0.5) show a random pooled fake (rng.nextInt(capacity)) and put the new one in its place, else show the new one; return the shown fakes as one batch (see tutorials/25-cycle-consistency.md)
        List<Tensor> shown = new ArrayList<>();
        for (int i = 0; i < fakes.size(0); i++) {
            Tensor fake = fakes.narrow(0, i, 1).detach();
            if (pool.size() < capacity) {
                pool.add(kept(fake));
                shown.add(fake);
            } else if (rng.uniform() < 0.5) {
                int j = rng.nextInt(capacity);
                shown.add(pool.get(j));
                pool.set(j, kept(fake));
            } else {
                shown.add(fake);
            }
        }
        return Tensor.concat(shown, 0);
        // END SOLUTION
    }

    /** A copy of one fake that outlives the step's memory scope (a slice would keep its whole batch alive). */
    private static Tensor kept(Tensor fake) {
        return Memory.persist(fake.clone());
    }
}
