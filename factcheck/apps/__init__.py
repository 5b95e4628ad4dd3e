"""Apps built on the checker: batch runs, draft review and evaluation against labelled data."""
