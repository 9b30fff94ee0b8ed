package dev.masquerade.faces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.masquerade.engine.Tensor;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The small geometry face-api's networks rely on: TensorFlow's padding, its pre-processing, boxes and suppression. */
class GeometryTest {

    @Tag("task-7.3")
    @Test
    void samePaddingPutsTheOddPixelAfter() {
        assertArrayEquals(new int[] {0, 1}, SamePadding.amounts(112, 3, 2), "stride 2 on an even size: PyTorch cannot say this");
        assertArrayEquals(new int[] {1, 1}, SamePadding.amounts(56, 3, 1));
        assertArrayEquals(new int[] {0, 1}, SamePadding.amounts(207, 2, 2), "207 → 104");
        assertArrayEquals(new int[] {0, 0}, SamePadding.amounts(414, 2, 2));
        assertArrayEquals(new int[] {0, 1}, SamePadding.amounts(13, 2, 1));
    }

    @Tag("task-7.3")
    @Test
    void maxPoolWithSamePaddingNeverPicksThePadding() {
        Tensor x = Tensor.of(new double[] {-5, -6, -7, -8, -9, -1, -2, -3, -4}, 1, 1, 3, 3);
        // windows of 2×2 at stride 2 over a 3×3 of negatives: the last row and column see a −∞ border, not a 0
        assertArrayEquals(new float[] {-5, -1, -2, -4}, SamePadding.maxPool(x, 2, 2).toFloatArray());
    }

    @Test
    void theDetectorPadsAfterAndTheOtherNetsCentre() {
        RgbImage wide = new RgbImage(4, 1, new float[] {1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4});
        RgbImage after = FaceApiInput.padToSquare(wide, false);
        assertEquals(1, after.at(0, 0, 0));
        assertEquals(0, after.at(0, 3, 0), "three black rows below");
        RgbImage tall = new RgbImage(1, 4, new float[] {1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4});
        RgbImage centred = FaceApiInput.padToSquare(tall, true);
        // diff 3: round(1.5) = 2 columns after, 1 before
        assertEquals(0, centred.at(0, 0, 0));
        assertEquals(1, centred.at(1, 0, 0));
        assertEquals(0, centred.at(2, 0, 0));
        assertEquals(0, centred.at(3, 0, 0));
    }

    @Test
    void resizingSamplesAtIntegerMultiplesWithoutHalfPixelCentres() {
        // 2×2 → 4×4: output i samples input i/2 (0, 0.5, 1, 1.5 → clamped to the last pixel)
        float[] rgb = new float[12];
        float[] grey = {0, 100, 200, 40};
        for (int i = 0; i < 4; i++) {
            rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = grey[i];
        }
        Tensor batch = FaceApiInput.batch(new RgbImage(2, 2, rgb), 4, false, new float[] {0, 0, 0});
        float[] red = batch.narrow(1, 0, 1).contiguous().toFloatArray();
        float[] firstRow = {0, 50, 100, 100};
        for (int x = 0; x < 4; x++) {
            assertEquals(firstRow[x] / 255f, red[x], 1e-7);
        }
        assertEquals((0 + 200) / 2f / 255f, red[4], 1e-7, "row 1 is halfway between the two input rows");
    }

    @Tag("task-7.4")
    @Test
    void suppressionKeepsTheBestOfEachOverlappingGroup() {
        Detection best = new Detection(new Box(0, 0, 10, 10), 0.9);
        Detection overlapping = new Detection(new Box(1, 1, 10, 10), 0.8);
        Detection apart = new Detection(new Box(50, 50, 10, 10), 0.6);
        assertEquals(List.of(best, apart), NonMaxSuppression.keep(List.of(apart, overlapping, best), 0.4));
        assertEquals(81 / 119.0, best.box().iou(overlapping.box()), 1e-12);
    }

    @Tag("task-7.4")
    @Test
    void suppressionIsGreedyNotTransitive() {
        // a overlaps b and b overlaps c, but a and c hardly overlap: once a drops b, c stays
        Detection a = new Detection(new Box(0, 0, 10, 10), 0.9);
        Detection b = new Detection(new Box(3, 0, 10, 10), 0.8);
        Detection c = new Detection(new Box(6, 0, 10, 10), 0.7);
        assertEquals(List.of(a, c), NonMaxSuppression.keep(List.of(c, b, a), 0.4));
        assertEquals(List.of(a, b, c), NonMaxSuppression.keep(List.of(c, b, a), 0.9), "a higher threshold keeps all three");
        assertEquals(List.of(), NonMaxSuppression.keep(List.of(), 0.4));
    }

    @Tag("task-7.5")
    @Test
    void anAnchorDecodesToItsCellAndShape() {
        int cells = 13;
        float[] grid = new float[25 * cells * cells];
        // every anchor of every cell scores σ(−5) = 0.0067, except anchor 1 of cell (row 6, col 4):
        // offsets 0 (σ = 1/2, the cell's centre), sizes e^0 = 1 anchor, score σ(2) = 0.8808
        for (int cell = 0; cell < 5 * cells * cells; cell++) {
            grid[TinyFaceDetector.channel(cell % 5, 4, cell / 5 / cells, cell / 5 % cells, cells)] = -5;
        }
        grid[TinyFaceDetector.channel(1, 4, 6, 4, cells)] = 2;
        List<Detection> found = TinyFaceDetector.decode(grid, cells, 416, 416, 0.5);
        assertEquals(1, found.size());
        Detection d = found.get(0);
        assertEquals(1 / (1 + Math.exp(-2)), d.score(), 1e-12);
        double cell = 416.0 / cells, w = TinyFaceDetector.ANCHORS[1][0] * cell, h = TinyFaceDetector.ANCHORS[1][1] * cell;
        assertEquals(new Box(4.5 * cell - w / 2, 6.5 * cell - h / 2, w, h).toList(), d.box().toList());
        // a picture twice as wide as tall fills the square's top half: y and heights stretch by 2
        Detection wide = TinyFaceDetector.decode(grid, cells, 832, 416, 0.5).get(0);
        assertEquals(2 * (6.5 * cell - h / 2), wide.box().y(), 1e-9);
        assertEquals(2 * h, wide.box().height(), 1e-9);
        assertEquals(List.of(), TinyFaceDetector.decode(grid, cells, 416, 416, 0.9), "0.8808 is below a threshold of 0.9");
    }

    @Test
    void aBoxIsCutAtThePictureAndRoundedDownToWholePixels() {
        assertEquals(new Box(0, 2, 7, 5), new Box(-3.5, 2.7, 10.9, 30).pixelsInside(7, 8));
    }
}
