package dev.masquerade.workflow;

/**
 * A plausible set of 68 landmarks for tests, in dlib's numbering: a jaw arc, eyebrows, a nose,
 * two eyes and a mouth, laid out in a square of the given side, face upright in its middle.
 */
final class FaceLayout {
    private FaceLayout() {
    }

    static double[][] landmarks(double side) {
        double[][] p = new double[68][];
        double cx = 0.5, cy = 0.55;
        for (int i = 0; i < 17; i++) { // jaw: an arc from ear to ear under the face
            double angle = Math.PI * (i / 16.0);
            p[i] = new double[] {cx - 0.3 * Math.cos(angle), cy + 0.3 * Math.sin(angle) - 0.05};
        }
        for (int i = 0; i < 5; i++) { // eyebrows
            p[17 + i] = new double[] {0.27 + 0.04 * i, 0.36 - 0.01 * Math.sin(Math.PI * i / 4)};
            p[22 + i] = new double[] {0.57 + 0.04 * i, 0.36 - 0.01 * Math.sin(Math.PI * i / 4)};
        }
        for (int i = 0; i < 4; i++) { // nose bridge
            p[27 + i] = new double[] {cx, 0.42 + 0.04 * i};
        }
        for (int i = 0; i < 5; i++) { // nostrils
            p[31 + i] = new double[] {0.44 + 0.03 * i, 0.6};
        }
        for (int eye = 0; eye < 2; eye++) { // eyes: six points around an ellipse
            double ex = eye == 0 ? 0.35 : 0.65;
            for (int k = 0; k < 6; k++) {
                double angle = Math.PI * k / 3;
                p[36 + 6 * eye + k] = new double[] {ex - 0.05 * Math.cos(angle), 0.44 - 0.02 * Math.sin(angle)};
            }
        }
        for (int k = 0; k < 12; k++) { // outer lip
            double angle = Math.PI * k / 6;
            p[48 + k] = new double[] {cx - 0.1 * Math.cos(angle), 0.72 - 0.04 * Math.sin(angle)};
        }
        for (int k = 0; k < 8; k++) { // inner lip
            double angle = Math.PI * k / 4;
            p[60 + k] = new double[] {cx - 0.06 * Math.cos(angle), 0.72 - 0.015 * Math.sin(angle)};
        }
        for (double[] point : p) {
            point[0] *= side;
            point[1] *= side;
        }
        return p;
    }
}
