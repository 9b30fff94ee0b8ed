package dev.masquerade.tutorials;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.DType;
import dev.masquerade.engine.array.Device;
import dev.masquerade.nn.Initialisation;
import dev.masquerade.nn.Layer;
import dev.masquerade.nn.io.Images;
import dev.masquerade.translation.models.Norm;
import dev.masquerade.translation.models.UNet;
import dev.masquerade.nn.layers.Upsampling;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chapter 26, checkerboards: how many kernel taps reach each output pixel of a stride-2
 * transposed convolution, the four sub-kernels that even an evenly overlapping one uses, and
 * the pattern an untrained U-Net draws with each kind of upsampling.
 */
public final class CheckerboardChapter extends Chapter {
    /** Untrained U-Nets per upsampling in the comparison. */
    static final int SEEDS = 20;
    /** The side of the grey picture the U-Nets translate. */
    static final int SIDE = 64;

    public CheckerboardChapter() {
        super(26, "Checkerboards", "26-checkerboards.md");
    }

    /** A 1-d transposed convolution (stride 2, no padding) of n ones with a kernel of k ones: the taps each output receives. */
    static double[] tapsPerOutput(int n, int k) {
        Tensor ones = Tensor.ones(DType.F64, Device.CPU, 1, 1, 1, n);
        Tensor kernel = Tensor.ones(DType.F64, Device.CPU, 1, 1, 1, k);
        return ones.convTranspose2d(kernel, null, 2, 0, 0).toDoubleArray();
    }

    // snippet: parities
    /**
     * The means of an output's four interleaved grids (even and odd rows × even and odd
     * columns), over its interior (a border of {@code margin} pixels left out): a checkerboard
     * is a difference between them.
     */
    static double[] parityMeans(Tensor picture, int margin) {
        int h = picture.size(2), w = picture.size(3);
        double[] sums = new double[4];
        int[] counts = new int[4];
        double[] values = picture.toDoubleArray(); // [1, 1, H, W]
        for (int y = margin; y < h - margin; y++) {
            for (int x = margin; x < w - margin; x++) {
                int parity = 2 * (y % 2) + x % 2;
                sums[parity] += values[y * w + x];
                counts[parity]++;
            }
        }
        for (int p = 0; p < 4; p++) {
            sums[p] /= counts[p];
        }
        return sums;
    }
    // end snippet

    /** max − min of the four parity means. */
    static double spread(double[] means) {
        double max = Double.NEGATIVE_INFINITY, min = Double.POSITIVE_INFINITY;
        for (double m : means) {
            max = Math.max(max, m);
            min = Math.min(min, m);
        }
        return max - min;
    }

    /** A pix2pix U-Net as the translation runs start it (N(0, 0.02)), with one kind of upsampling. */
    static Layer untrained(Upsampling upsampling, long seed) {
        Rng rng = new Rng(seed);
        Layer unet = new UNet(1, 1, 6, 16, Norm.INSTANCE, upsampling, 0, false, rng);
        unet.initialise(Initialisation.PAPER, rng);
        return unet;
    }

    /** The untrained U-Net's output for a plain grey picture. */
    static Tensor greyThrough(Layer unet) {
        try (var scope = NoGrad.enter(); var evaluating = unet.evaluating()) {
            return unet.forward(Tensor.full(0.2, DType.F32, Device.CPU, 1, 1, SIDE, SIDE));
        }
    }

    /** The mean parity spread of the untrained U-Nets' outputs for grey, over the seeds, and the mean spread over the whole output. */
    static double[] meanSpreads(Upsampling upsampling) {
        double parity = 0, whole = 0;
        for (int seed = 1; seed <= SEEDS; seed++) {
            Tensor out = greyThrough(untrained(upsampling, seed));
            parity += spread(parityMeans(out, 8)) / SEEDS;
            whole += (out.max().item() - out.min().item()) / SEEDS;
        }
        return new double[] {parity, whole};
    }

    @Override
    public Map<String, Double> numbers() {
        Map<String, Double> numbers = new LinkedHashMap<>();
        double[] three = tapsPerOutput(4, 3), four = tapsPerOutput(4, 4);
        for (int i = 0; i < 5; i++) {
            numbers.put("k3 output " + i, three[i]);
        }
        for (int i = 0; i < 5; i++) {
            numbers.put("k4 output " + i, four[i]);
        }
        double[] transposed = meanSpreads(Upsampling.TRANSPOSED), resize = meanSpreads(Upsampling.RESIZE);
        numbers.put("transposed parity spread", transposed[0]);
        numbers.put("transposed whole spread", transposed[1]);
        numbers.put("resize parity spread", resize[0]);
        numbers.put("resize whole spread", resize[1]);
        numbers.put("spread ratio", transposed[0] / resize[0]);
        return numbers;
    }

    @Override
    public List<Path> writeFigures(Path folder) throws IOException {
        Path png = folder.resolve("26-untrained-unets.png");
        List<Tensor> outputs = new ArrayList<>();
        for (Upsampling upsampling : Upsampling.values()) {
            for (int seed = 1; seed <= 4; seed++) {
                Tensor out = greyThrough(untrained(upsampling, seed));
                double min = out.min().item(), max = out.max().item();
                outputs.add(out.sub(min).div(max - min)); // stretched to [0, 1]: the pattern, not its size
            }
        }
        Images.writePng(Images.grid(Tensor.concat(outputs, 0).upsampleNearest(3), 4, 4), png);
        return List.of(png);
    }
}
