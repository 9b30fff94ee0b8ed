package dev.masquerade.engine.cpu;

import dev.masquerade.engine.array.Shape;
import dev.masquerade.engine.array.StridedArray;
import dev.masquerade.engine.backend.Pool2dGeometry;

/**
 * Operations that move elements by position rather than compute them: max pooling and its
 * backward pass, gather and its adjoint scatter-add. Plain double loops, shared by both CPU
 * backends (there is no faster float32 version: these are a small part of a training step).
 */
final class CpuIndexing {
    private CpuIndexing() {
    }

    static void maxPool2d(StridedArray x, StridedArray out, StridedArray indices, Pool2dGeometry g) {
        int planes = x.size(0) * x.size(1);
        int h = x.size(2), w = x.size(3), oh = out.size(2), ow = out.size(3);
        double[] in = StridedLoop.read(x);
        double[] max = new double[out.numel()];
        double[] argmax = new double[out.numel()];
        CpuThreads.parallelFor(planes, (long) oh * ow * g.kernel() * g.kernel(), (from, to) -> {
            for (int p = from; p < to; p++) {
                int plane = p * h * w;
                // BEGIN SOLUTION task-4.3: for every output pixel of the plane, the largest input in its window (clamped to the image: padding never wins) and its position in the plane (see tutorials/04-convolution.md)
                for (int oy = 0; oy < oh; oy++) {
                    // the window clamped to the image: padding never wins a maximum
                    int y0 = Math.max(oy * g.stride() - g.padding(), 0);
                    int y1 = Math.min(oy * g.stride() - g.padding() + g.kernel(), h);
                    for (int ox = 0; ox < ow; ox++) {
                        int x0 = Math.max(ox * g.stride() - g.padding(), 0);
                        int x1 = Math.min(ox * g.stride() - g.padding() + g.kernel(), w);
                        int bestAt = y0 * w + x0;
                        double best = in[plane + bestAt];
                        for (int iy = y0; iy < y1; iy++) {
                            for (int ix = x0; ix < x1; ix++) {
                                int at = iy * w + ix;
                                double v = in[plane + at];
                                boolean better = v > best; // selects, not jumps: which element wins is unpredictable
                                bestAt = better ? at : bestAt;
                                best = better ? v : best;
                            }
                        }
                        max[(p * oh + oy) * ow + ox] = best;
                        argmax[(p * oh + oy) * ow + ox] = bestAt;
                    }
                }
                // END SOLUTION
            }
        });
        StridedLoop.write(max, out);
        StridedLoop.write(argmax, indices);
    }

    static void maxPool2dBackward(StridedArray gradOutput, StridedArray indices, StridedArray gradInput) {
        int planes = gradInput.size(0) * gradInput.size(1);
        int planeIn = gradInput.size(2) * gradInput.size(3);
        int planeOut = gradOutput.size(2) * gradOutput.size(3);
        double[] gy = StridedLoop.read(gradOutput);
        double[] at = StridedLoop.read(indices);
        double[] gx = new double[gradInput.numel()];
        CpuThreads.parallelFor(planes, planeOut, (from, to) -> {
            for (int p = from; p < to; p++) {
                // BEGIN SOLUTION task-4.4: route each output's gradient to the input position that won its window, adding where windows overlap (see tutorials/04-convolution.md)
                for (int j = 0; j < planeOut; j++) {
                    gx[p * planeIn + (int) at[p * planeOut + j]] += gy[p * planeOut + j];
                }
                // END SOLUTION
            }
        });
        StridedLoop.write(gx, gradInput);
    }

    static void gather(StridedArray x, int axis, StridedArray index, StridedArray out) {
        double[] in = StridedLoop.read(x);
        double[] at = StridedLoop.read(index);
        double[] result = new double[out.numel()];
        walkAlongAxis(x.shape(), index.shape(), axis, at, (full, indexed) -> result[indexed] = in[full]);
        StridedLoop.write(result, out);
    }

    static void scatterAdd(StridedArray src, int axis, StridedArray index, StridedArray out) {
        double[] values = StridedLoop.read(src);
        double[] at = StridedLoop.read(index);
        double[] result = StridedLoop.read(out);
        walkAlongAxis(out.shape(), index.shape(), axis, at, (full, indexed) -> result[full] += values[indexed]);
        StridedLoop.write(result, out);
    }

    /** Visits (position in the full tensor, position in the indexed tensor) pairs of gather. */
    @FunctionalInterface
    private interface IndexPair {
        void visit(int full, int indexed);
    }

    private static void walkAlongAxis(int[] fullShape, int[] indexShape, int axis, double[] index, IndexPair pair) {
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= indexShape[d];
        }
        int inner = Shape.numel(indexShape) / outer / indexShape[axis];
        int fullAxis = fullShape[axis];
        int indexAxis = indexShape[axis];
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < indexAxis; j++) {
                for (int i = 0; i < inner; i++) {
                    int indexed = (o * indexAxis + j) * inner + i;
                    pair.visit((o * fullAxis + (int) index[indexed]) * inner + i, indexed);
                }
            }
        }
    }}
