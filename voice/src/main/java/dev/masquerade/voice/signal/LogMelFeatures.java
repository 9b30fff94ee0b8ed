package dev.masquerade.voice.signal;

import dev.masquerade.voice.audio.Waveform;

/**
 * The voice swap's view of speech: log-mel frames of 16 kHz sound, and the way back to sound.
 * Windows of {@value #WINDOW} samples (32 ms) every {@value #HOP} (8 ms), {@value #MELS} mel
 * bands from 0 to 8 kHz. Back to sound: the bands spread over the FFT bins
 * ({@link MelScale#toMagnitude}), then Griffin-Lim finds phases for them.
 */
public final class LogMelFeatures {
    public static final int WINDOW = 512;
    public static final int HOP = 128;
    public static final int MELS = 64;
    /** Mel-cepstral coefficients compared by the MCD (0 to 12; 0, the loudness, left out of the distance). */
    public static final int CEPSTRA = 13;
    private static final double[][] BANK = MelScale.filterbank(MELS, WINDOW, Waveform.SPEECH_RATE, 0, Waveform.SPEECH_RATE / 2.0);

    private LogMelFeatures() {
    }

    /** The log-mel frames of a 16 kHz sound: [frames][MELS]. */
    public static double[][] of(Waveform sound) {
        if (sound.sampleRate() != Waveform.SPEECH_RATE) {
            throw new IllegalArgumentException("log-mel features are made at " + Waveform.SPEECH_RATE + " Hz, not " + sound.sampleRate());
        }
        return MelScale.logMel(Stft.forward(sound.samples(), WINDOW, HOP), BANK);
    }

    /** The mel-cepstra of log-mel frames, for the MCD and for aligning two renderings. */
    public static double[][] cepstra(double[][] logMel) {
        return MelCepstrum.of(logMel, CEPSTRA);
    }

    /** A 16 kHz sound whose log-mel frames are about these, by Griffin-Lim with {@code iterations} rounds. */
    public static Waveform toSound(double[][] logMel, int iterations, long seed) {
        int length = (logMel.length - 1) * HOP;
        double[] samples = GriffinLim.reconstruct(MelScale.toMagnitude(logMel, BANK), WINDOW, HOP, length, iterations, seed);
        return new Waveform(samples, Waveform.SPEECH_RATE);
    }
}
