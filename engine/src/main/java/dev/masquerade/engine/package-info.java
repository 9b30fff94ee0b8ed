/**
 * The engine: {@link dev.masquerade.engine.Tensor}, reverse-mode autograd
 * ({@link dev.masquerade.engine.Autograd}) and the backend interface. Operations live in
 * {@code dev.masquerade.engine.ops}, the CPU backend in {@code dev.masquerade.engine.cpu}.
 */
package dev.masquerade.engine;
