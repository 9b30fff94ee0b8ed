package dev.masquerade.detection.fourier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.masquerade.engine.testing.Gens;
import dev.masquerade.engine.testing.Property;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The FFT gives the DFT's numbers for every length: powers of two by radix 2, the rest by Bluestein's chirp. */
class FftTest {
    private static final double TOLERANCE = 1e-9;

    private static double[] random(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextDouble(-1, 1);
        }
        return values;
    }

    @TestFactory
    @Tag("task-10.1")
    Stream<DynamicTest> properties() {
        return Stream.of(
                Property.forAll("the inverse FFT undoes the FFT", Gens.shapes(1, 1, 1, 130)).test(shape -> {
                    int n = shape[0];
                    double[] re = random(n, 7 * n), im = random(n, 11 * n);
                    double[] re0 = re.clone(), im0 = im.clone();
                    Fft.forward(re, im);
                    Fft.inverse(re, im);
                    assertArrayEquals(re0, re, TOLERANCE);
                    assertArrayEquals(im0, im, TOLERANCE);
                }),
                Property.forAll("Parseval: the energy of x is the energy of X over N", Gens.shapes(1, 1, 1, 130)).test(shape -> {
                    int n = shape[0];
                    double[] re = random(n, 3 * n), im = new double[n];
                    double energy = 0, transformed = 0;
                    for (double v : re) {
                        energy += v * v;
                    }
                    Fft.forward(re, im);
                    for (int k = 0; k < n; k++) {
                        transformed += re[k] * re[k] + im[k] * im[k];
                    }
                    assertEquals(energy, transformed / n, TOLERANCE * n);
                }),
                Property.forAll("the 2-d FFT transforms rows and then columns, as the 2-d DFT's definition", Gens.shapes(2, 2, 1, 12))
                        .test(shape -> {
                            int h = shape[0], w = shape[1];
                            double[] picture = random(h * w, 31L * h + w);
                            double[] re = picture.clone(), im = new double[h * w];
                            Fft.forward2d(re, im, h, w);
                            for (int ky = 0; ky < h; ky++) {
                                for (int kx = 0; kx < w; kx++) {
                                    double sumRe = 0, sumIm = 0;
                                    for (int y = 0; y < h; y++) {
                                        for (int x = 0; x < w; x++) {
                                            double angle = -2 * Math.PI * ((double) ky * y / h + (double) kx * x / w);
                                            sumRe += picture[y * w + x] * Math.cos(angle);
                                            sumIm += picture[y * w + x] * Math.sin(angle);
                                        }
                                    }
                                    assertEquals(sumRe, re[ky * w + kx], TOLERANCE * h * w);
                                    assertEquals(sumIm, im[ky * w + kx], TOLERANCE * h * w);
                                }
                            }
                        }));
    }

    @Test
    @Tag("task-10.1")
    void theFftEqualsTheDftsDefinitionForEveryLengthFromOneTo130AndAPrime() {
        for (int n = 1; n <= 131; n++) {
            int length = n == 131 ? 1009 : n; // 1,009: a prime, Bluestein's hardest case
            double[] re = random(length, length), im = random(length, -length);
            double[][] expected = DirectDft.transform(re, im);
            Fft.forward(re, im);
            assertArrayEquals(expected[0], re, TOLERANCE * length, "real part, length " + length);
            assertArrayEquals(expected[1], im, TOLERANCE * length, "imaginary part, length " + length);
        }
    }

    @Test
    @Tag("task-10.1")
    void aCosineOfKCyclesIsTwoPeaksOfHalfNAtKAndNMinusK() {
        for (int n : new int[] {28, 32}) { // Bluestein's length and radix 2's
            double[] re = new double[n], im = new double[n];
            for (int t = 0; t < n; t++) {
                re[t] = Math.cos(2 * Math.PI * 3 * t / n);
            }
            Fft.forward(re, im);
            for (int k = 0; k < n; k++) {
                assertEquals(k == 3 || k == n - 3 ? n / 2.0 : 0, re[k], 1e-9, "frequency " + k + " of " + n);
                assertEquals(0, im[k], 1e-9, "frequency " + k + " of " + n);
            }
        }
    }

    @Test
    @Tag("task-10.1")
    void anImpulseHasEveryFrequencyAtOnce() {
        double[] re = new double[7], im = new double[7];
        re[0] = 1;
        Fft.forward(re, im);
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1, 1}, re, 1e-12);
        assertArrayEquals(new double[7], im, 1e-12);
    }
}
