package dev.masquerade.voice.signal;

import java.util.Random;

/**
 * Griffin-Lim: a sound from a magnitude spectrogram alone. The phase was thrown away, and not
 * every array of complex numbers is the STFT of some sound (neighbouring frames overlap, so
 * they must agree). Griffin and Lim alternate between two sets: spectra with the wanted
 * magnitudes (keep the phase, set the magnitude) and spectra that are STFTs of a signal (take
 * the inverse STFT, then the STFT again, the least-squares projection onto that set). Each
 * round of the original cannot increase the distance between the two sets, so the spectral
 * convergence ‖M − |STFT(x)|‖ / ‖M‖ falls, quickly at first, then slowly; the fast variant adds
 * momentum, as gradient descent does, and gets lower in the same number of rounds.
 */
public final class GriffinLim {
    private GriffinLim() {
    }

    /** How much of the last step each round adds again (the fast variant of Perraudin et al.; 0 is the original). */
    public static final double MOMENTUM = 0.99;

    /**
     * A signal of {@code length} samples whose STFT magnitude approaches {@code magnitude}, from
     * random phases (seeded). Each round projects twice (magnitudes, then a real STFT) and, as
     * the fast variant does, pushes the phases a little further along the way they just moved.
     */
    public static double[] reconstruct(double[][] magnitude, int size, int hop, int length, int iterations, long seed) {
        if (iterations < 0) {
            throw new IllegalArgumentException("griffin-lim: iterations must be 0 or more, got " + iterations);
        }
        Random random = new Random(seed);
        int frames = magnitude.length, bins = magnitude[0].length;
        double[][] re = new double[frames][bins], im = new double[frames][bins];
        for (int f = 0; f < frames; f++) {
            for (int k = 0; k < bins; k++) {
                double phase = 2 * Math.PI * random.nextDouble();
                re[f][k] = Math.cos(phase);
                im[f][k] = Math.sin(phase);
            }
        }
        Spectrogram phases = new Spectrogram(re, im, size, hop);
        Spectrogram previous = null;
        for (int i = 0; i < iterations; i++) {
            Spectrogram rebuilt = Stft.forward(Stft.inverse(phases.withMagnitude(magnitude), length), size, hop);
            double[][] nextRe = new double[frames][bins], nextIm = new double[frames][bins];
            double push = MOMENTUM / (1 + MOMENTUM);
            for (int f = 0; f < frames; f++) {
                for (int k = 0; k < bins; k++) {
                    nextRe[f][k] = rebuilt.re()[f][k] - (previous == null ? 0 : push * previous.re()[f][k]);
                    nextIm[f][k] = rebuilt.im()[f][k] - (previous == null ? 0 : push * previous.im()[f][k]);
                }
            }
            phases = new Spectrogram(nextRe, nextIm, size, hop); // only its angles are used
            previous = rebuilt;
        }
        return Stft.inverse(phases.withMagnitude(magnitude), length);
    }

    /** ‖M − |STFT(x)|‖_F / ‖M‖_F: 0 when the signal's magnitudes are exactly the wanted ones. */
    public static double spectralConvergence(double[][] magnitude, double[] signal, int size, int hop) {
        double[][] actual = Stft.forward(signal, size, hop).magnitude();
        double difference = 0, norm = 0;
        for (int f = 0; f < magnitude.length; f++) {
            for (int k = 0; k < magnitude[f].length; k++) {
                difference += Math.pow(magnitude[f][k] - actual[f][k], 2);
                norm += magnitude[f][k] * magnitude[f][k];
            }
        }
        return Math.sqrt(difference / norm);
    }
}
