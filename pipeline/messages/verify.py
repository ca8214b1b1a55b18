"""Messages: verify."""

MESSAGES: dict[str, dict[str, str]] = {}
