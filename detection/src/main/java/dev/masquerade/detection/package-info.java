/**
 * Spotting generated images. Two detectors: the azimuthally averaged log power spectrum of the
 * grey picture with logistic regression (Durall et al., 2020, "Unmasking DeepFakes with simple
 * features"), and a small CNN trained with and without blur and JPEG augmentation (Wang et
 * al., 2020, "CNN-generated images are surprisingly easy to spot… for now"); ROC curves and
 * their AUC say how well each separates real from fake on pictures it never saw.
 */
package dev.masquerade.detection;
