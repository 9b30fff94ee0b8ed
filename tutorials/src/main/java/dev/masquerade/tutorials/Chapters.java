package dev.masquerade.tutorials;

import java.util.List;
import java.util.stream.Collectors;

/** The chapters written so far, in learning order. */
public final class Chapters {
    /** Every chapter with computed numbers. */
    public static final List<Chapter> ALL = List.of(new AutogradChapter(), new BroadcastingChapter(), new MatmulChapter(), new ConvolutionChapter(), new MseChapter(), new L1Chapter(),
            new BceChapter(), new BceWithLogitsChapter(), new SoftmaxCrossEntropyChapter(), new AutoencoderChapter(), new SsimChapter(), new MaskedLossChapter(),
            new MinimaxChapter(), new NonSaturatingChapter(),
            new AlternatingUpdatesChapter(), new LsganChapter(), new HingeChapter(), new AdamChapter(), new MatmulLadderChapter(), new DepthwiseChapter(),
            new SeamlessChapter(), new AlignmentChapter(), new InitialisationChapter(), new ConditionalGanChapter(),
            new CycleConsistencyChapter(), new CheckerboardChapter(), new FourierChapter(), new LogisticRegressionChapter(), new RocChapter(),
            new MotionChapter(), new ExportChapter(), new SpeechChapter());

    private Chapters() {
    }

    /** Chapter n, or an error naming the chapters there are. */
    public static Chapter byNumber(int n) {
        return ALL.stream().filter(c -> c.number() == n).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "there is no chapter " + n + " with numbers to print; chapters: "
                        + ALL.stream().map(c -> c.number() + " (" + c.title() + ")").collect(Collectors.joining(", "))));
    }
}
