"""Ingest: read sources (text, HTML, Markdown) and split them into atomic claims with offsets."""
