"""Training the NLI model: pair data and mixes, synthetic pairs and the trainer (not needed at run time)."""
