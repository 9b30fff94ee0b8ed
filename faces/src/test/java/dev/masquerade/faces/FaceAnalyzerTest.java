package dev.masquerade.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline on two real photos agrees with face-api's: the same faces, boxes with IoU
 * ≥ 0.95, every landmark within 1 pixel, descriptors within 0.05 of face-api's (a tenth of the
 * distance between two people), and the two people told apart.
 */
class FaceAnalyzerTest {
    private static final JsonNode PHOTOS = FaceApiReference.json("photos.json");
    private static FaceAnalyzer analyzer;

    @BeforeAll
    static void load() throws IOException {
        analyzer = FaceAnalyzer.load(FaceApiReference.models());
    }

    private static List<Face> analyze(String photo) throws IOException {
        return analyzer.analyze(RgbImage.read(FaceApiReference.photo(photo)), TinyFaceDetector.SCORE_THRESHOLD);
    }

    @Test
    void findsFaceApisFacesLandmarksAndDescriptors() throws IOException {
        for (JsonNode reference : PHOTOS) {
            String photo = reference.get("image").asText();
            List<Face> faces = analyze(photo);
            assertEquals(reference.get("faces").size(), faces.size(), photo + ": faces found");
            for (int f = 0; f < faces.size(); f++) {
                JsonNode expected = reference.get("faces").get(f);
                Face face = faces.get(f);
                JsonNode box = expected.get("box");
                double iou = face.box().iou(new Box(box.get(0).asDouble(), box.get(1).asDouble(), box.get(2).asDouble(), box.get(3).asDouble()));
                double worstPoint = 0;
                for (int i = 0; i < FaceLandmarkNet.POINTS; i++) {
                    JsonNode point = expected.get("landmarks").get(i);
                    worstPoint = Math.max(worstPoint, Math.hypot(face.landmarks()[i][0] - point.get(0).asDouble(), face.landmarks()[i][1] - point.get(1).asDouble()));
                }
                double descriptorDistance = FaceRecognitionNet.distance(face.descriptor(), FaceApiReference.floats(expected.get("descriptor")));
                System.out.printf("%s: IoU %.4f, score %.4f vs %.4f, worst landmark %.3f px, descriptor distance %.4f%n", photo, iou, face.score(),
                        expected.get("score").asDouble(), worstPoint, descriptorDistance);
                assertTrue(iou >= 0.95, photo + ": IoU " + iou);
                assertTrue(worstPoint <= 1, photo + ": a landmark " + worstPoint + " px from face-api's");
                assertTrue(descriptorDistance <= 0.05, photo + ": descriptor " + descriptorDistance + " from face-api's");
            }
        }
    }

    @Test
    void tellsTheAstronautFromGraceHopper() throws IOException {
        Face collins = analyze("astronaut.png").get(0), hopper = analyze("grace_hopper_512x512.jpg").get(0);
        double distance = FaceRecognitionNet.distance(collins.descriptor(), hopper.descriptor());
        assertTrue(distance > FaceRecognitionNet.SAME_PERSON_THRESHOLD, "two people " + distance + " apart");
    }
}
