/**
 * JMH benchmarks of the engine, compared with PyTorch in the same run. Filled by the CPU-speed issue.
 */
package dev.masquerade.benchmarks;
