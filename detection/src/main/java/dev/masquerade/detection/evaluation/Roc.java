package dev.masquerade.detection.evaluation;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The receiver operating characteristic of a detector's scores: for every threshold, the share
 * of fakes it catches (true positive rate) against the share of real pictures it wrongly calls
 * fake (false positive rate). The area under the curve is the chance that a random fake scores
 * above a random real picture (ties count half), whatever the threshold and however many of
 * each there are. Tutorial: tutorials/29-roc.md.
 *
 * @param falsePositiveRates the curve's x values, from 0 to 1
 * @param truePositiveRates  the curve's y values, from 0 to 1
 * @param auc                the area under it
 */
public record Roc(double[] falsePositiveRates, double[] truePositiveRates, double auc) {

    /** The curve of real pictures' scores against fake pictures' scores. */
    public static Roc of(double[] realScores, double[] fakeScores) {
        Labelled labelled = Labelled.of(realScores, fakeScores);
        return of(labelled.scores(), labelled.fake());
    }

    /** The accuracy of a threshold on real pictures' scores and fake pictures' scores. */
    public static double accuracy(double[] realScores, double[] fakeScores, double threshold) {
        Labelled labelled = Labelled.of(realScores, fakeScores);
        return accuracy(labelled.scores(), labelled.fake(), threshold);
    }

    /** Scores with their truth: the real pictures' first, then the fakes'. */
    private record Labelled(double[] scores, boolean[] fake) {
        static Labelled of(double[] realScores, double[] fakeScores) {
            double[] scores = Arrays.copyOf(realScores, realScores.length + fakeScores.length);
            System.arraycopy(fakeScores, 0, scores, realScores.length, fakeScores.length);
            boolean[] fake = new boolean[scores.length];
            Arrays.fill(fake, realScores.length, scores.length, true);
            return new Labelled(scores, fake);
        }
    }

    // snippet: curve
    /** The curve of {@code scores} (higher = more likely fake) against the truth ({@code fake[i]}). */
    public static Roc of(double[] scores, boolean[] fake) {
        check(scores, fake);
        int positives = count(fake, true), negatives = count(fake, false);
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("a ROC curve needs real and fake pictures, got " + negatives + " real and " + positives + " fake");
        }
        // BEGIN SOLUTION task-10.3: the curve's points from the scores sorted high to low (equal scores one step together) and the area under it by trapezoids (see tutorials/29-roc.md)
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        double[] fpr = new double[scores.length + 1], tpr = new double[scores.length + 1];
        int points = 1, caught = 0, falseAlarms = 0;
        double area = 0;
        for (int i = 0; i < order.length; i++) {
            if (fake[order[i]]) {
                caught++;
            } else {
                falseAlarms++;
            }
            boolean lastOfTie = i + 1 == order.length || scores[order[i + 1]] != scores[order[i]];
            if (lastOfTie) { // a threshold between two distinct scores: one point; equal scores move together (a diagonal)
                fpr[points] = (double) falseAlarms / negatives;
                tpr[points] = (double) caught / positives;
                area += (fpr[points] - fpr[points - 1]) * (tpr[points] + tpr[points - 1]) / 2; // trapezoid
                points++;
            }
        }
        return new Roc(Arrays.copyOf(fpr, points), Arrays.copyOf(tpr, points), area);
        // END SOLUTION
    }
    // end snippet

    /** The share of pictures a threshold labels rightly: fake when the score is at least {@code threshold}. */
    public static double accuracy(double[] scores, boolean[] fake, double threshold) {
        check(scores, fake);
        int right = 0;
        for (int i = 0; i < scores.length; i++) {
            if ((scores[i] >= threshold) == fake[i]) {
                right++;
            }
        }
        return (double) right / scores.length;
    }

    private static void check(double[] scores, boolean[] fake) {
        if (scores.length != fake.length) {
            throw new IllegalArgumentException("a ROC curve needs one truth per score, got " + scores.length + " scores and " + fake.length
                    + " truths");
        }
        for (double score : scores) {
            if (Double.isNaN(score)) {
                throw new IllegalArgumentException("a score is NaN: the detector's output is broken (a NaN in its weights or its input?)");
            }
        }
    }

    private static int count(boolean[] values, boolean wanted) {
        int n = 0;
        for (boolean value : values) {
            if (value == wanted) {
                n++;
            }
        }
        return n;
    }
}
