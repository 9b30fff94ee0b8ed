package dev.masquerade.engine.cpu;

/**
 * Per-thread buffers the convolution kernels reuse from call to call, so a training step does
 * not allocate (and have the JVM zero) the same large arrays again and again. Each buffer has a
 * slot of its own; a buffer's contents are whatever the last user left, so a kernel writes
 * every element it later reads.
 */
final class Scratch {
    /** A col2im source matrix ({@link FloatConvolution}). */
    static final int COLUMNS = 0;
    /** Images' outputs or gradients side by side ({@link FloatConvolution}). */
    static final int GROUPED = 1;
    /** Transformed tiles V ({@link WinogradConvolution}). */
    static final int TILES = 2;
    /** Transformed outputs M or their gradients ({@link WinogradConvolution}). */
    static final int PRODUCTS = 3;
    /** Rows split into even and odd columns and their 1-D transforms ({@link WinogradConvolution}). */
    static final int ROWS = 4;
    /** Transformed weights U ({@link WinogradConvolution}). */
    static final int WEIGHTS = 5;
    /** One image row between zeros ({@link WinogradConvolution}). */
    static final int LINE = 6;
    private static final ThreadLocal<float[][]> BUFFERS = ThreadLocal.withInitial(() -> new float[7][0]);

    private Scratch() {
    }

    /** This thread's buffer in {@code slot}, of at least n floats. */
    static float[] get(int slot, int n) {
        float[][] buffers = BUFFERS.get();
        if (buffers[slot].length < n) {
            buffers[slot] = new float[n];
        }
        return buffers[slot];
    }
}
