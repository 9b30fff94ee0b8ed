package dev.masquerade.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.masquerade.faces.FaceRecognitionNet;
import dev.masquerade.faces.RgbImage;
import dev.masquerade.nn.io.AtomicFiles;
import dev.masquerade.workflow.Alignments.FaceEntry;
import dev.masquerade.workflow.Alignments.FrameFaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sort tool, for cleaning a face set by eye: it copies an extraction folder's faces into a
 * new folder in an order that puts the bad ones together, as faceswap's sort does.
 * <ul>
 *   <li>{@code blur}: sharpest first, by the variance of the Laplacian of the crop's grey levels
 *       inside the face mask (a blurred face has few strong second differences); the blurriest
 *       end up last, to be deleted.</li>
 *   <li>{@code pose}: by yaw, from facing one side to the other: the nose tip's offset from the
 *       midpoint of the eyes, over the distance between the eyes.</li>
 *   <li>{@code identity}: into one folder per person, {@code identity_1} the largest: each face
 *       joins the group whose mean descriptor lies nearest, when nearer than the threshold, and
 *       starts a new group otherwise.</li>
 * </ul>
 * Each folder written is an extraction folder again (crops, masks, features and the
 * alignments.json of its faces), so training and convert take it as they take extract's; a
 * face whose crop was deleted from the input folder is left out.
 */
public final class FaceSorter {
    /** What to sort by. */
    public enum By {
        BLUR, POSE, IDENTITY;

        /** By its name, any case. */
        public static By parse(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--by must be blur, pose or identity, got '" + text + "'", e);
            }
        }
    }

    private FaceSorter() {
    }

    /** Sorts the extraction folder {@code in} into the new folder {@code out}; returns what sort.json holds. */
    public static Map<String, Object> sort(Path in, By by, Path out, double threshold) throws IOException {
        Alignments alignments = Alignments.read(in.resolve(Alignments.FILE));
        Extractor.refuseNonEmpty(out);
        List<FrameFaces> present = new ArrayList<>();
        for (FrameFaces frame : alignments.frames()) {
            present.add(new FrameFaces(frame.index(), frame.name(), frame.faces().stream().filter(f -> Files.exists(in.resolve(f.crop()))).toList()));
        }
        List<FaceEntry> faces = present.stream().flatMap(frame -> frame.faces().stream()).collect(java.util.stream.Collectors.toList());
        if (faces.isEmpty()) {
            throw new IOException(in + " holds none of the crops its alignments.json names; sort an extraction folder");
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("by", by.name().toLowerCase(Locale.ROOT));
        if (by == By.IDENTITY) {
            List<List<FaceEntry>> groups = groupByIdentity(new FaceTracks(present, alignments.source().video()).faces(), threshold);
            List<Integer> sizes = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                write(in, alignments, groups.get(g), false, out.resolve("identity_" + (g + 1)));
                sizes.add(groups.get(g).size());
            }
            summary.put("threshold", threshold);
            summary.put("identities", sizes);
        } else {
            Map<FaceEntry, Double> scores = new HashMap<>();
            for (FaceEntry face : faces) {
                scores.put(face, by == By.BLUR ? sharpness(in, face) : yaw(face));
            }
            faces.sort(Comparator.comparingDouble((FaceEntry face) -> by == By.BLUR ? -scores.get(face) : scores.get(face)));
            write(in, alignments, faces, true, out);
            List<Map<String, Object>> ranked = new ArrayList<>();
            for (FaceEntry face : faces) {
                ranked.add(Map.of("crop", face.crop(), by == By.BLUR ? "sharpness" : "yaw", scores.get(face)));
            }
            summary.put("faces", ranked);
        }
        Files.createDirectories(out);
        AtomicFiles.write(out.resolve("sort.json"), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary) + "\n");
        return summary;
    }

    /** The variance of the Laplacian (4-neighbour) of the grey levels, over the pixels inside the face mask (all, where it is missing). */
    static double sharpness(Path folder, FaceEntry face) throws IOException {
        RgbImage crop = RgbImage.read(folder.resolve(face.crop()));
        Path maskFile = folder.resolve("masks").resolve(face.crop());
        RgbImage mask = Files.exists(maskFile) ? RgbImage.read(maskFile) : null;
        double sum = 0, squares = 0;
        long n = 0;
        for (int y = 1; y < crop.height() - 1; y++) {
            for (int x = 1; x < crop.width() - 1; x++) {
                if (mask != null && mask.at(x, y, 0) < 128) {
                    continue;
                }
                double laplacian = crop.grey(x - 1, y) + crop.grey(x + 1, y) + crop.grey(x, y - 1) + crop.grey(x, y + 1) - 4 * crop.grey(x, y);
                sum += laplacian;
                squares += laplacian * laplacian;
                n++;
            }
        }
        return n == 0 ? 0 : squares / n - (sum / n) * (sum / n);
    }

    /** The nose tip's sideways offset from the eyes' midpoint over the eyes' distance, in the aligned crop: 0 facing the camera. */
    static double yaw(FaceEntry face) {
        double[][] points = face.cropLandmarks();
        double[] left = mean(points, 36, 42), right = mean(points, 42, 48);
        double eyes = Math.hypot(right[0] - left[0], right[1] - left[1]);
        return (points[30][0] - (left[0] + right[0]) / 2) / eyes;
    }

    private static double[] mean(double[][] points, int from, int to) {
        double x = 0, y = 0;
        for (int i = from; i < to; i++) {
            x += points[i][0] / (to - from);
            y += points[i][1] / (to - from);
        }
        return new double[] {x, y};
    }

    /**
     * Groups of faces of one person, largest first: the faces of a track start as one group (a
     * face followed from frame to frame stays one person), then the two groups whose mean
     * descriptors lie nearest merge, again and again, while that distance is under the threshold.
     */
    static List<List<FaceEntry>> groupByIdentity(List<List<FaceEntry>> tracks, double threshold) {
        List<List<FaceEntry>> groups = new ArrayList<>();
        List<float[]> means = new ArrayList<>();
        for (List<FaceEntry> track : tracks) {
            groups.add(new ArrayList<>(track));
            means.add(meanDescriptor(track));
        }
        int n = groups.size();
        double[][] distance = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                distance[i][j] = FaceRecognitionNet.distance(means.get(i), means.get(j));
            }
        }
        boolean[] merged = new boolean[n];
        while (true) {
            int bi = -1, bj = -1;
            double best = threshold;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    if (!merged[i] && !merged[j] && distance[i][j] < best) {
                        best = distance[i][j];
                        bi = i;
                        bj = j;
                    }
                }
            }
            if (bi < 0) {
                break;
            }
            groups.get(bj).addAll(groups.get(bi));
            merged[bi] = true;
            means.set(bj, meanDescriptor(groups.get(bj)));
            for (int k = 0; k < n; k++) {
                if (k != bj && !merged[k]) {
                    double d = FaceRecognitionNet.distance(means.get(bj), means.get(k));
                    distance[Math.max(bj, k)][Math.min(bj, k)] = d;
                }
            }
        }
        List<List<FaceEntry>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!merged[i]) {
                out.add(groups.get(i));
            }
        }
        out.sort(Comparator.comparingInt((List<FaceEntry> g) -> -g.size()));
        return out;
    }

    private static float[] meanDescriptor(List<FaceEntry> faces) {
        float[] mean = new float[faces.get(0).descriptor().length];
        for (FaceEntry face : faces) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += face.descriptor()[i] / faces.size();
            }
        }
        return mean;
    }

    /** Copies the faces (crop, masks) into {@code out}, numbered in order where asked, with their alignments.json. */
    private static void write(Path in, Alignments alignments, List<FaceEntry> faces, boolean numbered, Path out) throws IOException {
        Files.createDirectories(out.resolve("masks"));
        Files.createDirectories(out.resolve("features"));
        Map<FaceEntry, String> names = new HashMap<>();
        for (int i = 0; i < faces.size(); i++) {
            FaceEntry face = faces.get(i);
            String name = numbered ? String.format(Locale.ROOT, "%04d_%s", i + 1, face.crop()) : face.crop();
            names.put(face, name);
            Files.copy(in.resolve(face.crop()), out.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
            for (String masks : new String[] {"masks", "features"}) {
                Path mask = in.resolve(masks).resolve(face.crop());
                if (Files.exists(mask)) {
                    Files.copy(mask, out.resolve(masks).resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        List<FrameFaces> frames = new ArrayList<>();
        for (FrameFaces frame : alignments.frames()) {
            frames.add(new FrameFaces(frame.index(), frame.name(), frame.faces().stream().filter(names::containsKey)
                    .map(f -> new FaceEntry(names.get(f), f.box(), f.score(), f.landmarks(), f.transform(), f.descriptor())).toList()));
        }
        Alignments kept = new Alignments(alignments.source(), alignments.crop(), frames);
        kept.write(out.resolve(Alignments.FILE));
        kept.writeCropLandmarks(out, FaceEntry::crop);
    }
}
