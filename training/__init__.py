"""Offline training: corpus, tokenizer, MLM pre-training, tagger training, ONNX export. The only torch user."""
