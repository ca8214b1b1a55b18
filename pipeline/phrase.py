"""A catalogue message kept with its key and params (Phrase): said in the current language as a
str, and again in another when a message is shown in it. Below every layer that words a message
(text, load, render, register): it needs only the catalogue (pipeline.i18n) and what a param
says in another language (pipeline.errors.said); pipeline.render.phrase re-exports it."""

from __future__ import annotations

from pipeline.errors import said
from pipeline.i18n import t


class Phrase(str):
    """A catalogue message kept with its key and params, so that it can be said again in another
    language (TemplateError.location/detail ask `describe(lang)`); as a str, the current one."""

    key: str
    params: dict[str, object]

    def __new__(cls, key: str, /, **params: object) -> Phrase:
        phrase = super().__new__(cls, t(key, None, **params))
        phrase.key, phrase.params = key, params
        return phrase

    def describe(self, lang: str | None = None) -> str:
        params = {k: said(v, lang) for k, v in self.params.items()}
        return t(self.key, lang=lang, **params)


class Alternatives(str):
    """Choices joined by the catalogue's "or" (value.or): 'a' hoặc 'b' in Vietnamese, 'a' or 'b'
    in English, so a list of what a field accepts reads in the language of its message."""

    choices: tuple[str, ...]

    def __new__(cls, choices: tuple[str, ...]) -> Alternatives:
        words = super().__new__(cls, t("value.or").join(choices))
        words.choices = choices
        return words

    def describe(self, lang: str | None = None) -> str:
        return t("value.or", lang=lang).join(str(said(c, lang)) for c in self.choices)
