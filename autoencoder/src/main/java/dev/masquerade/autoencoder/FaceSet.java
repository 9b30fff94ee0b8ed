package dev.masquerade.autoencoder;

import dev.masquerade.engine.Tensor;
import dev.masquerade.engine.array.Shape;
import dev.masquerade.nn.data.ImageFolder;
import dev.masquerade.nn.io.Images;
import java.awt.Dimension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The aligned face crops of one identity, on the CPU: images [N, 3, S, S] in [0, 1] and,
 * where known, where the face is ([N, 1, S, S], 1 inside) and where its eyes and mouth are.
 * Synthetic faces know both masks; crops from a folder know neither.
 */
public record FaceSet(Tensor images, Tensor faceMasks, Tensor featureMasks) {

    /** Checks that the images are RGB squares and that the masks match them. */
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
        return new FaceSet(pick(images, indices), faceMasks == null ? null : pick(faceMasks, indices),
                featureMasks == null ? null : pick(featureMasks, indices));
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
        Path faceMasks = folder.resolve("masks"), featureMasks = folder.resolve("features");
        if (!Files.isDirectory(faceMasks) || !Files.isDirectory(featureMasks)) {
            return new FaceSet(images, null, null);
        }
        return new FaceSet(images, masks(faceMasks, files, size), masks(featureMasks, files, size));
    }

    /** The mask of each crop, by name, from {@code masks}. */
    private static Tensor masks(Path masks, List<Path> crops, int size) throws IOException {
        List<Tensor> loaded = new java.util.ArrayList<>();
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
