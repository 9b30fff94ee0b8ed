package dev.masquerade.voice.model;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import java.util.List;

/** Log-mel utterances ([frames][bands] arrays) as the model's tensors [N, bands, T], and back. */
public final class Frames {
    private Frames() {
    }

    /** One utterance as [1, bands, T], cut to an even number of frames (the encoder halves the rate). */
    public static Tensor of(double[][] utterance) {
        int t = utterance.length / 2 * 2, bands = utterance[0].length;
        double[] values = new double[bands * t];
        for (int f = 0; f < t; f++) {
            for (int m = 0; m < bands; m++) {
                values[m * t + f] = utterance[f][m];
            }
        }
        return Tensor.of(values, 1, bands, t);
    }

    /** A batch [count, bands, length] of crops at random places of random utterances. */
    public static Tensor crops(List<double[][]> utterances, int count, int length, Rng rng) {
        int bands = utterances.get(0)[0].length;
        double[] values = new double[count * bands * length];
        for (int i = 0; i < count; i++) {
            double[][] utterance = utterances.get(rng.nextInt(utterances.size()));
            int start = rng.nextInt(Math.max(1, utterance.length - length + 1));
            for (int f = 0; f < length; f++) {
                double[] frame = utterance[Math.min(start + f, utterance.length - 1)]; // a short utterance repeats its last frame
                for (int m = 0; m < bands; m++) {
                    values[(i * bands + m) * length + f] = frame[m];
                }
            }
        }
        return Tensor.of(values, count, bands, length);
    }

    /** [1, bands, T] back to an utterance's frames. */
    public static double[][] toArray(Tensor frames) {
        int bands = frames.size(1), t = frames.size(2);
        double[] values = frames.toDoubleArray();
        double[][] out = new double[t][bands];
        for (int f = 0; f < t; f++) {
            for (int m = 0; m < bands; m++) {
                out[f][m] = values[m * t + f];
            }
        }
        return out;
    }

    /** The mean and the spread of each band over every frame of the utterances: {mean, std}. */
    public static double[][] bandStatistics(List<List<double[][]>> speakers) {
        int bands = speakers.get(0).get(0)[0].length;
        double[] sum = new double[bands], squares = new double[bands];
        long count = 0;
        for (List<double[][]> utterances : speakers) {
            for (double[][] utterance : utterances) {
                for (double[] frame : utterance) {
                    count++;
                    for (int m = 0; m < bands; m++) {
                        sum[m] += frame[m];
                        squares[m] += frame[m] * frame[m];
                    }
                }
            }
        }
        double[] mean = new double[bands], std = new double[bands];
        for (int m = 0; m < bands; m++) {
            mean[m] = sum[m] / count;
            std[m] = Math.sqrt(Math.max(squares[m] / count - mean[m] * mean[m], 1e-6));
        }
        return new double[][] {mean, std};
    }
}
