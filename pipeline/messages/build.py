"""Messages: build."""

MESSAGES: dict[str, dict[str, str]] = {}
