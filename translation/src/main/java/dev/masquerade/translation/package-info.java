/**
 * Image-to-image translation: mapping one kind of picture onto another. pix2pix (Isola et
 * al., 2017) learns from aligned pairs (edges and the item, day and night of one scene, a
 * blurred photo and the sharp one) with a U-Net generator, a conditional PatchGAN and the loss
 * cGAN + λ·L1; CycleGAN (Zhu et al., 2017) learns from two unpaired collections with two
 * generators, two discriminators and the cycle-consistency loss. Both follow
 * junyanz/pytorch-CycleGAN-and-pix2pix, scaled down for small pictures and a laptop CPU.
 * Tutorials: tutorials/24-conditional-gans.md, tutorials/25-cycle-consistency.md,
 * tutorials/26-checkerboards.md.
 */
package dev.masquerade.translation;
