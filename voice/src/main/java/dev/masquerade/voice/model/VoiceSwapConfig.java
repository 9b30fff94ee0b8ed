package dev.masquerade.voice.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The voice swap's sizes.
 *
 * @param width channels of the encoder's and decoders' hidden layers
 * @param code  channels of the shared code, at half the frame rate: the bottleneck
 */
public record VoiceSwapConfig(int width, int code) {
    /** The default: 128 channels wide, a code of 8 channels every 16 ms. */
    public static final VoiceSwapConfig DEFAULT = new VoiceSwapConfig(128, 8);

    public VoiceSwapConfig {
        if (width < 1 || code < 1) {
            throw new IllegalArgumentException("the voice swap needs a width and a code of at least 1 channel, got " + width + " and " + code);
        }
    }

    /** As a checkpoint's config records it. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("model", "voiceswap");
        map.put("width", width);
        map.put("code", code);
        return map;
    }

    /** From a checkpoint's config, or one line naming what is missing. */
    public static VoiceSwapConfig fromMap(Map<String, Object> map, String source) {
        if (!"voiceswap".equals(map.get("model")) || !(map.get("width") instanceof Number w) || !(map.get("code") instanceof Number c)) {
            throw new IllegalArgumentException(source + " is not a voice swap checkpoint; pass the checkpoint.json of a 'masquerade voice train' run");
        }
        return new VoiceSwapConfig(w.intValue(), c.intValue());
    }
}
