package dev.masquerade.engine.backend;

/**
 * The hyper-parameters of a 2-d convolution, per axis (height, width).
 * The output height is {@code (h + 2·padH − dilationH·(kernelH − 1) − 1) / strideH + 1}.
 */
public record Conv2dGeometry(int strideH, int strideW, int padH, int padW, int dilationH, int dilationW) {

    public Conv2dGeometry {
        if (strideH < 1 || strideW < 1 || dilationH < 1 || dilationW < 1 || padH < 0 || padW < 0) {
            throw new IllegalArgumentException("conv2d: stride and dilation must be >= 1 and padding >= 0, got " + describe(strideH, strideW, padH, padW, dilationH, dilationW));
        }
    }

    /** The same stride, padding and dilation on both axes. */
    public static Conv2dGeometry square(int stride, int padding, int dilation) {
        return new Conv2dGeometry(stride, stride, padding, padding, dilation, dilation);
    }

    /** Output height for an input of height {@code h} and a kernel of height {@code kernelH}. */
    public int outputHeight(int h, int kernelH) {
        return (h + 2 * padH - dilationH * (kernelH - 1) - 1) / strideH + 1;
    }

    /** Output width for an input of width {@code w} and a kernel of width {@code kernelW}. */
    public int outputWidth(int w, int kernelW) {
        return (w + 2 * padW - dilationW * (kernelW - 1) - 1) / strideW + 1;
    }

    private static String describe(int sh, int sw, int ph, int pw, int dh, int dw) {
        return "stride (" + sh + ", " + sw + "), padding (" + ph + ", " + pw + "), dilation (" + dh + ", " + dw + ")";
    }

    @Override
    public String toString() {
        return describe(strideH, strideW, padH, padW, dilationH, dilationW);
    }
}
