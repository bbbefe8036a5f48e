"""The thin spaCy layer: the component, its extensions, a Doc's token table, the guard."""
