package dev.masquerade.faces;

import java.util.List;

/**
 * An axis-aligned rectangle in pixel coordinates: its top-left corner (x, y), its width and its
 * height.
 */
public record Box(double x, double y, double width, double height) {

    /** x + width. */
    public double right() {
        return x + width;
    }

    /** y + height. */
    public double bottom() {
        return y + height;
    }

    /** width × height. */
    public double area() {
        return width * height;
    }

    /** Intersection over union: the overlap's area over the area the two cover together (0 apart, 1 equal). */
    public double iou(Box other) {
        double w = Math.max(0, Math.min(right(), other.right()) - Math.max(x, other.x));
        double h = Math.max(0, Math.min(bottom(), other.bottom()) - Math.max(y, other.y));
        return w * h / (area() + other.area() - w * h);
    }

    /** Every coordinate times sx (x and width) or sy (y and height). */
    public Box scale(double sx, double sy) {
        return new Box(x * sx, y * sy, width * sx, height * sy);
    }

    /**
     * The whole pixels of this box inside a width × height picture, as face-api cuts a face out
     * ({@code clipAtImageBorders}: clip, then round every number down); empty (zero width or
     * height) when the box lies outside.
     */
    public Box pixelsInside(int imageWidth, int imageHeight) {
        double left = Math.max(x, 0), top = Math.max(y, 0);
        double w = Math.min(right() - left, imageWidth - left), h = Math.min(bottom() - top, imageHeight - top);
        return new Box(Math.floor(left), Math.floor(top), Math.max(0, Math.floor(w)), Math.max(0, Math.floor(h)));
    }

    /** [x, y, width, height], the order faces.json writes. */
    public List<Double> toList() {
        return List.of(x, y, width, height);
    }
}
