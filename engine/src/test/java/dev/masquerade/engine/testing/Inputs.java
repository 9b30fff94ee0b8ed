package dev.masquerade.engine.testing;

import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated inputs of an operation: a layout, a seed for the values, whether the inputs are
 * stored permuted (non-contiguous), and whether values are simplified. Shrinking first makes
 * the layout smaller (same value seed), then stores the inputs contiguously, then rounds the
 * values.
 */
public record Inputs(Layout layout, List<Domain> domains, long valueSeed, boolean permuted, boolean simple) {

    /** Inputs over the layouts of {@code layouts}, input i drawing from domain i (the last domain repeats). */
    public static Gen<Inputs> over(Gen<Layout> layouts, List<Domain> domains) {
        return new Gen<>() {
            @Override
            public Inputs generate(SplittableRandom random) {
                Layout layout = layouts.generate(random);
                return new Inputs(layout, domains, random.nextLong(), random.nextBoolean(), false);
            }

            @Override
            public List<Inputs> shrink(Inputs in) {
                List<Inputs> out = new ArrayList<>();
                for (Layout smaller : layouts.shrink(in.layout())) {
                    out.add(new Inputs(smaller, domains, in.valueSeed(), in.permuted(), in.simple()));
                }
                if (in.permuted()) {
                    out.add(new Inputs(in.layout(), domains, in.valueSeed(), false, in.simple()));
                }
                if (!in.simple() && domains.stream().allMatch(Domain::canSimplify)) {
                    out.add(new Inputs(in.layout(), domains, in.valueSeed(), in.permuted(), true));
                }
                return out;
            }
        };
    }

    /** The domain of input i. */
    public Domain domain(int i) {
        return domains.get(Math.min(i, domains.size() - 1));
    }

    /** The inputs as host tensors (float64 or I32), the same every time for the same record. */
    public List<HostTensor> materialize() {
        SplittableRandom random = new SplittableRandom(valueSeed);
        List<HostTensor> out = new ArrayList<>();
        for (int i = 0; i < layout.shapes().size(); i++) {
            int[] shape = layout.shape(i);
            Domain domain = domain(i);
            double[] values = domain.values(random, Shape.numel(shape), layout, simple);
            int[] order = permuted && shape.length >= 2 ? randomPermutation(random, shape.length) : null;
            out.add(new HostTensor(values, shape, domain.dtype(DType.F64), order));
        }
        return out;
    }

    private static int[] randomPermutation(SplittableRandom random, int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = n - 1 - i; // reversed: never the identity for n >= 2
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    @Override
    public String toString() {
        return layout + " -> " + materialize();
    }
}
