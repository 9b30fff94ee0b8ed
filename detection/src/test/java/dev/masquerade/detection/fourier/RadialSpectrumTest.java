package dev.masquerade.detection.fourier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.detection.TestPictures;
import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The log power spectrum, centred, averaged over rings, resampled: the spectral detector's feature. */
class RadialSpectrumTest {

    @Test
    @Tag("task-10.1")
    void aFlatPicturesPowerSitsAtTheCentreAlone() {
        int h = 6, w = 5;
        double[] flat = new double[h * w];
        java.util.Arrays.fill(flat, 0.5);
        double[] spectrum = RadialSpectrum.logPower(flat, h, w);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean centre = y == h / 2 && x == w / 2;
                // X[0] = Σ x = 15; 10·log10(15²) = 23.5 dB; elsewhere only the floor of 10⁻¹⁰, −100 dB
                assertEquals(centre ? 10 * Math.log10(15 * 15 + 1e-10) : -100, spectrum[y * w + x], 1e-6, "(" + y + ", " + x + ")");
            }
        }
    }

    @Test
    @Tag("task-10.1")
    void verticalStripesOfThreeCyclesPeakThreeColumnsEitherSideOfTheCentre() {
        int h = 8, w = 12;
        double[] stripes = new double[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                stripes[y * w + x] = Math.cos(2 * Math.PI * 3 * x / w);
            }
        }
        double[] spectrum = RadialSpectrum.logPower(stripes, h, w);
        int loudest = 0;
        for (int i = 1; i < spectrum.length; i++) {
            loudest = spectrum[i] > spectrum[loudest] ? i : loudest;
        }
        assertEquals(h / 2, loudest / w);
        assertEquals(3, Math.abs(loudest % w - w / 2));
    }

    @Test
    @Tag("task-10.2")
    void theAzimuthalAverageOfTheDistanceFromTheCentreIsAboutTheDistance() {
        int n = 32;
        double[] distance = new double[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                distance[y * n + x] = Math.hypot(y - n / 2, x - n / 2);
            }
        }
        double[] average = RadialSpectrum.azimuthalAverage(distance, n, n);
        assertEquals(Math.round(Math.hypot(n / 2, n / 2)) + 1, average.length);
        for (int r = 0; r < average.length; r++) {
            assertEquals(r, average[r], 0.5, "ring " + r);
        }
    }

    @Test
    void resamplingKeepsTheEndsAndInterpolatesBetween() {
        assertEquals(java.util.List.of(0.0, 1.5, 3.0), toList(RadialSpectrum.resample(new double[] {0, 1, 2, 3}, 3)));
        assertEquals(java.util.List.of(4.0, 5.0, 6.0), toList(RadialSpectrum.resample(new double[] {4, Double.NaN, 6}, 3)));
    }

    @Test
    @Tag("task-10.2")
    void picturesOfEverySizeGiveFeaturesOfOneLength() {
        Rng rng = new Rng(1);
        assertEquals(32, RadialSpectrum.features(Tensor.rand(rng, 1, 28, 28), 32).length);
        assertEquals(32, RadialSpectrum.features(Tensor.rand(rng, 3, 48, 64), 32).length);
    }

    @Test
    @Tag("task-10.2")
    void aCheckerboardLiftsTheHighEndOfTheCurve() {
        // a transposed convolution's fingerprint: a faint pattern that flips sign from pixel to pixel
        Tensor smooth = TestPictures.smoothNoise(new Rng(3), 28);
        Tensor checkered = smooth.add(TestPictures.checkerboard(28).mul(0.02));
        double[] plain = RadialSpectrum.features(smooth, 20), marked = RadialSpectrum.features(checkered, 20);
        assertTrue(marked[19] > plain[19] + 10, "highest frequency: " + plain[19] + " dB without, " + marked[19] + " dB with");
        assertEquals(plain[0], marked[0], 0.1, "the mean brightness hardly moves");
    }

    private static java.util.List<Double> toList(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}
