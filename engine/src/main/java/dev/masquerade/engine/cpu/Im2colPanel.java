package dev.masquerade.engine.cpu;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * im2col without the matrix. {@link VectorGemm} copies every panel of its B operand into a
 * packed buffer before multiplying; when B is an im2col matrix X̂ [C·kH·kW, images·Ho·Wo] that
 * copy can read the images directly, so X̂ itself is never written out and read back (at
 * 64×64 pixels and a 3×3 kernel it would be 9 times the image, and bigger than the L2 cache).
 * Element (r, j) of X̂ is the pixel that kernel tap r = (c, ky, kx) sees from output pixel j,
 * or 0 on the padding: the same walk as {@link Im2col#im2col}, which stays the readable
 * reference that the property tests compare against.
 *
 * <p>So that every read is a plain copy with no test for the padding, the images are first
 * copied once with their zero border, and a strided convolution also splits them into s×s
 * <em>phases</em> (s the stride), phase (a, b) holding padded pixels (s·i + a, s·j + b). Tap
 * (ky, kx) of output row oy then reads one contiguous row of phase (ky mod s, kx mod s): row
 * oy + ⌊ky/s⌋, from column ⌊kx/s⌋ on (dilation scales ky and kx). Packing a panel is then
 * one short copy per output row, or, where rows are too short for that to pay (outputs under
 * {@value #GATHER_BELOW} pixels wide) and for the weight gradient's transposed slivers, vector
 * gathers at offsets worked out once per panel.
 */
final class Im2colPanel {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Outputs narrower than this are packed pixel by pixel ({@link #pixelStarts}). */
    private static final int GATHER_BELOW = 64;
    private static final ThreadLocal<float[][]> LINE = ThreadLocal.withInitial(() -> new float[1][0]);
    private static final ThreadLocal<float[][]> PHASES = ThreadLocal.withInitial(() -> new float[1][0]);

    private final Im2col g;
    private final int strideH, strideW;
    /** The padded images' phases, each phase [images, C, rows(a), cols(b)]. */
    private final float[] phases;
    /** Where phase (a, b) starts in {@link #phases}, at [a·strideW + b]. */
    private final int[] phaseStart;
    /**
     * For narrow outputs, where output pixel j of each phase sits (relative to the phase's
     * first channel), at [a·strideW + b][j]; null for outputs at least {@value #GATHER_BELOW} wide.
     */
    private final int[][] pixelStarts;

    private Im2colPanel(Im2col geometry, float[] x, int firstImage, int count) {
        this.g = geometry;
        this.strideH = geometry.g.strideH();
        this.strideW = geometry.g.strideW();
        this.phaseStart = new int[strideH * strideW];
        this.phases = splitIntoPhases(x, firstImage, count);
        this.pixelStarts = g.outW < GATHER_BELOW ? pixelStarts(count) : null;
    }

    /**
     * Each output pixel's place in each phase. A 7-pixel output row is too short a run to copy
     * as one (the bookkeeping per run cost more than its copy: half a DCGAN discriminator
     * layer's time went to packing), so narrow outputs are packed pixel by pixel through this
     * table instead: one lookup, one load and one store each, with no test and no division.
     */
    private int[][] pixelStarts(int count) {
        int[][] starts = new int[strideH * strideW][count * g.cols()];
        for (int a = 0; a < strideH; a++) {
            for (int b = 0; b < strideW; b++) {
                int rows = phaseRows(a), cols = phaseCols(b);
                int[] phase = starts[a * strideW + b];
                for (int image = 0, j = 0; image < count; image++) {
                    for (int oy = 0; oy < g.outH; oy++) {
                        for (int ox = 0; ox < g.outW; ox++, j++) {
                            phase[j] = (image * g.channels * rows + oy) * cols + ox;
                        }
                    }
                }
            }
        }
        return starts;
    }

    private int phaseRows(int a) {
        return (g.height + 2 * g.g.padH() - a + strideH - 1) / strideH;
    }

    private int phaseCols(int b) {
        return (g.width + 2 * g.g.padW() - b + strideW - 1) / strideW;
    }

    /** The {@code count} images, zero-padded and split into phases; fills in {@link #phaseStart}. */
    private float[] splitIntoPhases(float[] x, int firstImage, int count) {
        int planes = count * g.channels, padH = g.g.padH(), padW = g.g.padW();
        int size = 0;
        for (int a = 0; a < strideH; a++) {
            for (int b = 0; b < strideW; b++) {
                phaseStart[a * strideW + b] = size;
                size += planes * phaseRows(a) * phaseCols(b);
            }
        }
        float[] phases = phaseBuffer(size);
        for (int a = 0; a < strideH; a++) {
            for (int b = 0; b < strideW; b++) {
                int rows = phaseRows(a), cols = phaseCols(b);
                // the phase columns j that hold image pixels, x = j·s + b − padW in [0, width)
                int first = Math.max(0, Math.floorDiv(padW - b + strideW - 1, strideW));
                int last = Math.min(cols, Math.floorDiv(g.width - 1 + padW - b, strideW) + 1);
                int at = phaseStart[a * strideW + b];
                for (int plane = 0; plane < planes; plane++, at += rows * cols) {
                    int image = firstImage + plane * g.height * g.width;
                    for (int i = 0; i < rows; i++) {
                        int row = at + i * cols, y = i * strideH + a - padH;
                        if (y < 0 || y >= g.height || first >= last) {
                            Arrays.fill(phases, row, row + cols, 0f); // a row of the zero border
                            continue;
                        }
                        Arrays.fill(phases, row, row + first, 0f);
                        int src = image + y * g.width + first * strideW + b - padW;
                        if (strideW == 1) {
                            System.arraycopy(x, src, phases, row + first, last - first);
                        } else {
                            for (int j = first; j < last; j++, src += strideW) {
                                phases[row + j] = x[src];
                            }
                        }
                        Arrays.fill(phases, row + last, row + cols, 0f);
                    }
                }
            }
        }
        return phases;
    }

    /** B = X̂ [C·kH·kW, count·Ho·Wo] of {@code count} images from x[firstImage..]: the forward pass, Y = W·X̂. */
    static VectorGemm.PanelSource columns(Im2col geometry, float[] x, int firstImage, int count) {
        Im2colPanel panel = new Im2colPanel(geometry, x, firstImage, count);
        return panel::packColumns;
    }

    /** B = X̂ᵀ [count·Ho·Wo, C·kH·kW]: the weight gradient, W' = G·X̂ᵀ. */
    static VectorGemm.PanelSource transposedColumns(Im2col geometry, float[] x, int firstImage, int count) {
        Im2colPanel panel = new Im2colPanel(geometry, x, firstImage, count);
        return panel::packTransposed;
    }

    /**
     * Rows [row, row + kc) and columns [col, col + nc) of X̂ in NR-wide slivers: each row is
     * gathered once into a contiguous line (runs of plain copies), then cut into the slivers.
     */
    private void packColumns(int row, int kc, int col, int nc, float[] dst) {
        int nr = VectorGemm.NR;
        float[] line = line(nc);
        for (int p = 0; p < kc; p++) {
            copyRow(row + p, col, nc, line, 0, 1);
            int j = 0;
            for (; j + nr <= nc; j += nr) {
                int at = j * kc + p * nr;
                for (int v = 0; v < nr; v += LANES) {
                    FloatVector.fromArray(SPECIES, line, j + v).intoArray(dst, at + v);
                }
            }
            if (j < nc) {
                int at = j * kc + p * nr;
                System.arraycopy(line, j, dst, at, nc - j);
                Arrays.fill(dst, at + nc - j, at + nr, 0f);
            }
        }
    }

    /** Rows [row, row + kc) (output pixels) and columns [col, col + nc) (kernel taps) of X̂ᵀ. */
    private void packTransposed(int row, int kc, int col, int nc, float[] dst) {
        int nr = VectorGemm.NR;
        for (int j = 0; j < nc; j += nr) {
            int width = Math.min(nr, nc - j);
            if (width == nr && phasesAlike()) {
                gatherSliver(row, kc, col + j, dst, j * kc);
                continue;
            }
            if (width < nr) {
                Arrays.fill(dst, j * kc, j * kc + kc * nr, 0f);
            }
            for (int q = 0; q < width; q++) {
                copyRow(col + j + q, row, kc, dst, j * kc + q, nr);
            }
        }
    }

    /** Whether all phases have the same size (always with stride 1), so a pixel sits at the same place in each. */
    private boolean phasesAlike() {
        return phaseRows(strideH - 1) == phaseRows(0) && phaseCols(strideW - 1) == phaseCols(0);
    }

    /**
     * A whole sliver of X̂ᵀ, pixel by pixel: its NR taps read a pixel at NR fixed offsets from
     * where that pixel sits in a phase, so each pixel's NR values are two vector gathers and two
     * plain stores, where copying tap by tap wrote them one float at a time, NR floats apart.
     */
    private void gatherSliver(int row, int kc, int firstTap, float[] dst, int at) {
        int rows = phaseRows(0), cols = phaseCols(0), nr = VectorGemm.NR;
        int[] offsets = new int[nr];
        for (int q = 0; q < nr; q++) {
            int tap = firstTap + q;
            int kx = tap % g.kernelW, ky = tap / g.kernelW % g.kernelH, c = tap / (g.kernelW * g.kernelH);
            int tapY = ky * g.g.dilationH(), tapX = kx * g.g.dilationW();
            offsets[q] = phaseStart[tapY % strideH * strideW + tapX % strideW] + (c * rows + tapY / strideH) * cols + tapX / strideW;
        }
        int pixels = g.cols();
        int image = row / pixels, oy = row % pixels / g.outW, ox = row % pixels % g.outW;
        int position = (image * g.channels * rows + oy) * cols + ox; // the pixel's place in its image's first channel
        for (int t = 0; t < kc; t++) {
            for (int v = 0; v < nr; v += LANES) {
                FloatVector.fromArray(SPECIES, phases, position, offsets, v).intoArray(dst, at + t * nr + v);
            }
            if (++ox < g.outW) {
                position++;
            } else if (++oy < g.outH) {
                ox = 0;
                position += cols - g.outW + 1;
            } else {
                ox = 0;
                oy = 0;
                position = ++image * g.channels * rows * cols;
            }
        }
    }

    /**
     * Copies X̂[row, from .. from + length) to dst[at], dst[at + step], …: one run per output
     * row, each a copy of part of one row of a phase.
     */
    private void copyRow(int row, int from, int length, float[] dst, int at, int step) {
        int kx = row % g.kernelW, ky = row / g.kernelW % g.kernelH, c = row / (g.kernelW * g.kernelH);
        int tapY = ky * g.g.dilationH(), tapX = kx * g.g.dilationW();
        int a = tapY % strideH, b = tapX % strideW;
        int rows = phaseRows(a), cols = phaseCols(b);
        int plane = phaseStart[a * strideW + b] + (tapY / strideH) * cols + tapX / strideW;
        if (pixelStarts != null) {
            int[] starts = pixelStarts[a * strideW + b];
            int channel = plane + c * rows * cols;
            int t = 0;
            if (step == 1) { // whole vectors by gathering
                for (; t + LANES <= length; t += LANES) {
                    FloatVector.fromArray(SPECIES, phases, channel, starts, from + t).intoArray(dst, at + t);
                }
            }
            for (; t < length; t++) {
                dst[at + t * step] = phases[channel + starts[from + t]];
            }
            return;
        }
        int pixels = g.cols();
        int image = from / pixels, oy = from % pixels / g.outW, ox = from % pixels % g.outW;
        for (int done = 0; done < length; ) {
            int run = Math.min(length - done, g.outW - ox);
            int src = plane + ((image * g.channels + c) * rows + oy) * cols + ox;
            int out = at + done * step;
            if (step == 1) {
                for (int t = 0; t < run; t++) {
                    dst[out + t] = phases[src + t];
                }
            } else {
                for (int t = 0; t < run; t++) {
                    dst[out + t * step] = phases[src + t];
                }
            }
            done += run;
            ox += run;
            if (ox == g.outW) {
                ox = 0;
                if (++oy == g.outH) {
                    oy = 0;
                    image++;
                }
            }
        }
    }

    /**
     * This thread's buffer for the phases, of at least n floats (every element is written). A
     * panel is used only while the thread that made it waits for its product, so the next
     * panel made on that thread may take the buffer over.
     */
    private static float[] phaseBuffer(int n) {
        float[][] holder = PHASES.get();
        if (holder[0].length < n) {
            holder[0] = new float[n];
        }
        return holder[0];
    }

    /** This thread's line buffer, of at least n floats. */
    private static float[] line(int n) {
        float[][] holder = LINE.get();
        if (holder[0].length < n) {
            holder[0] = new float[n];
        }
        return holder[0];
    }
}
