package dev.masquerade.faces;

/**
 * A face the detector found: its box in the picture's pixel coordinates and its score, the
 * detector's confidence in (0, 1).
 */
public record Detection(Box box, double score) {
}
