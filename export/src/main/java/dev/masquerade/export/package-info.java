/**
 * Taking a trained model out of the engine: {@link dev.masquerade.export.OnnxExport} traces a
 * forward pass into an ONNX graph, {@link dev.masquerade.export.Safetensors} writes and reads
 * weights in the layout PyTorch users load. Tutorial: tutorials/31-export.md.
 */
package dev.masquerade.export;
