/**
 * Pre-trained face networks carried onto the engine: the TensorFlow.js weight reader
 * ({@link dev.masquerade.faces.TfjsWeights}) first; the face detector, the 68-point landmark
 * net and the face descriptor of face-api follow.
 */
package dev.masquerade.faces;
