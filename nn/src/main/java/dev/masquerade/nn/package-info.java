/**
 * Neural-network building blocks on top of the engine: modules, layers, losses, optimizers, data loading
 * and checkpoints. Filled by the nn issue.
 */
package dev.masquerade.nn;
