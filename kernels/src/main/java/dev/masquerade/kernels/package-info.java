/**
 * The OpenCL backend: hand-written kernels (`.cl` resources) reached through JOCL, registered with the
 * engine as a {@code BackendProvider}. Its kernels arrive with the OpenCL issue; until then the module holds
 * nothing and the engine runs on the CPU.
 */
package dev.masquerade.kernels;
