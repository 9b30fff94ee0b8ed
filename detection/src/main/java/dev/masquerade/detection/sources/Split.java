package dev.masquerade.detection.sources;

/** Which pictures of a source: those a detector learns from, or those it is judged on and never saw. */
public enum Split {
    /** Pictures to train on. */
    TRAINING,
    /** Pictures kept apart for the evaluation. */
    HELD_OUT
}
