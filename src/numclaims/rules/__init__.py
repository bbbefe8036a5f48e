"""The Spanish language rules (pure: nothing here imports spaCy)."""
