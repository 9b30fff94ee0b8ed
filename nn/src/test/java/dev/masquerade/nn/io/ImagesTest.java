package dev.masquerade.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masquerade.engine.Rng;
import dev.masquerade.engine.Tensor;
import dev.masquerade.nn.data.ImageFolder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PNG out and back in, grids, and folders of pictures. */
class ImagesTest {
    @TempDir
    Path folder;

    @Test
    void aPngRoundTripKeepsEveryPixelTo8Bits() throws IOException {
        Tensor rgb = Tensor.rand(new Rng(1), 3, 5, 7);
        Images.writePng(rgb, folder.resolve("rgb.png"));
        Tensor back = Images.read(folder.resolve("rgb.png"), 3, 0);
        assertArrayEquals(rgb.shape(), back.shape());
        assertArrayEquals(rgb.toFloatArray(), back.toFloatArray(), 0.5f / 255 + 1e-6f);
        Tensor grey = Tensor.rand(new Rng(2), 1, 4, 4);
        Images.writePng(grey, folder.resolve("grey.png"));
        assertArrayEquals(grey.toFloatArray(), Images.read(folder.resolve("grey.png"), 1, 0).toFloatArray(), 0.5f / 255 + 1e-6f);
    }

    @Test
    void aPictureCutShortIsNamedWithItsFile() throws IOException {
        Path whole = folder.resolve("whole.png"), cut = folder.resolve("face7.png");
        Images.writePng(Tensor.rand(new Rng(3), 3, 32, 32), whole);
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        IOException e = assertThrows(IOException.class, () -> Images.read(cut, 3, 0));
        assertTrue(e.getMessage().contains("face7.png") && e.getMessage().contains("complete"), e.getMessage());
    }

    @Test
    void aGridPlacesImagesInRowsWithWhiteBetween() {
        Tensor batch = Tensor.zeros(5, 1, 4, 3);
        Tensor grid = Images.grid(batch, 2, 1);
        assertArrayEquals(new int[] {1, 3 * 5 + 1, 2 * 4 + 1}, grid.shape()); // 3 rows of (4 + 1), 2 columns of (3 + 1)
        float[] v = grid.toFloatArray();
        assertEquals(1f, v[0]);          // padding
        assertEquals(0f, v[1 * 9 + 1]);  // first pixel of the first image
        assertEquals(1f, v[v.length - 2]); // the empty sixth cell stays white
    }

    @Test
    void readingResizesAndAFolderBecomesABatch() throws IOException {
        Path faces = Files.createDirectories(folder.resolve("faces"));
        for (int i = 0; i < 3; i++) {
            Images.writePng(Tensor.rand(new Rng(i), 3, 20, 30), faces.resolve("face" + i + ".png"));
        }
        Files.writeString(faces.resolve("notes.txt"), "not an image");
        Tensor batch = ImageFolder.load(faces, 3, 16);
        assertArrayEquals(new int[] {3, 3, 16, 16}, batch.shape());
        IOException empty = assertThrows(IOException.class, () -> ImageFolder.load(Files.createDirectories(folder.resolve("empty")), 3, 16));
        assertTrue(empty.getMessage().contains("holds no .png"), empty.getMessage());
        IOException notImage = assertThrows(IOException.class, () -> Images.read(faces.resolve("notes.txt"), 3, 0));
        assertTrue(notImage.getMessage().contains("not an image"), notImage.getMessage());
    }

    @Test
    void aMissingPictureAndAFileForAFolderAreCalledWhatTheyAre() throws IOException {
        IOException missing = assertThrows(IOException.class, () -> Images.read(folder.resolve("gone.png"), 3, 0));
        assertTrue(missing.getMessage().endsWith("gone.png: no such file"), missing.getMessage());
        IOException aFolder = assertThrows(IOException.class, () -> Images.read(folder, 3, 0));
        assertTrue(aFolder.getMessage().contains("is a folder, not a picture"), aFolder.getMessage());
        Path file = Files.writeString(folder.resolve("list.txt"), "a.png");
        IOException notAFolder = assertThrows(IOException.class, () -> ImageFolder.load(file, 3, 16));
        assertTrue(notAFolder.getMessage().contains("list.txt is a file"), notAFolder.getMessage());
    }

    @Test
    void everyKindOfPngAndJpegReadsAsColoursInZeroToOne() throws IOException {
        // what a face folder collected from cameras, phones and editors holds: 16-bit grey, palette, alpha, CMYK
        BufferedImage grey16 = new BufferedImage(4, 4, BufferedImage.TYPE_USHORT_GRAY);
        grey16.getRaster().setSample(1, 2, 0, 65535);
        grey16.getRaster().setSample(2, 2, 0, 32768);
        Path grey16File = folder.resolve("grey16.png");
        ImageIO.write(grey16, "png", grey16File.toFile());
        Tensor grey = Images.read(grey16File, 1, 0);
        assertEquals(1f, pixel(grey, 2, 1)[0], 1e-6f);
        assertEquals(32768 / 65535f, pixel(grey, 2, 2)[0], 1e-6f);
        BufferedImage palette = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_INDEXED);
        palette.setRGB(3, 0, 0xFF0000);
        Path paletteFile = folder.resolve("palette.png");
        ImageIO.write(palette, "png", paletteFile.toFile());
        assertArrayEquals(new float[] {1, 0, 0}, pixel(Images.read(paletteFile, 3, 0), 0, 3), 1e-6f, "the colour, not its palette index");
        BufferedImage alpha = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
        alpha.setRGB(0, 0, 0xFF00FF00);
        Path alphaFile = folder.resolve("alpha.png");
        ImageIO.write(alpha, "png", alphaFile.toFile());
        assertArrayEquals(new float[] {0, 1, 0}, pixel(Images.read(alphaFile, 3, 0), 0, 0), 1e-6f);
        // red left half, blue right half, written by Pillow as CMYK: Java's own JPEG reader gets its colours wrong
        Path cmyk = Path.of("src/test/resources/pictures/red-blue-cmyk.jpg");
        Tensor redBlue = Images.read(cmyk, 3, 0);
        assertArrayEquals(new float[] {1, 0, 0}, pixel(redBlue, 16, 4), 0.04f);
        assertArrayEquals(new float[] {0, 0, 1}, pixel(redBlue, 16, 28), 0.04f);
    }

    @Test
    void aPictureTooLargeToReadIsRefusedByItsHeaderAndADeviceIsNotAPicture() throws IOException {
        // a PNG that announces 60000 x 60000 pixels (3.6 billion) in its header
        ByteBuffer header = ByteBuffer.allocate(13).putInt(60000).putInt(60000).put(new byte[] {8, 2, 0, 0, 0});
        ByteBuffer png = ByteBuffer.allocate(8 + 25);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}).putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII)).put(header.array());
        CRC32 crc = new CRC32();
        crc.update(png.array(), 12, 17);
        png.putInt((int) crc.getValue());
        Path huge = Files.write(folder.resolve("huge.png"), png.array());
        IOException tooLarge = assertThrows(IOException.class, () -> Images.read(huge, 3, 0));
        assertTrue(tooLarge.getMessage().contains("huge.png is 60000x60000 pixels, more than Masquerade reads"), tooLarge.getMessage());
        Path device = Path.of("/dev/null");
        if (Files.exists(device)) {
            IOException notAFile = assertThrows(IOException.class, () -> Images.read(device, 3, 0));
            assertTrue(notAFile.getMessage().contains("is not a regular file"), notAFile.getMessage());
        }
    }

    /** The channels of one pixel of an image [C, H, W]. */
    private static float[] pixel(Tensor image, int y, int x) {
        int channels = image.size(0), h = image.size(1), w = image.size(2);
        float[] values = image.toFloatArray(), pixel = new float[channels];
        for (int c = 0; c < channels; c++) {
            pixel[c] = values[(c * h + y) * w + x];
        }
        return pixel;
    }
}
