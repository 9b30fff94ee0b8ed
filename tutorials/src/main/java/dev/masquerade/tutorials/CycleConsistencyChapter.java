package dev.masquerade.tutorials;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.io.Images;
import dev.masquerade.translation.HistoryBuffer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chapter 25, cycle consistency: CycleGAN's losses, the instance normalisation and reflection
 * padding its generator is built from (the gradient of one, the border of the other), and how
 * old the fakes are that its pool shows the discriminators.
 */
public final class CycleConsistencyChapter extends Chapter {
    /** The worked example's plane of four pixels, and the upstream gradient on it. */
    static final double[] PLANE = {1, 2, 4, 9};
    static final double[] UPSTREAM = {1, 0, 0, 0};
    /** Steps of the pool simulation, after the pool has filled. */
    static final int POOL_STEPS = 20_000;

    public CycleConsistencyChapter() {
        super(25, "Cycle consistency", "25-cycle-consistency.md");
    }

    // snippet: by-hand
    /** Instance normalisation's gradient for one plane, written out: (g − mean g − x̂·mean(g·x̂)) / s. */
    static double[] gradientByHand(double[] x, double[] g) {
        int n = x.length;
        double mean = 0, variance = 0;
        for (double v : x) {
            mean += v / n;
        }
        for (double v : x) {
            variance += (v - mean) * (v - mean) / n;
        }
        double s = Math.sqrt(variance);             // ε = 0 here
        double meanG = 0, meanGxHat = 0;
        for (int i = 0; i < n; i++) {
            meanG += g[i] / n;
            meanGxHat += g[i] * (x[i] - mean) / s / n;
        }
        double[] dx = new double[n];
        for (int i = 0; i < n; i++) {
            dx[i] = (g[i] - meanG - (x[i] - mean) / s * meanGxHat) / s;
        }
        return dx;
    }
    // end snippet

    /** The same gradient by autograd through the composition (x − μ)/√σ², every step recorded. */
    static double[] gradientThroughTheComposition(double[] x, double[] g) {
        Tensor plane = Tensor.of(x, DType.F64, Device.CPU, 1, 1, 2, 2).requiresGrad(true);
        int[] axes = {2, 3};
        Tensor centred = plane.sub(plane.mean(axes, true));
        centred.div(centred.mul(centred).mean(axes, true).sqrt()).backward(Tensor.of(g, DType.F64, Device.CPU, 1, 1, 2, 2));
        return plane.grad().toDoubleArray();
    }

    /** The same gradient by the engine's instanceNorm, whose backward is the written-out formula. */
    static double[] gradientOfTheOperation(double[] x, double[] g) {
        Tensor plane = Tensor.of(x, DType.F64, Device.CPU, 1, 1, 2, 2).requiresGrad(true);
        plane.instanceNorm(0).backward(Tensor.of(g, DType.F64, Device.CPU, 1, 1, 2, 2));
        return plane.grad().toDoubleArray();
    }

    /** A 3×3 box blur of a white 6×6 picture, padded with zeros or by reflection: [corner, edge, centre]. */
    static double[] blurredWhite(boolean reflect) {
        Tensor white = Tensor.ones(DType.F64, Device.CPU, 1, 1, 6, 6);
        Tensor box = Tensor.full(1.0 / 9, DType.F64, Device.CPU, 1, 1, 3, 3);
        Tensor padded = reflect ? white.padReflect(1, 1, 1, 1) : white.pad(new int[] {1, 1, 1, 1}, 0);
        double[] out = padded.conv2d(box, null, 1, 0, 1).toDoubleArray();
        return new double[] {out[0], out[2], out[2 * 6 + 2]};
    }

    /**
     * Once the pool is full, the mean age (in steps) of the old fakes it shows, for one fake per
     * step: each pooled fake is replaced with probability ½ · 1/50 per step, so it stays about
     * 100 steps, and, the replacement being memoryless, the one shown is that old on average.
     */
    static double meanAgeOfPooledFakes() {
        HistoryBuffer pool = new HistoryBuffer(HistoryBuffer.CAPACITY, new Rng(25));
        double sum = 0;
        int old = 0;
        try (var scope = NoGrad.enter()) {
            for (int step = 0; step < HistoryBuffer.CAPACITY + POOL_STEPS; step++) {
                double shown = pool.exchange(Tensor.full(step, DType.F64, Device.CPU, 1, 1, 1, 1)).item();
                if (step >= HistoryBuffer.CAPACITY && shown < step) {
                    sum += step - shown;
                    old++;
                }
            }
        }
        return sum / old;
    }

    @Override
    public Map<String, Double> numbers() {
        Map<String, Double> numbers = new LinkedHashMap<>();
        double[] hand = gradientByHand(PLANE, UPSTREAM);
        double[] composed = gradientThroughTheComposition(PLANE, UPSTREAM);
        double[] operation = gradientOfTheOperation(PLANE, UPSTREAM);
        for (int i = 0; i < PLANE.length; i++) {
            numbers.put("dx" + i, hand[i]);
        }
        double gap = 0;
        for (int i = 0; i < PLANE.length; i++) {
            gap = Math.max(gap, Math.max(Math.abs(hand[i] - composed[i]), Math.abs(hand[i] - operation[i])));
        }
        numbers.put("largest difference", gap);
        double[] zeros = blurredWhite(false), reflected = blurredWhite(true);
        numbers.put("zero corner", zeros[0]);
        numbers.put("zero edge", zeros[1]);
        numbers.put("zero centre", zeros[2]);
        numbers.put("reflect corner", reflected[0]);
        numbers.put("reflect edge", reflected[1]);
        numbers.put("mean age", meanAgeOfPooledFakes());
        return numbers;
    }

    @Override
    public List<Path> writeFigures(Path folder) throws IOException {
        Path png = folder.resolve("25-padding.png");
        // a smooth colour picture, blurred by a 9x9 box with each padding: the zeros darken a frame, the mirror does not
        int side = 96;
        double[] values = new double[3 * side * side];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    values[(c * side + y) * side + x] = 0.55 + 0.4 * Math.sin(0.05 * (c + 1) * x + 0.07 * y + c);
                }
            }
        }
        Tensor picture = Tensor.of(values, DType.F32, Device.CPU, 3, 1, side, side);
        Tensor box = Tensor.full(1.0 / 81, DType.F32, Device.CPU, 1, 1, 9, 9);
        Tensor zero = picture.pad(new int[] {4, 4, 4, 4}, 0).conv2d(box, null, 1, 0, 1);
        Tensor mirror = picture.padReflect(4, 4, 4, 4).conv2d(box, null, 1, 0, 1);
        Tensor row = Tensor.concat(List.of(picture.reshape(1, 3, side, side), zero.reshape(1, 3, side, side), mirror.reshape(1, 3, side, side)), 0);
        Images.writePng(Images.grid(row.upsampleNearest(2), 3, 4), png);
        return List.of(png);
    }
}
