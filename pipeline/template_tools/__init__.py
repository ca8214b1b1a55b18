"""Tools for template maintainers: list the templates, check them, show the fields they use."""
