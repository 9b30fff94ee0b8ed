package dev.masquerade.workflow;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What convert.json reports about the converted faces, averaged over them: the seam
 * ({@link SeamMetrics}) and, where an {@link IdentityProbe} was given, the descriptor distances
 * of each face to A and to B before and after the swap.
 */
final class ConvertMeasures {
    private double seam;
    private double edgeAdded;
    private double colourStep;
    private int seams;
    private final double[] identity = new double[4];
    private int identities;

    /** Adds one face's seam measures (left out when the ring was empty). */
    void add(SeamMetrics metrics) {
        if (Double.isNaN(metrics.seam()) || Double.isNaN(metrics.colourStep())) {
            return;
        }
        seam += metrics.seam();
        edgeAdded += metrics.edgeAdded();
        colourStep += metrics.colourStep();
        seams++;
    }

    /** Adds one face's distances {to A, to B} before and after the swap (either null: left out). */
    void add(double[] before, double[] after) {
        if (before == null || after == null) {
            return;
        }
        identity[0] += before[0];
        identity[1] += before[1];
        identity[2] += after[0];
        identity[3] += after[1];
        identities++;
    }

    /** The means, by their names in convert.json (null where nothing was measured). */
    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("seam", seams == 0 ? null : seam / seams);
        map.put("edge_added", seams == 0 ? null : edgeAdded / seams);
        map.put("colour_step", seams == 0 ? null : colourStep / seams);
        if (identities > 0) {
            map.put("original_distance_to_a", identity[0] / identities);
            map.put("original_distance_to_b", identity[1] / identities);
            map.put("distance_to_a", identity[2] / identities);
            map.put("distance_to_b", identity[3] / identities);
        }
        return map;
    }
}
