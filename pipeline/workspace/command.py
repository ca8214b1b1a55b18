"""`vanthu init [DIR]`: start a workspace for a new office (asks, or takes flags)."""

from __future__ import annotations

import shlex
import sys
from dataclasses import replace
from pathlib import Path

import click

from pipeline.cli_paths import command_line_path
from pipeline.errors import InputError, VanthuError
from pipeline.i18n import t
from pipeline.workspace import shown
from pipeline.workspace.answer_checks import check_answer
from pipeline.workspace.init import OfficeAnswers, default_place, init_workspace, presets
from pipeline.workspace.parameters import OPTIONS, Hint, Note, Parameter, Parameters
from pipeline.workspace.presets import needed_answers

DEFAULT_KIND = "van-phong"
# Each keyword of init_workspace besides its answers (parameters.OPTIONS) a message may
# name, with its option.
KEYWORD_OPTIONS = {"force": "force"}


def _flagged(parameter: Parameter) -> Parameter:
    """`parameter` said as the option of `vanthu init` that gives it."""
    return replace(parameter, flag={**OPTIONS, **KEYWORD_OPTIONS}[parameter.name])


def _as_flag(value: object) -> object:
    """A param of an error as `vanthu init` says it: a Parameter as its option, the answers of
    a choice (Parameters) and of a message inside (Hint) likewise; any other param as it is."""
    if isinstance(value, Parameter):
        return _flagged(value)
    if isinstance(value, Parameters):
        return replace(value, choices=tuple(_flagged(choice) for choice in value.choices))
    if isinstance(value, Hint):
        return replace(value, cli=True,
                       params={key: _as_flag(param) for key, param in value.params.items()})
    if isinstance(value, Note):
        return Note(value.key, value.lang,
                    **{key: _as_flag(param) for key, param in value.params.items()})
    return value


def note_as_flags(note: str) -> str:
    """A note of the library (init_workspace's, make_starter's: a Note naming answers as
    parameters) as `vanthu init`'s options say them; any other note as it is."""
    return str(_as_flag(note))


def said_as_flags(error: VanthuError) -> VanthuError:
    """`error` with each answer it names (a Parameter: `dia_danh=...` to a library caller) said
    as the option of `vanthu init` that gives it (`--dia-danh ...`), also in a choice of
    answers or a hint it holds."""
    error.params = {key: _as_flag(value) for key, value in error.params.items()}
    return error


def _on_terminal() -> bool:
    """Whether a person can answer: init asks only then (a script or CI gets an error). No
    stdin at all (None: closed, as `<&-` or a service may start it) is no terminal."""
    return sys.stdin is not None and sys.stdin.isatty()


def _as_asked(value: object, name: str) -> object:
    """A param of an error about the answer `name` typed at the terminal: the answer (a
    Parameter of that name) said as the question asked, not as a flag never typed."""
    if isinstance(value, Parameter) and value.name == name:
        return replace(value, question=f"ws.ask.{name}")
    return _as_flag(value)


def _prompt(name: str, default: str | None = None, kinds: tuple[str, ...] = (),
            kind: str | None = None) -> str:  # fmt: skip
    """An answer typed at the terminal to the question ws.ask.<name>, in the language of every
    message, asked again until it is one init takes (one of `kinds`; for an office of `kind`,
    answer_checks.check_answer): an answer refused is said in that language, naming the
    question. End of input is an error saying which question went unanswered; Ctrl-C stops
    init as it stops any command."""
    question = t(f"ws.ask.{name}", kinds=", ".join(kinds))
    while True:
        try:
            answer: str = click.prompt(question, default=default, show_default=bool(default))
        except click.Abort as stopped:
            if isinstance(stopped.__context__, KeyboardInterrupt):
                raise KeyboardInterrupt from None
            raise InputError("ws.ask_no_answer", question=question,
                             option=Parameter(name)) from None  # fmt: skip
        answer = answer.strip()
        try:
            if kinds and answer not in kinds:
                raise InputError("ws.ask_not_a_kind", value=answer, kinds=", ".join(kinds))
            if kind is not None:
                check_answer(name, answer, kind)
        except InputError as error:
            error.params = {key: _as_asked(value, name) for key, value in error.params.items()}
            click.echo(f"{t('common.error')}: {error.message()}. {t('ws.ask_again')}", err=True)
            continue
        return answer


def _ask(value: str | None, name: str, default: str | None = None,
         kinds: tuple[str, ...] = (), kind: str | None = None) -> str:  # fmt: skip
    """A flag's value, else an answer typed at the terminal (_prompt); without a terminal the
    default, else "" for init_workspace to say what is missing (in its order: a phòng's chủ
    quản before the place it gives), named as its flag."""
    if value:
        return value
    if _on_terminal():
        return _prompt(name, default, kinds, kind)
    return default or ""


def _ask_needed(value: str | None, name: str, kind: str) -> str | None:
    """A value the kind of office cannot do without (presets.needed_answers: a Sở's name, a
    phòng's chủ quản ...) asked at the terminal when no flag gave it, before init refuses for
    it; without a terminal left as given, for init_workspace to name it (said as its flag)."""
    if value is not None or name not in needed_answers(presets()[kind]) or not _on_terminal():
        return value
    return _prompt(name, kind=kind)


@click.command("init")
# A folder init may not read or write is said as the command line says any (command_line_path).
@click.argument("folder", required=False, default=Path("."),
                type=command_line_path(file_okay=False), metavar="[THƯ_MỤC]")  # fmt: skip
@click.option(
    "--kieu",
    "kind",
    type=click.Choice(list(presets())),
    default=None,
    help="Kiểu cơ quan: " + "; ".join(f"{k}: {v['mo_ta']}" for k, v in presets().items()),
)
@click.option("--dia-danh", help="Địa danh ở dòng ngày tháng, ví dụ: Sơn La; cấp xã: tên xã "
              "(mặc định: địa danh trong --co-quan, không có thì trong --ten-day-du, rồi trong "
              "--chu-quan).")
@click.option(
    "--co-quan",
    "ten_co_quan",
    help="Tên cơ quan ban hành như in trên văn bản; '|' ngắt dòng ('SỞ NÔNG NGHIỆP VÀ | "
    "PHÁT TRIỂN NÔNG THÔN'), không có thì vanthu ngắt khi dòng quá dài.",
)
@click.option("--ten-day-du", help="Tên cơ quan dùng trong câu văn.")
@click.option("--chu-quan", help="Cơ quan chủ quản ('' nếu không có; mặc định theo kiểu cơ "
              "quan). Cấp và địa danh trong tên cơ quan kiểu so-nganh, phong, van-phong, "
              "hoi-dong-tdkt lấy từ tên này ('ỦY BAN NHÂN DÂN HUYỆN MAI SƠN': huyện Mai Sơn), "
              "không đoán; kiểu phong bắt buộc có.")
@click.option("--viet-tat", help="Chữ viết tắt trong ký hiệu văn bản, ví dụ: VPUBND.")
@click.option("--nguoi-ky", help="Họ tên người đứng đầu ký văn bản.")
@click.option("--pho", help="Họ tên cấp phó ký thay (KT.), nếu có.")
@click.option("--force", is_flag=True, help="Ghi đè các tệp đã có.")
def init_command(
    folder: Path, kind: str | None, dia_danh: str | None, ten_co_quan: str | None,
    ten_day_du: str | None, chu_quan: str | None, viet_tat: str | None, nguoi_ky: str | None,
    pho: str | None, force: bool,
) -> None:  # fmt: skip
    """Tạo thư mục làm việc cho một cơ quan: hồ sơ cơ quan, văn bản mẫu, hướng dẫn."""
    try:
        kind = _ask(kind, "kieu", DEFAULT_KIND, kinds=tuple(presets()))
        # What the kind needs first (its name, its chủ quản: the place may be read from them).
        ten_co_quan = _ask_needed(ten_co_quan, "ten_co_quan", kind)
        chu_quan = _ask_needed(chu_quan, "co_quan_chu_quan", kind)
        viet_tat = _ask_needed(viet_tat, "viet_tat", kind)
        answers = OfficeAnswers(
            kieu=kind,
            # A name holding its place ("... XÃ CHIỀNG MUNG", "Ủy ban nhân dân thành phố Hà
            # Nội"), or its chủ quản's, answers the place of the date line.
            dia_danh=_ask(dia_danh, "dia_danh", default_place(ten_co_quan, chu_quan, ten_day_du),
                          kind=kind),
            nguoi_ky=_ask(nguoi_ky, "nguoi_ky", kind=kind),
            ten_co_quan=ten_co_quan,
            ten_day_du=ten_day_du,
            co_quan_chu_quan=chu_quan,
            viet_tat=viet_tat,
            pho=pho,
        )
        made = init_workspace(folder, answers, force=force)
    except InputError as error:  # the library names its parameters; a clerk types options
        raise said_as_flags(error) from None
    for path in made.files:
        click.echo(t("cli.created", path=path))
    click.echo(t("ws.initialised", agency=made.agency_name, path=made.root))
    for warning in made.warnings:
        click.echo(f"{t('build.warning')}: {warning}", err=True)
    for note in made.notes:  # the present office's kind as the options that make it
        click.echo(f"{t('ws.note')}: {note_as_flags(note)}")
    document = made.document.relative_to(made.root).as_posix()
    # Quoted for the shell, so that the line can be pasted even when the folder has spaces.
    click.echo(t("ws.next_steps", path=shlex.quote(shown(made.root)),
                 document=shlex.quote(document)))  # fmt: skip
