"""Renderers: each walks a `document.Document` and escapes every text it writes."""
