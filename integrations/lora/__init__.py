"""Local LoRA fine-tuning of the bundled model (the optional ``train`` extra: torch,
transformers, peft, gguf), and the adapter written as a GGUF LoRA that llama.cpp loads."""
