"""Retrieval: embed claims, index them with FAISS, and manage named corpora."""
