"""Judge: decide a statement against retrieved claims (NLI and similarity judges, rule checks, fusion)."""
