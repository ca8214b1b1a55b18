"""vanthu's built-in templates, shipped as package data (`pipeline.templates`).

A workspace's own template folder overrides any of them by name; see pipeline.render.compose.
"""
