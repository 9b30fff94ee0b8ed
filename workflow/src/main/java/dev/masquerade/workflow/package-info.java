/**
 * The deepfake workflow on real pictures and video, as faceswap and DeepFaceLab users run it:
 * extract aligned faces with the face networks ({@link dev.masquerade.workflow.Extractor}), sort
 * them ({@link dev.masquerade.workflow.FaceSorter}), and convert every frame with a trained face
 * swap ({@link dev.masquerade.workflow.Converter}). Video goes in and out through ffmpeg
 * ({@link dev.masquerade.workflow.Ffmpeg}).
 */
package dev.masquerade.workflow;
