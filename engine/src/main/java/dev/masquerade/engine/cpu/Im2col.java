package dev.masquerade.engine.cpu;

import dev.masquerade.engine.backend.Conv2dGeometry;

/**
 * Turns convolution into matrix multiplication. {@link #im2col} copies every receptive field
 * of one image [C, H, W] into a column of a [C·kH·kW, Ho·Wo] matrix (zeros where the window
 * hangs over the padding); the convolution is then weight [F, C·kH·kW] times that matrix.
 * {@link #col2im} is its adjoint: it adds each column back onto the image positions it came
 * from, which is what the gradient with respect to the input needs.
 */
final class Im2col {
    final int channels, height, width, kernelH, kernelW, outH, outW;
    final Conv2dGeometry g;

    Im2col(int channels, int height, int width, int kernelH, int kernelW, Conv2dGeometry g) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.kernelH = kernelH;
        this.kernelW = kernelW;
        this.g = g;
        this.outH = g.outputHeight(height, kernelH);
        this.outW = g.outputWidth(width, kernelW);
    }

    int rows() {
        return channels * kernelH * kernelW;
    }

    int cols() {
        return outH * outW;
    }

    /** Fills {@code cols} [rows(), cols()] from the image at {@code image[offset..]}. */
    void im2col(double[] image, int offset, double[] cols) {
        visit(image, offset, cols, false);
    }

    /** Adds {@code cols} back into the image at {@code image[offset..]}, which it accumulates into. */
    void col2im(double[] cols, double[] image, int offset) {
        visit(image, offset, cols, true);
    }

    /** One walk over (row of the matrix, output pixel) pairs serves both directions. */
    private void visit(double[] image, int offset, double[] cols, boolean backToImage) {
        // BEGIN SOLUTION task-4.1: visit every (kernel tap, output pixel) pair: the image pixel the tap sees (none in the padding), copied into its column by im2col and added back onto the image by col2im (see tutorials/04-convolution.md)
        int outPixels = outH * outW;
        for (int c = 0; c < channels; c++) {
            for (int ky = 0; ky < kernelH; ky++) {
                for (int kx = 0; kx < kernelW; kx++) {
                    int row = (c * kernelH + ky) * kernelW + kx;
                    int rowBase = row * outPixels;
                    for (int oy = 0; oy < outH; oy++) {
                        int iy = oy * g.strideH() - g.padH() + ky * g.dilationH();
                        boolean rowInside = iy >= 0 && iy < height;
                        for (int ox = 0; ox < outW; ox++) {
                            int ix = ox * g.strideW() - g.padW() + kx * g.dilationW();
                            int col = rowBase + oy * outW + ox;
                            boolean inside = rowInside && ix >= 0 && ix < width;
                            int pixel = offset + (c * height + iy) * width + ix;
                            if (backToImage) {
                                if (inside) {
                                    image[pixel] += cols[col];
                                }
                            } else {
                                cols[col] = inside ? image[pixel] : 0;
                            }
                        }
                    }
                }
            }
        }
        // END SOLUTION
    }
}
