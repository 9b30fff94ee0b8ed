package dev.masquerade.faces;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The faces.json format, for other tools to read: a list of
 * {@code {"image": NAME, "faces": [{"box": [x, y, w, h], "score": s, "landmarks": [[x, y] × 68], "descriptor": [128 numbers]}]}},
 * in each input picture's pixel coordinates.
 */
public final class FacesJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FacesJson() {
    }

    /** One picture's entry. */
    public static Map<String, Object> entry(String image, List<Face> faces) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Face face : faces) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("box", face.box().toList());
            f.put("score", face.score());
            f.put("landmarks", face.landmarks());
            f.put("descriptor", face.descriptor());
            list.add(f);
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("image", image);
        entry.put("faces", list);
        return entry;
    }

    /** The whole file's text. */
    public static String write(List<Map<String, Object>> entries) {
        try {
            return JSON.writeValueAsString(entries) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("faces.json could not be written: " + e.getMessage(), e);
        }
    }
}
