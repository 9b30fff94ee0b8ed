package dev.masquerade.faces;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Non-maximum suppression: a detector proposes many overlapping boxes around one face; keep
 * the best-scoring box, drop every other box that overlaps it by more than the threshold (IoU),
 * and repeat with the best box left.
 */
final class NonMaxSuppression {
    private NonMaxSuppression() {
    }

    /** The detections kept, best score first. */
    static List<Detection> keep(List<Detection> candidates, double iouThreshold) {
        // BEGIN SOLUTION task-7.4: non-maximum suppression: repeatedly keep the best-scoring detection left and drop those overlapping it by more than the threshold (Box.iou) (see tutorials/20-face-networks.md)
        List<Detection> left = new ArrayList<>(candidates);
        left.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        while (!left.isEmpty()) {
            Detection best = left.remove(0);
            kept.add(best);
            left.removeIf(other -> best.box().iou(other.box()) > iouThreshold);
        }
        return kept;
        // END SOLUTION
    }
}
