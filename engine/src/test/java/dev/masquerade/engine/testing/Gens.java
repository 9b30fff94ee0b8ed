package dev.masquerade.engine.testing;

import dev.masquerade.engine.array.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Generators of shapes and layouts. Shapes shrink by dropping an axis or making one smaller;
 * parameter vectors shrink coordinate by coordinate towards their minimum.
 */
public final class Gens {
    private Gens() {
    }

    /** Shapes of rank minRank..maxRank with sizes minSize..maxSize. */
    public static Gen<int[]> shapes(int minRank, int maxRank, int minSize, int maxSize) {
        return new Gen<>() {
            @Override
            public int[] generate(SplittableRandom random) {
                int[] shape = new int[random.nextInt(minRank, maxRank + 1)];
                Arrays.setAll(shape, i -> random.nextInt(minSize, maxSize + 1));
                return shape;
            }

            @Override
            public List<int[]> shrink(int[] shape) {
                return shrinkShape(shape, minRank, minSize);
            }

            @Override
            public String toString() {
                return "shapes";
            }
        };
    }

    /** The default shapes of the harness: rank 0–4, sizes 1–5. */
    public static Gen<int[]> shapes() {
        return shapes(0, 4, 1, 5);
    }

    /** {@code count} inputs of one shape (rank 0–4, sizes 1–5). */
    public static Gen<Layout> sameShape(int count) {
        Gen<int[]> shapes = shapes();
        return new Gen<>() {
            @Override
            public Layout generate(SplittableRandom random) {
                return repeat(shapes.generate(random), count);
            }

            @Override
            public List<Layout> shrink(Layout layout) {
                return shapes.shrink(layout.shape(0)).stream().map(s -> repeat(s, count)).toList();
            }
        };
    }

    /**
     * {@code count} shapes that broadcast together under NumPy's rules: each is a suffix of a
     * common shape with some sizes replaced by 1. Pairs come from count 2, triples from 3.
     */
    public static Gen<Layout> broadcastable(int count) {
        Gen<int[]> full = shapes();
        return new Gen<>() {
            @Override
            public Layout generate(SplittableRandom random) {
                int[] common = full.generate(random);
                List<int[]> shapes = new ArrayList<>();
                for (int k = 0; k < count; k++) {
                    int rank = random.nextInt(common.length + 1);
                    int[] shape = Arrays.copyOfRange(common, common.length - rank, common.length);
                    for (int i = 0; i < shape.length; i++) {
                        if (random.nextInt(4) == 0) {
                            shape[i] = 1;
                        }
                    }
                    shapes.add(shape);
                }
                return Layout.of(shapes);
            }

            @Override
            public List<Layout> shrink(Layout layout) {
                List<Layout> out = new ArrayList<>();
                for (int k = 0; k < count; k++) {
                    for (int[] smaller : shrinkShape(layout.shape(k), 0, 1)) {
                        List<int[]> shapes = new ArrayList<>(layout.shapes());
                        shapes.set(k, smaller);
                        if (broadcasts(shapes)) {
                            out.add(Layout.of(shapes));
                        }
                    }
                }
                return out;
            }
        };
    }

    /**
     * Layouts computed from a parameter vector drawn between {@code min} and {@code max}
     * (inclusive) and accepted by {@code valid}; for operations whose shapes depend on each
     * other, such as matmul (m, k, n) or conv2d (batch, channels, size, kernel, stride...).
     */
    public static Gen<Layout> structured(int[] min, int[] max, Predicate<int[]> valid, Function<int[], List<int[]>> shapes) {
        return new Gen<>() {
            @Override
            public Layout generate(SplittableRandom random) {
                while (true) {
                    int[] params = new int[min.length];
                    Arrays.setAll(params, i -> random.nextInt(min[i], max[i] + 1));
                    if (valid.test(params)) {
                        return new Layout(params, shapes.apply(params));
                    }
                }
            }

            @Override
            public List<Layout> shrink(Layout layout) {
                List<Layout> out = new ArrayList<>();
                for (int i = 0; i < min.length; i++) {
                    if (layout.param(i) > min[i]) {
                        int[] params = layout.params().clone();
                        params[i]--;
                        if (valid.test(params)) {
                            out.add(new Layout(params, shapes.apply(params)));
                        }
                    }
                }
                return out;
            }
        };
    }

    /** A single input of the default shapes plus an axis parameter valid for it (rank ≥ 1). */
    public static Gen<Layout> shapeWithAxis() {
        return structured(new int[] {1, 1, 1, 1, 1, 0}, new int[] {4, 5, 5, 5, 5, 3},
                p -> p[5] < p[0],
                p -> List.of(Arrays.copyOfRange(p, 1, 1 + p[0])));
    }

    private static Layout repeat(int[] shape, int count) {
        List<int[]> shapes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            shapes.add(shape.clone());
        }
        return Layout.of(shapes);
    }

    private static boolean broadcasts(List<int[]> shapes) {
        try {
            int[] common = new int[0];
            for (int[] s : shapes) {
                common = Shape.broadcast("gen", common, s);
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<int[]> shrinkShape(int[] shape, int minRank, int minSize) {
        List<int[]> out = new ArrayList<>();
        if (shape.length > minRank) {
            for (int i = 0; i < shape.length; i++) {
                int[] dropped = new int[shape.length - 1];
                for (int j = 0, k = 0; j < shape.length; j++) {
                    if (j != i) {
                        dropped[k++] = shape[j];
                    }
                }
                out.add(dropped);
            }
        }
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] > minSize) {
                int[] smaller = shape.clone();
                smaller[i]--;
                out.add(smaller);
            }
        }
        return out;
    }
}
