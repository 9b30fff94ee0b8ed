package dev.masquerade.tutorials;

import dev.masquerade.voice.model.VoiceSwapConfig;
import dev.masquerade.voice.signal.Dtw;
import dev.masquerade.voice.signal.GriffinLim;
import dev.masquerade.voice.signal.LogMelFeatures;
import dev.masquerade.voice.signal.MelScale;
import dev.masquerade.voice.signal.Stft;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chapter 32, speech as pictures: where a tone lands in the STFT, the window sum that makes the
 * inverse exact, the mel scale at a few frequencies, Griffin-Lim's spectral convergence by rounds,
 * a worked DTW table, and how much the voice swap's code lets through.
 */
public final class SpeechChapter extends Chapter {
    static final int RATE = 16000;

    public SpeechChapter() {
        super(32, "Speech as pictures: the STFT, the mel scale, Griffin-Lim and dynamic time warping", "32-speech.md");
    }

    /** Half a second of a chirp rising from 300 Hz, Griffin-Lim's example. */
    static double[] chirp() {
        double[] x = new double[RATE / 2];
        for (int i = 0; i < x.length; i++) {
            double t = (double) i / RATE;
            x[i] = 0.5 * Math.sin(2 * Math.PI * (300 * t + 2000 * t * t));
        }
        return x;
    }

    /** The spectral convergence after {@code rounds} rounds of Griffin-Lim on the chirp's magnitudes. */
    static double griffinLim(int rounds) {
        double[] x = chirp();
        double[][] magnitude = Stft.forward(x, LogMelFeatures.WINDOW, LogMelFeatures.HOP).magnitude();
        double[] y = GriffinLim.reconstruct(magnitude, LogMelFeatures.WINDOW, LogMelFeatures.HOP, x.length, rounds, 7);
        return GriffinLim.spectralConvergence(magnitude, y, LogMelFeatures.WINDOW, LogMelFeatures.HOP);
    }

    /** The bin with the most energy in a frame of a 1 kHz tone. */
    static int toneBin() {
        double[] x = new double[RATE / 4];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(2 * Math.PI * 1000 * i / RATE);
        }
        double[] frame = Stft.forward(x, LogMelFeatures.WINDOW, LogMelFeatures.HOP).magnitude()[10];
        int peak = 0;
        for (int k = 1; k < frame.length; k++) {
            peak = frame[k] > frame[peak] ? k : peak;
        }
        return peak;
    }

    /** Σ w² of the Hann window's shifts by a quarter window, at one sample: the overlap-add's divisor. */
    static double windowSum() {
        double[] w = Stft.hann(LogMelFeatures.WINDOW);
        double sum = 0;
        for (int shift = 0; shift < w.length; shift += LogMelFeatures.HOP) {
            sum += w[(5 + shift) % w.length] * w[(5 + shift) % w.length];
        }
        return sum;
    }

    /** The worked DTW example: a = (1, 3, 4) against b = (1, 2, 4, 4). */
    static Dtw.Alignment workedDtw() {
        return Dtw.align(new double[][] {{1}, {3}, {4}}, new double[][] {{1}, {2}, {4}, {4}});
    }

    @Override
    public Map<String, Double> numbers() {
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("tone bin", (double) toneBin());
        numbers.put("frames per second", (double) RATE / LogMelFeatures.HOP);
        numbers.put("window sum", windowSum());
        numbers.put("mel 1000", MelScale.hertzToMel(1000));
        numbers.put("mel 4000", MelScale.hertzToMel(4000));
        numbers.put("mel 8000", MelScale.hertzToMel(8000));
        numbers.put("hertz of mel 1420", MelScale.melToHertz(MelScale.hertzToMel(8000) / 2));
        numbers.put("griffin-lim 0", griffinLim(0));
        numbers.put("griffin-lim 5", griffinLim(5));
        numbers.put("griffin-lim 30", griffinLim(30));
        Dtw.Alignment dtw = workedDtw();
        numbers.put("dtw cost", dtw.cost());
        numbers.put("dtw steps", (double) dtw.path().length);
        double frameRate = (double) RATE / LogMelFeatures.HOP;
        numbers.put("input values per second", LogMelFeatures.MELS * frameRate);
        numbers.put("code values per second", VoiceSwapConfig.DEFAULT.code() * frameRate / 2);
        return numbers;
    }
}
