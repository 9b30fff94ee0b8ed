/**
 * The classic deepfake: a shared encoder, one decoder per identity, masks, warping augmentation
 * and the face swap. Filled by the autoencoder issue.
 */
package dev.masquerade.autoencoder;
