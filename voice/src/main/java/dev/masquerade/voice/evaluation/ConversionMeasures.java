package dev.masquerade.voice.evaluation;

import dev.masquerade.voice.signal.Dtw;
import dev.masquerade.voice.signal.LogMelFeatures;
import dev.masquerade.voice.signal.MelCepstrum;
import java.util.ArrayList;
import java.util.List;

/**
 * How close converted speech is to the truth, on held-out sentences that both speakers said:
 * the mel-cepstral distortion of each conversion against the target speaker's own rendering
 * (after aligning them by DTW), against the baseline of the unconverted source; and whether each
 * conversion still says its sentence, that is, whether it is DTW-closest to the target's
 * rendering of the same sentence rather than of another held-out one. The MCD against the
 * source's own rendering says how much of the source's voice the conversion kept: a conversion
 * nearer the source than the target has let the source's spectral envelope through.
 *
 * @param mcdDb          mean MCD of the conversions against the targets
 * @param baselineMcdDb  mean MCD of the unconverted sources against the targets
 * @param sourceMcdDb    mean MCD of the conversions against the sources
 * @param contentMatch   the fraction of conversions DTW-closest to their own sentence
 * @param utterances     how many held-out sentences were measured
 */
public record ConversionMeasures(double mcdDb, double baselineMcdDb, double sourceMcdDb, double contentMatch, int utterances) {

    /** Measures conversions of {@code sources}, sentence i of each list being the same sentence. */
    public static ConversionMeasures of(List<double[][]> converted, List<double[][]> sources, List<double[][]> targets) {
        if (converted.size() != targets.size() || sources.size() != targets.size() || targets.isEmpty()) {
            throw new IllegalArgumentException("conversion measures need the same held-out sentences from each side, got " + converted.size()
                    + " conversions, " + sources.size() + " sources and " + targets.size() + " targets");
        }
        List<double[][]> convertedCepstra = cepstra(converted), targetCepstra = cepstra(targets), sourceCepstra = cepstra(sources);
        double mcd = 0, baseline = 0, toSource = 0;
        int matches = 0;
        for (int i = 0; i < targets.size(); i++) {
            mcd += mcd(convertedCepstra.get(i), targetCepstra.get(i));
            baseline += mcd(sourceCepstra.get(i), targetCepstra.get(i));
            toSource += mcd(convertedCepstra.get(i), sourceCepstra.get(i));
            int closest = 0;
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < targets.size(); j++) {
                double cost = Dtw.align(convertedCepstra.get(i), targetCepstra.get(j)).costPerStep();
                if (cost < best) {
                    best = cost;
                    closest = j;
                }
            }
            matches += closest == i ? 1 : 0;
        }
        int n = targets.size();
        return new ConversionMeasures(mcd / n, baseline / n, toSource / n, (double) matches / n, n);
    }

    private static double mcd(double[][] a, double[][] b) {
        return MelCepstrum.distortion(a, b, Dtw.align(a, b).path());
    }

    private static List<double[][]> cepstra(List<double[][]> logMels) {
        List<double[][]> out = new ArrayList<>();
        logMels.forEach(m -> out.add(LogMelFeatures.cepstra(m)));
        return out;
    }
}
