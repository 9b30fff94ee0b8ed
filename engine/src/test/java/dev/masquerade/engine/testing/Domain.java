package dev.masquerade.engine.testing;

import dev.masquerade.engine.array.DType;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;

/**
 * Where an input's values come from. Gradient checks need care at kinks: finite differences
 * across relu's or abs's corner, or across a tie in max, measure a slope that no one-sided
 * derivative has. So a domain can keep its values a margin away from given points
 * ({@link #avoiding}) or pairwise apart ({@link #distinct}).
 */
public final class Domain {
    /** How far generated values stay from a kink. */
    public static final double KINK_MARGIN = 0.05;
    private static final double SIMPLE_GRID = 0.25;

    private enum Kind { REAL, MASK, INDEX }

    private final Kind kind;
    private final double low;
    private final double high;
    private final double[] kinks;
    private final boolean distinct;
    private final boolean constant;
    private final ToIntFunction<Layout> indexBound;

    private Domain(Kind kind, double low, double high, double[] kinks, boolean distinct, boolean constant, ToIntFunction<Layout> indexBound) {
        this.kind = kind;
        this.low = low;
        this.high = high;
        this.kinks = kinks;
        this.distinct = distinct;
        this.constant = constant;
        this.indexBound = indexBound;
    }

    /** Uniform real values in [low, high]. */
    public static Domain real(double low, double high) {
        return new Domain(Kind.REAL, low, high, new double[0], false, false, null);
    }

    /** The default: uniform in [-2, 2]. */
    public static Domain any() {
        return real(-2, 2);
    }

    /** 0/1 values that select, like a mask; such an input gets no gradient. */
    public static Domain mask() {
        return new Domain(Kind.MASK, 0, 1, new double[0], false, true, null);
    }

    /** I32 indices in [0, bound(layout)). */
    public static Domain indices(ToIntFunction<Layout> bound) {
        return new Domain(Kind.INDEX, 0, 0, new double[0], false, true, bound);
    }

    /** The same domain with values at least {@link #KINK_MARGIN} from each kink. */
    public Domain avoiding(double... points) {
        return new Domain(kind, low, high, points.clone(), distinct, constant, indexBound);
    }

    /** The same domain with pairwise distinct values (no ties), spread at least a grid step apart. */
    public Domain distinct() {
        return new Domain(kind, low, high, kinks, true, constant, indexBound);
    }

    /**
     * The same values, but the input is a constant of the operation (a loss's weights or mask,
     * say): it gets no gradient and none is checked.
     */
    public Domain constant() {
        return new Domain(kind, low, high, kinks, distinct, true, indexBound);
    }

    /** Whether inputs from this domain are differentiated. */
    public boolean differentiable() {
        return !constant;
    }

    /** The element type inputs from this domain have in a float64 check (I32 for indices). */
    public DType dtype(DType floatType) {
        return kind == Kind.INDEX ? DType.I32 : floatType;
    }

    /** n values for an input of the given layout; simple values lie on a coarse grid. */
    public double[] values(SplittableRandom random, int n, Layout layout, boolean simple) {
        double[] out = new double[n];
        switch (kind) {
            case MASK -> {
                for (int i = 0; i < n; i++) {
                    out[i] = random.nextBoolean() ? 1 : 0;
                }
            }
            case INDEX -> {
                int bound = indexBound.applyAsInt(layout);
                for (int i = 0; i < n; i++) {
                    out[i] = simple ? 0 : random.nextInt(bound);
                }
            }
            case REAL -> {
                if (distinct) {
                    fillDistinct(random, out);
                } else {
                    for (int i = 0; i < n; i++) {
                        out[i] = realValue(random, simple);
                    }
                }
            }
        }
        return out;
    }

    /** A random permutation of evenly spaced points, each jittered by under a third of the spacing. */
    private void fillDistinct(SplittableRandom random, double[] out) {
        int n = out.length;
        double spacing = (high - low) / n;
        for (int i = 0; i < n; i++) {
            out[i] = low + (i + 0.5) * spacing + (random.nextDouble() - 0.5) * spacing * 0.6;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
    }

    private double realValue(SplittableRandom random, boolean simple) {
        while (true) {
            double v = random.nextDouble(low, high);
            if (simple) {
                double rounded = Math.round(v / SIMPLE_GRID) * SIMPLE_GRID;
                if (rounded >= low && rounded <= high && clearOfKinks(rounded)) {
                    return rounded;
                }
            }
            if (clearOfKinks(v)) {
                return v;
            }
        }
    }

    private boolean clearOfKinks(double v) {
        for (double kink : kinks) {
            if (Math.abs(v - kink) < KINK_MARGIN) {
                return false;
            }
        }
        return true;
    }

    /** Whether this domain can offer simpler values when shrinking. */
    boolean canSimplify() {
        return !distinct;
    }
}
