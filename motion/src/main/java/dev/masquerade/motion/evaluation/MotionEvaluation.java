package dev.masquerade.motion.evaluation;

import dev.masquerade.engine.NoGrad;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Device;
import dev.masquerade.motion.data.TalkingFaces;
import dev.masquerade.motion.model.MotionModel;
import dev.masquerade.nn.loss.Ssim;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The motion model's figures on clips it never saw. Reconstruction: each held-out clip's first
 * frame animated by the clip's other frames, against those frames (L1 and SSIM), beside the
 * baseline of not moving at all (the first frame repeated). Keypoints: a {@link LinearMap}
 * from a frame's keypoints to its true landmarks, fitted on the training clips, predicts the
 * held-out clips' landmarks; its error in pixels, beside the baseline of always guessing the
 * training clips' mean landmarks.
 */
public final class MotionEvaluation {
    private static final double RIDGE = 1e-3;

    private MotionEvaluation() {
    }

    /** recon_l1, recon_ssim, baseline_l1, baseline_ssim, and where the clips have true landmarks keypoint_error_px, baseline_keypoint_error_px. */
    public static Map<String, Object> evaluate(MotionModel model, List<TalkingFaces.Clip> training, List<TalkingFaces.Clip> heldOut) {
        Map<String, Object> figures = new LinkedHashMap<>();
        try (var scope = NoGrad.enter(); var evaluating = model.evaluating()) {
            double l1 = 0, ssim = 0, baselineL1 = 0, baselineSsim = 0;
            for (TalkingFaces.Clip clip : heldOut) {
                int t = clip.length() - 1;
                Tensor frames = clip.frames().to(Device.defaultDevice());
                Tensor driving = frames.narrow(0, 1, t);
                Tensor source = frames.narrow(0, 0, 1).expand(t, 3, driving.size(2), driving.size(3)).contiguous();
                Tensor prediction = model.animate(source, driving).prediction();
                l1 += prediction.sub(driving).abs().mean().item();
                ssim += Ssim.ssim(prediction, driving).item();
                baselineL1 += source.sub(driving).abs().mean().item();
                baselineSsim += Ssim.ssim(source, driving).item();
            }
            figures.put("recon_l1", l1 / heldOut.size());
            figures.put("recon_ssim", ssim / heldOut.size());
            figures.put("baseline_l1", baselineL1 / heldOut.size());
            figures.put("baseline_ssim", baselineSsim / heldOut.size());
            if (heldOut.stream().anyMatch(c -> c.landmarks() == null) || training.stream().anyMatch(c -> c.landmarks() == null)) {
                return figures; // real clips: no true landmarks to judge the keypoints by
            }
            int size = heldOut.get(0).frames().size(2);
            LinearMap map = LinearMap.fit(keypoints(model, training), landmarks(training), RIDGE);
            double[] mean = mean(landmarks(training));
            double[][] truth = landmarks(heldOut), found = keypoints(model, heldOut);
            double error = 0, baseline = 0;
            for (int i = 0; i < truth.length; i++) {
                error += meanDistance(map.apply(found[i]), truth[i]);
                baseline += meanDistance(mean, truth[i]);
            }
            // picture coordinates span 2 across the picture: size/2 pixels per unit
            figures.put("keypoint_error_px", error / truth.length * size / 2);
            figures.put("baseline_keypoint_error_px", baseline / truth.length * size / 2);
        }
        return figures;
    }

    /** Every frame's keypoints, one row of 2K numbers per frame. */
    private static double[][] keypoints(MotionModel model, List<TalkingFaces.Clip> clips) {
        List<double[]> rows = new ArrayList<>();
        for (TalkingFaces.Clip clip : clips) {
            rows.addAll(rowsOf(model.keypoints().detect(clip.frames().to(Device.defaultDevice())).value()));
        }
        return rows.toArray(double[][]::new);
    }

    private static double[][] landmarks(List<TalkingFaces.Clip> clips) {
        List<double[]> rows = new ArrayList<>();
        for (TalkingFaces.Clip clip : clips) {
            rows.addAll(rowsOf(clip.landmarks()));
        }
        return rows.toArray(double[][]::new);
    }

    private static List<double[]> rowsOf(Tensor points) {
        double[] all = points.toDoubleArray();
        int per = all.length / points.size(0);
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < points.size(0); i++) {
            rows.add(java.util.Arrays.copyOfRange(all, i * per, (i + 1) * per));
        }
        return rows;
    }

    private static double[] mean(double[][] rows) {
        double[] mean = new double[rows[0].length];
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                mean[j] += row[j] / rows.length;
            }
        }
        return mean;
    }

    /** The mean Euclidean distance between matching points of two [x₀, y₀, x₁, y₁, …] lists. */
    private static double meanDistance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i += 2) {
            sum += Math.hypot(a[i] - b[i], a[i + 1] - b[i + 1]);
        }
        return sum / (a.length / 2);
    }
}
