"""Phrase, where the renderer's modules and their callers have long imported it from: the class
itself is pipeline.phrase, below the layers that word messages (pipeline.text says a legacy code's
name with it and must not import the renderer)."""

from __future__ import annotations

from pipeline.phrase import Phrase as Phrase  # re-exported

__all__ = ["Phrase"]
