package dev.masquerade.voice.audio;

import java.util.List;

/**
 * A mono recording: samples in [−1, 1] at a sample rate, and the conversions made on the way in
 * (a stereo file mixed down, another rate resampled), for the one line a command prints about
 * each.
 *
 * @param samples     the sound pressure at each tick, full scale ±1
 * @param sampleRate  ticks per second
 * @param conversions what reading the file changed, in words; empty when nothing
 */
public record Waveform(double[] samples, int sampleRate, List<String> conversions) {
    /** The rate every model here works at: 16 kHz, enough for speech (telephone speech has 8). */
    public static final int SPEECH_RATE = 16_000;

    /** A recording with nothing converted. */
    public Waveform(double[] samples, int sampleRate) {
        this(samples, sampleRate, List.of());
    }

    /** Its length in seconds. */
    public double seconds() {
        return (double) samples.length / sampleRate;
    }

    /** The root-mean-square level, 0 for silence. */
    public double rms() {
        double sum = 0;
        for (double s : samples) {
            sum += s * s;
        }
        return samples.length == 0 ? 0 : Math.sqrt(sum / samples.length);
    }
}
