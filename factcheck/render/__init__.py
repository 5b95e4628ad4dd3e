"""Render: turn results and reports into text, JSON, JSONL, CSV, Markdown and HTML."""
