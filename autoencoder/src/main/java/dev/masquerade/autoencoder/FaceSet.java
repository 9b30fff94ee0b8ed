package dev.masquerade.autoencoder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Shape;
import dev.masquerade.nn.data.ImageFolder;
import dev.masquerade.nn.io.AtomicFiles;
import dev.masquerade.nn.io.Images;
import java.awt.Dimension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The aligned face crops of one identity, on the CPU: images [N, 3, S, S] in [0, 1] and,
 * where known, where the face is ([N, 1, S, S], 1 inside), where its eyes and mouth are, and
 * its 68 landmarks in the crop's pixels ({@code landmarks[i][point] = {x, y}}). Synthetic
 * faces know both masks; crops from a folder know what {@code masquerade faceswap extract}
 * wrote beside them.
 */
public record FaceSet(Tensor images, Tensor faceMasks, Tensor featureMasks, double[][][] landmarks) {
    /** The landmarks file of an extraction folder: {"size": S, "faces": {"CROP.png": [[x, y] × 68], ...}}, in S-pixel crops. */
    public static final String LANDMARKS = "landmarks.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A face set without landmarks. */
    public FaceSet(Tensor images, Tensor faceMasks, Tensor featureMasks) {
        this(images, faceMasks, featureMasks, null);
    }

    /** Checks that the images are RGB squares and that the masks and landmarks match them. */
    public FaceSet {
        if (images.rank() != 4 || images.size(1) != 3 || images.size(2) != images.size(3) || images.size(0) == 0) {
            throw new IllegalArgumentException("a face set needs RGB square images [N, 3, S, S] with N >= 1, got " + Shape.str(images.shape()));
        }
        for (Tensor mask : new Tensor[]{faceMasks, featureMasks}) {
            if (mask != null && !java.util.Arrays.equals(mask.shape(), new int[]{images.size(0), 1, images.size(2), images.size(3)})) {
                throw new IllegalArgumentException("a face set's masks must be [N, 1, S, S] like its images " + Shape.str(images.shape())
                        + ", got " + Shape.str(mask.shape()));
            }
        }
        if (landmarks != null && landmarks.length != images.size(0)) {
            throw new IllegalArgumentException("a face set needs landmarks for each of its " + images.size(0) + " faces, got " + landmarks.length);
        }
    }

    /** Whether the landmarks are known. */
    public boolean hasLandmarks() {
        return landmarks != null;
    }

    /** Number of faces. */
    public int size() {
        return images.size(0);
    }

    /** Side length in pixels. */
    public int pixels() {
        return images.size(2);
    }

    /** Whether the masks are known. */
    public boolean hasMasks() {
        return faceMasks != null;
    }

    /** The faces at {@code indices}, masks included. */
    public FaceSet select(int[] indices) {
        double[][][] picked = null;
        if (landmarks != null) {
            picked = new double[indices.length][][];
            for (int i = 0; i < indices.length; i++) {
                picked[i] = landmarks[indices[i]];
            }
        }
        return new FaceSet(pick(images, indices), faceMasks == null ? null : pick(faceMasks, indices),
                featureMasks == null ? null : pick(featureMasks, indices), picked);
    }

    /** Whole images copied out by index (a concatenation of views copies runs, not single elements). */
    private static Tensor pick(Tensor batch, int[] indices) {
        List<Tensor> picked = new java.util.ArrayList<>(indices.length);
        for (int i : indices) {
            picked.add(batch.narrow(0, i, 1));
        }
        return Tensor.concat(picked, 0);
    }

    /** The mean face [1, 3, S, S]: what a model that ignores pose and expression would draw. */
    public Tensor meanFace() {
        return images.mean(new int[]{0}, true);
    }

    /**
     * Every image of a folder of aligned face crops. All crops must be squares of one size;
     * they are resized to {@code size} pixels. Where the folder also holds {@code masks/} and
     * {@code features/} with a picture of each crop's name (as {@code masquerade faceswap
     * extract} writes them: the face, and the eyes and mouth, white), those are its masks.
     */
    public static FaceSet fromFolder(Path folder, int size) throws IOException {
        List<Path> files = ImageFolder.files(folder);
        Dimension first = Images.dimensions(files.get(0));
        for (Path file : files) {
            Dimension d = Images.dimensions(file);
            if (d.width != d.height) {
                throw new IOException("face crops in " + folder + " must be squares, but " + file.getFileName() + " is " + d.width + "x"
                        + d.height + " (crop and align them first)");
            }
            if (!d.equals(first)) {
                throw new IOException("face crops in " + folder + " must be squares of one size, but " + files.get(0).getFileName()
                        + " is " + first.width + "x" + first.height + " and " + file.getFileName() + " is " + d.width + "x" + d.height
                        + " (crop and align them first)");
            }
        }
        if (2 * first.width < size) {
            throw new IOException("face crops in " + folder + " are " + first.width + "x" + first.height + " pixels, under half the model's "
                    + size + "x" + size + ": scaling them up that far leaves nothing to learn; crop the faces larger (at least " + size / 2
                    + " pixels), or train a smaller --size");
        }
        Tensor images = ImageFolder.load(folder, 3, size);
        double[][][] landmarks = Files.isRegularFile(folder.resolve(LANDMARKS)) ? readLandmarks(folder, files, size) : null;
        Path faceMasks = folder.resolve("masks"), featureMasks = folder.resolve("features");
        if (!Files.isDirectory(faceMasks) || !Files.isDirectory(featureMasks)) {
            return new FaceSet(images, null, null, landmarks);
        }
        return new FaceSet(images, masks(faceMasks, files, size), masks(featureMasks, files, size), landmarks);
    }

    /** Writes {@value #LANDMARKS}: each crop's landmarks, in the pixels of {@code size}-pixel crops. */
    public static void writeLandmarks(Path folder, int size, Map<String, double[][]> landmarks) throws IOException {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("size", size);
        file.put("faces", new TreeMap<>(landmarks));
        AtomicFiles.write(folder.resolve(LANDMARKS), JSON.writeValueAsString(file) + "\n");
    }

    /** Each crop's landmarks from {@value #LANDMARKS}, scaled to {@code size}-pixel crops; one line where one is missing. */
    private static double[][][] readLandmarks(Path folder, List<Path> crops, int size) throws IOException {
        JsonNode file;
        try {
            file = JSON.readTree(folder.resolve(LANDMARKS).toFile());
        } catch (IOException e) {
            throw new IOException(folder.resolve(LANDMARKS) + " cannot be read (" + e.getMessage().lines().findFirst().orElse("")
                    + "); extract again, or move it away to train without landmarks", e);
        }
        double scale = (double) size / file.path("size").asInt(size);
        double[][][] out = new double[crops.size()][][];
        for (int i = 0; i < crops.size(); i++) {
            JsonNode points = file.path("faces").path(crops.get(i).getFileName().toString());
            if (!points.isArray() || points.isEmpty()) {
                throw new IOException(crops.get(i).getFileName() + " has no landmarks in " + folder.resolve(LANDMARKS)
                        + "; every crop needs them there (or move the file away to train without landmarks)");
            }
            out[i] = new double[points.size()][];
            for (int k = 0; k < points.size(); k++) {
                out[i][k] = new double[] {points.get(k).get(0).asDouble() * scale, points.get(k).get(1).asDouble() * scale};
            }
        }
        return out;
    }

    /** The mask of each crop, by name, from {@code masks}. */
    private static Tensor masks(Path masks, List<Path> crops, int size) throws IOException {
        List<Tensor> loaded = new ArrayList<>();
        for (Path crop : crops) {
            Path mask = masks.resolve(crop.getFileName());
            if (!Files.isRegularFile(mask)) {
                throw new IOException(crop.getFileName() + " has no mask in " + masks + "; every crop needs one there (delete a crop's masks"
                        + " with it, or move the masks folders away to train without masks)");
            }
            loaded.add(Images.read(mask, 1, size));
        }
        return Tensor.stack(loaded, 0);
    }


    /** Writes the faces as one PNG grid. */
    public void writeGrid(Path file, int columns) throws IOException {
        Images.writeGrid(images, columns, file);
    }
}
