"""model: the data each kind of document holds (pydantic, pure data).

These modules, unlike the rest of vanthu, do not postpone their annotations (no `from __future__
import annotations`): pydantic reads a postponed annotation by compiling and evaluating its
text, for every field of every model, which every command that imports the models pays
(measured, callgrind, `vanthu build -j 1` of 3 decisions: 12.8 M instructions). A method's
return annotation naming its own class is written in quotes.
"""
