package dev.masquerade.voice.model;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The voice swap's sizes, and how its decoders are shared.
 *
 * @param width    channels of the encoder's and decoders' hidden layers
 * @param code     channels of the shared code, at half the frame rate: the bottleneck
 * @param decoders one decoder per speaker (the face swap's way), or one decoder for both that is
 *                 told which speaker to be (the comparison that shows what a wide code leaks)
 */
public record VoiceSwapConfig(int width, int code, Decoders decoders) {
    /** Hidden channels by default. */
    public static final int DEFAULT_WIDTH = 128;
    /**
     * Code channels by default: 2 every 16 ms, where conversions come nearest the target voice
     * and still say every held-out sentence (1 loses words, 8 and more leak the source's voice:
     * chapter 32, Step 4).
     */
    public static final int DEFAULT_CODE = 2;
    /** The default: {@link #DEFAULT_WIDTH}, {@link #DEFAULT_CODE}, one decoder per speaker. */
    public static final VoiceSwapConfig DEFAULT = new VoiceSwapConfig(DEFAULT_WIDTH, DEFAULT_CODE);

    /** Where the speaker's voice can live besides the code. */
    public enum Decoders {
        /** Each speaker has a decoder of their own: their voice lives in its weights. */
        PER_SPEAKER,
        /** Both speakers share one decoder, given the speaker as two extra one-hot channels beside the code. */
        SHARED;

        /** As the CLI and a checkpoint spell it: per-speaker, shared. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** From its label, or one line listing the labels. */
        public static Decoders of(String label) {
            for (Decoders decoders : values()) {
                if (decoders.label().equals(label)) {
                    return decoders;
                }
            }
            throw new IllegalArgumentException("decoders must be per-speaker or shared, got " + label);
        }
    }

    public VoiceSwapConfig {
        if (width < 1 || code < 1 || decoders == null) {
            throw new IllegalArgumentException("the voice swap needs a width and a code of at least 1 channel, got " + width + " and " + code);
        }
    }

    /** One decoder per speaker. */
    public VoiceSwapConfig(int width, int code) {
        this(width, code, Decoders.PER_SPEAKER);
    }

    /** As a checkpoint's config records it. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("model", "voiceswap");
        map.put("width", width);
        map.put("code", code);
        map.put("decoders", decoders.label());
        return map;
    }

    /** From a checkpoint's config (one without decoders has one per speaker), or one line naming what is missing. */
    public static VoiceSwapConfig fromMap(Map<String, Object> map, String source) {
        if (!"voiceswap".equals(map.get("model")) || !(map.get("width") instanceof Number w) || !(map.get("code") instanceof Number c)) {
            throw new IllegalArgumentException(source + " is not a voice swap checkpoint; pass the checkpoint.json of a 'masquerade voice train' run");
        }
        Object decoders = map.getOrDefault("decoders", Decoders.PER_SPEAKER.label());
        return new VoiceSwapConfig(w.intValue(), c.intValue(), Decoders.of(String.valueOf(decoders)));
    }
}
