package dev.masquerade.tutorials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Chapter 23: under Adam a weight tensor of spread σ typically moves by less than tη/σ of
 * itself in t steps; the layers' own start lets the discriminator's verdict outpace the generator's output,
 * the paper's start moves every layer at one pace, and its discriminator is the less sure.
 */
class InitialisationChapterTest {
    private static final String[] LAYERS = {"G linear", "G deconv 1", "G deconv 2", "D conv 1", "D conv 2", "D linear"};
    private final Map<String, Double> numbers = new InitialisationChapter().numbers();

    @Test
    void everyLayerMovesLessThanAdamsEstimate() {
        for (String scheme : InitialisationChapter.SCHEMES.keySet()) {
            for (String layer : LAYERS) {
                double moved = numbers.get(scheme + " " + layer + " moved"), estimate = numbers.get(scheme + " " + layer + " estimate");
                assertTrue(moved > 0 && moved < estimate, scheme + ", " + layer + ": moved " + moved + ", estimate " + estimate);
            }
        }
    }

    @Test
    void thePapersStartDrawsOneSpreadForEveryLayer() {
        for (String layer : LAYERS) {
            assertEquals(0.02, numbers.get("paper " + layer + " spread"), 0.001, layer);
        }
        // the layers' own: uniform on ±1/√fan-in, spread 1/√(3·fan-in), to within 5% for a draw of 1,024 to 627,200 weights
        assertEquals(1 / Math.sqrt(3 * 6272), numbers.get("default D linear spread"), 0.05 / Math.sqrt(3 * 6272));
        assertEquals(1 / Math.sqrt(3 * 16), numbers.get("default G deconv 2 spread"), 0.05 / Math.sqrt(3 * 16));
    }

    @Test
    void theDefaultStartLetsTheVerdictOutpaceTheGeneratorsOutput() {
        assertTrue(numbers.get("default D linear moved") > 5 * numbers.get("default G deconv 2 moved"));
    }

    @Test
    void thePapersStartMovesEveryLayerAtOnePace() {
        double fastest = 0, slowest = Double.MAX_VALUE;
        for (String layer : LAYERS) {
            fastest = Math.max(fastest, numbers.get("paper " + layer + " moved"));
            slowest = Math.min(slowest, numbers.get("paper " + layer + " moved"));
        }
        assertTrue(fastest < 2 * slowest, "paper start: layers moved from " + slowest + " to " + fastest);
    }

    @Test
    void thePapersDiscriminatorIsLessSureAndItsGeneratorGetsTheLongerGradient() {
        assertTrue(numbers.get("default D(G(z)) last") < numbers.get("paper D(G(z)) last"));
        assertTrue(numbers.get("default D(x) last") > numbers.get("paper D(x) last"));
        assertTrue(numbers.get("gradient ratio") > 1);
    }
}
