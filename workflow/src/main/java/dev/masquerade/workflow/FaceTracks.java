package dev.masquerade.workflow;

import dev.masquerade.faces.FaceAligner;
import dev.masquerade.faces.FaceRecognitionNet;
import dev.masquerade.faces.SimilarityTransform;
import dev.masquerade.workflow.Alignments.FaceEntry;
import dev.masquerade.workflow.Alignments.FrameFaces;
import java.util.ArrayList;
import java.util.List;

/**
 * Faces followed from frame to frame: a face in one extracted frame continues as the face of the
 * next extracted frame whose detector box overlaps it most (intersection over union at least
 * {@value #MIN_OVERLAP}) and whose descriptor has changed little (under {@value #MAX_CHANGE}); a
 * cut to another face, or a face that leaves, ends its track. On tracks
 * two things are defined:
 * <ul>
 *   <li>{@link #jitterPx()}: how much the aligned landmarks move from one frame to the next, in
 *       the crop's pixels. A still face would score 0; what is left over is the landmark net's
 *       noise, and expression. Swapped faces pasted back by jittery transforms shake.</li>
 *   <li>{@link #smoothed}: the landmarks averaged over a window of frames centred on each
 *       (shorter at a track's ends), and the transforms fitted again on them.</li>
 * </ul>
 */
public final class FaceTracks {
    /** The least overlap of boxes in consecutive frames for one face to continue another. */
    static final double MIN_OVERLAP = 0.3;
    /**
     * The largest descriptor distance between consecutive frames for one face to continue
     * another: well under face-api's 0.6 between people, so that a cut from one face to another
     * in the same place ends the track (on Megamind.avi one face differs by 0.05 to 0.34 from the
     * frame before; the cuts between its two characters, by 0.50 and 0.64).
     */
    static final double MAX_CHANGE = 0.4;

    private final List<FrameFaces> frames;
    /** Each track as {frame position, face position} pairs, in frame order. */
    private final List<List<int[]>> tracks = new ArrayList<>();

    /**
     * Links the faces of {@code frames} (in order) into tracks; faces of pictures ({@code video}
     * false), which follow no one, each make a track of their own.
     */
    public FaceTracks(List<FrameFaces> frames, boolean video) {
        this.frames = frames;
        List<List<int[]>> open = new ArrayList<>();
        for (int f = 0; f < frames.size(); f++) {
            List<FaceEntry> faces = frames.get(f).faces();
            List<List<int[]>> continued = new ArrayList<>();
            boolean[] taken = new boolean[faces.size()];
            for (List<int[]> track : open) {
                int[] last = track.get(track.size() - 1);
                if (!video || last[0] != f - 1) {
                    continue;
                }
                FaceEntry previous = frames.get(last[0]).faces().get(last[1]);
                int best = -1;
                double bestOverlap = MIN_OVERLAP;
                for (int i = 0; i < faces.size(); i++) {
                    double overlap = previous.detectorBox().iou(faces.get(i).detectorBox());
                    if (!taken[i] && overlap >= bestOverlap && FaceRecognitionNet.distance(previous.descriptor(), faces.get(i).descriptor()) < MAX_CHANGE) {
                        best = i;
                        bestOverlap = overlap;
                    }
                }
                if (best >= 0) {
                    taken[best] = true;
                    track.add(new int[] {f, best});
                    continued.add(track);
                }
            }
            for (int i = 0; i < faces.size(); i++) {
                if (!taken[i]) {
                    List<int[]> track = new ArrayList<>();
                    track.add(new int[] {f, i});
                    tracks.add(track);
                    continued.add(track);
                }
            }
            open = continued;
        }
    }

    /** How many tracks. */
    public int count() {
        return tracks.size();
    }

    /** The faces of each track, in frame order. */
    public List<List<FaceEntry>> faces() {
        return tracks.stream().map(track -> track.stream().map(this::face).toList()).toList();
    }

    // snippet: jitter
    /**
     * The mean distance, in the crop's pixels, that an aligned landmark moves between consecutive
     * frames of a track, over all 68 points and all such pairs; NaN when no track is two frames long.
     */
    public double jitterPx() {
        // BEGIN SOLUTION task-8.4: for every two consecutive faces of a track, the mean over the 68 points of the distance between their aligned landmarks (FaceEntry.cropLandmarks); the mean of that over all such pairs, NaN where there is none (see tutorials/22-alignment.md)
        double sum = 0;
        long pairs = 0;
        for (List<int[]> track : tracks) {
            for (int k = 1; k < track.size(); k++) {
                double[][] before = face(track.get(k - 1)).cropLandmarks(), after = face(track.get(k)).cropLandmarks();
                for (int i = 0; i < before.length; i++) {
                    sum += Math.hypot(after[i][0] - before[i][0], after[i][1] - before[i][1]) / before.length;
                }
                pairs++;
            }
        }
        return pairs == 0 ? Double.NaN : sum / pairs;
        // END SOLUTION
    }
    // end snippet

    /**
     * The frames with every face's landmarks averaged over {@code window} frames of its track
     * centred on it (an odd number; 1 changes nothing) and its transform fitted again by
     * {@code aligner}.
     */
    public List<FrameFaces> smoothed(int window, FaceAligner aligner) {
        if (window < 1 || window % 2 == 0) {
            throw new IllegalArgumentException("smoothing needs an odd window of frames (1, 3, 5, ...), got " + window);
        }
        List<List<FaceEntry>> faces = new ArrayList<>();
        for (FrameFaces frame : frames) {
            faces.add(new ArrayList<>(frame.faces()));
        }
        for (List<int[]> track : tracks) {
            for (int k = 0; k < track.size(); k++) {
                int from = Math.max(0, k - window / 2), to = Math.min(track.size(), k + window / 2 + 1);
                FaceEntry face = face(track.get(k));
                double[][] mean = new double[face.landmarks().length][2];
                for (int j = from; j < to; j++) {
                    double[][] points = face(track.get(j)).landmarks();
                    for (int i = 0; i < mean.length; i++) {
                        mean[i][0] += points[i][0] / (to - from);
                        mean[i][1] += points[i][1] / (to - from);
                    }
                }
                SimilarityTransform t = aligner.toCrop(mean);
                faces.get(track.get(k)[0]).set(track.get(k)[1], new FaceEntry(face.crop(), face.box(), face.score(), mean,
                        new double[] {t.a(), t.b(), t.tx(), t.ty()}, face.descriptor()));
            }
        }
        List<FrameFaces> out = new ArrayList<>();
        for (int f = 0; f < frames.size(); f++) {
            out.add(new FrameFaces(frames.get(f).index(), frames.get(f).name(), faces.get(f)));
        }
        return out;
    }

    private FaceEntry face(int[] at) {
        return frames.get(at[0]).faces().get(at[1]);
    }
}
