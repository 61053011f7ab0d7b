"""Serving-side model code: labels, normalization, tokenization, ONNX inference, decoding. Never imports torch."""
