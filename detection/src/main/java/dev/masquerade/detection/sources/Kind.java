package dev.masquerade.detection.sources;

/** Which pictures a source gives: a run folder of this project has its generated pictures and, for some runs, the real ones it imitates. */
public enum Kind {
    /** Real pictures: given to --real. */
    REAL,
    /** Generated pictures: given to --fake (and to detect spectra). */
    FAKE
}
