package dev.masquerade.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Seamless cloning: the solution solves the screened Poisson equation; Poisson cloning proper
 * removes a colour shift of the source entirely; screening keeps some of it; a source equal to
 * the target is already the solution; outside the region the target is kept.
 */
class SeamlessCloneTest {
    private static final int S = 24;
    private static final Tensor REGION = Tensor.of(BlendMaskTest.square(S, 6, 18), 1, 1, S, S);

    @Tag("task-8.5")
    @Test
    void theSolutionSolvesTheScreenedPoissonEquation() {
        Tensor target = Tensor.rand(new Rng(1), 1, 3, S, S), source = Tensor.rand(new Rng(2), 1, 3, S, S);
        SeamlessClone.Solution solution = SeamlessClone.solve(target, source, REGION, 0.1, 1e-6, 2000);
        assertTrue(solution.residual() <= 1e-6, "converged: " + solution.residual());
        assertTrue(solution.iterations() < 200, "conjugate gradients on 144 unknowns a channel needs far fewer steps: " + solution.iterations());
        Tensor inside = REGION.expand(1, 3, S, S).contiguous(), outside = inside.neg().add(1);
        // (4 + λ) f − N(M f) = (4 + λ) g − N(g) + N((1 − M) t), on Ω
        Tensor f = solution.result();
        Tensor left = SeamlessClone.apply(f.mul(inside), inside, 0.1);
        Tensor right = source.mul(4.1).sub(SeamlessClone.neighbours(source)).add(SeamlessClone.neighbours(outside.mul(target))).mul(inside);
        assertArrayEquals(right.toFloatArray(), left.toFloatArray(), 1e-4f);
        assertArrayEquals(target.mul(outside).toFloatArray(), f.mul(outside).toFloatArray(), 0f, "outside the region the target stays");
    }

    @Tag("task-8.5")
    @Test
    void poissonCloningRemovesAColourShiftAndScreeningKeepsSomeOfIt() {
        Tensor target = Tensor.rand(new Rng(3), 1, 3, S, S).mul(0.5), shifted = target.add(0.3);
        Tensor poisson = SeamlessClone.solve(target, shifted, REGION, 0, 1e-7, 2000).result();
        assertArrayEquals(target.toFloatArray(), poisson.toFloatArray(), 1e-4f, "the source's gradients are the target's: the target comes back");
        Tensor screened = SeamlessClone.solve(target, shifted, REGION, 0.5, 1e-7, 2000).result();
        double centre = screened.sub(target).toFloatArray()[12 * S + 12];
        assertTrue(centre > 0.05 && centre < 0.3, "screening keeps part of the +0.3 in the middle of the region: " + centre);
    }

    @Tag("task-8.5")
    @Test
    void aSourceEqualToTheTargetIsAlreadyTheSolution() {
        Tensor target = Tensor.rand(new Rng(4), 1, 3, S, S);
        SeamlessClone.Solution solution = SeamlessClone.solve(target, target, REGION, 0.1, 1e-6, 100);
        assertEquals(0, solution.iterations());
        assertArrayEquals(target.toFloatArray(), solution.result().toFloatArray(), 1e-6f);
    }

    @Test
    void aNegativeScreeningIsRefused() {
        Tensor t = Tensor.zeros(1, 3, S, S);
        assertThrows(IllegalArgumentException.class, () -> SeamlessClone.solve(t, t, REGION, -1, 1e-6, 10));
    }
}
