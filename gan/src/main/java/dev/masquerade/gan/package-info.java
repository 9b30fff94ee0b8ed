/**
 * GAN training: the minimax game with k discriminator steps per generator step, the loss family and
 * DCGAN. Filled by the GAN issue.
 */
package dev.masquerade.gan;
