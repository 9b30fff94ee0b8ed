package dev.masquerade.nn.data;

import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.io.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** A folder of PNG or JPEG pictures (one identity's faces, say) read as one batch. */
public final class ImageFolder {
    private ImageFolder() {
    }

    /** The image files of a folder, sorted by name. */
    public static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("image folder " + folder + (Files.exists(folder) ? " is a file; name the folder that holds the pictures" : " does not exist"));
        }
        try (Stream<Path> entries = Files.list(folder)) {
            List<Path> images = entries.filter(p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".webp");
            }).sorted().toList();
            if (images.isEmpty()) {
                throw new IOException("image folder " + folder + " holds no .png, .jpg, .jpeg or .webp files");
            }
            return images;
        }
    }

    /** Every image of the folder resized to size×size: [N, channels, size, size] in [0, 1]. */
    public static Tensor load(Path folder, int channels, int size) throws IOException {
        List<Tensor> images = new ArrayList<>();
        for (Path file : files(folder)) {
            images.add(Images.read(file, channels, size));
        }
        return Tensor.stack(images, 0);
    }
}
