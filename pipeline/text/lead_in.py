"""Whether a paragraph introduces what follows it: such a paragraph prints kept with the next."""

from __future__ import annotations


def leads_in(text: str) -> bool:
    """Whether a paragraph introduces what follows it ("2. Các nhiệm vụ sau:", "**Gồm:**"):
    printed kept with the next paragraph, never alone at the foot of a page."""
    return text.rstrip().rstrip("*").rstrip().endswith(":")
