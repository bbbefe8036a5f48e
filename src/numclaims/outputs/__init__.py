"""Outputs: the forms claims are given out in (HTML rendering; the exporters to come)."""
