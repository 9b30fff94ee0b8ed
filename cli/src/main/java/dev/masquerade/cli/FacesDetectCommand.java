package dev.masquerade.cli;

import dev.masquerade.faces.AnnotatedImage;
import dev.masquerade.faces.Face;
import dev.masquerade.faces.FaceAnalyzer;
import dev.masquerade.faces.FacesJson;
import dev.masquerade.faces.RgbImage;
import dev.masquerade.nn.io.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code masquerade faces detect}: faces, landmarks and descriptors of photos, as faces.json and annotated pictures. */
@Command(mixinStandardHelpOptions = true, name = "detect",
        description = "Find the faces in a photo or a folder of photos: writes DIR/faces.json (boxes, scores, 68 landmarks and a 128-d"
                + " descriptor per face, in each photo's pixels) and DIR/PHOTO.faces.png (boxes and landmarks drawn), never over a photo.")
final class FacesDetectCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "IMAGE|FOLDER", description = "A photo (PNG, JPEG, GIF or BMP), or a folder of them.")
    private Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write faces.json and the annotated pictures.")
    private Path out;

    @Mixin
    private FaceModelsOption models;

    @Override
    public Integer call() throws Exception {
        List<Path> photos = photos(input);
        PrintWriter log = spec.commandLine().getOut();
        FaceAnalyzer analyzer = models.load(log);
        Files.createDirectories(out);
        List<Map<String, Object>> entries = new ArrayList<>();
        int found = 0;
        List<Path> unread = new ArrayList<>();
        for (int i = 0; i < photos.size(); i++) {
            Path photo = photos.get(i);
            RgbImage image;
            try {
                image = RgbImage.read(photo);
            } catch (IOException e) {
                if (photos.size() == 1) {
                    throw e;
                }
                log.printf("[%d/%d] %s: skipped: %s%n", i + 1, photos.size(), photo.getFileName(), e.getMessage());
                unread.add(photo);
                continue;
            }
            long start = System.nanoTime();
            List<Face> faces = analyzer.analyze(image, models.score());
            Path annotated = out.resolve(photo.getFileName() + ".faces.png");
            refuseToOverwrite(annotated, photos);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(AnnotatedImage.draw(image, faces), "png", png);
            AtomicFiles.write(annotated, png.toByteArray());
            entries.add(FacesJson.entry(photo.getFileName().toString(), faces));
            found += faces.size();
            log.printf(Locale.ROOT, "[%d/%d] %s: %d face%s (%.0f ms)%n", i + 1, photos.size(), photo.getFileName(), faces.size(),
                    faces.size() == 1 ? "" : "s", (System.nanoTime() - start) / 1e6);
            log.flush();
        }
        Path json = out.resolve("faces.json");
        refuseToOverwrite(json, photos);
        AtomicFiles.write(json, FacesJson.write(entries));
        int read = photos.size() - unread.size();
        log.printf("%d face%s in %d photo%s; wrote %s and the annotated pictures beside it%n", found, found == 1 ? "" : "s", read,
                read == 1 ? "" : "s", json);
        if (!unread.isEmpty()) {
            spec.commandLine().getErr().printf("masquerade: %d of %d photos could not be read and were skipped (see above): %s%n", unread.size(),
                    photos.size(), unread.stream().map(p -> p.getFileName().toString()).toList());
            return 1;
        }
        return 0;
    }

    /** The photo, or the folder's photos by name. */
    static List<Path> photos(Path input) throws IOException {
        if (Files.isRegularFile(input)) {
            return List.of(input);
        }
        if (!Files.isDirectory(input)) {
            throw new IOException(input + ": no such photo or folder");
        }
        try (Stream<Path> files = Files.list(input)) {
            List<Path> photos = files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().toLowerCase(Locale.ROOT)
                    .matches(".*\\.(png|jpe?g|gif|bmp)") && !f.getFileName().toString().endsWith(".faces.png")).sorted().toList();
            if (photos.isEmpty()) {
                throw new IOException(input + " holds no photos (PNG, JPEG, GIF or BMP files; folders inside it are not searched)");
            }
            return photos;
        }
    }

    private static void refuseToOverwrite(Path target, List<Path> photos) throws IOException {
        for (Path photo : photos) {
            if (Files.exists(target) && Files.isSameFile(target, photo)) {
                throw new IOException(target + " is one of the input photos; choose another --out");
            }
        }
    }
}
