"""The command line in Korean: argparse's own words (usage, headings, errors) and the address `serve`
prints for the settings in force.

argparse looks its messages up through ``gettext`` at the moment it formats them (module globals ``_``
and ``ngettext``). ``KoreanArgumentParser`` swaps in a Korean catalogue only while it parses or formats,
so nothing else in the process is touched.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterable, Iterator

__all__ = ["KOREAN", "KoreanArgumentParser", "serve_address"]

# argparse's messages (Python 3.11–3.13) in Korean; a message missing here stays as argparse wrote it.
KOREAN: dict[str, str] = {
    "usage: ": "사용법: ",
    "positional arguments": "위치 인자",
    "options": "옵션",
    "optional arguments": "옵션",
    "show this help message and exit": "이 도움말을 보여 주고 끝냅니다",
    "show program's version number and exit": "프로그램 버전을 보여 주고 끝냅니다",
    "%(prog)s: error: %(message)s\n": "%(prog)s: 오류: %(message)s\n",
    "the following arguments are required: %s": "다음 인자가 필요합니다: %s",
    "unrecognized arguments: %s": "알 수 없는 인자입니다: %s",
    "argument %(argument_name)s: %(message)s": "인자 %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "고를 수 없는 값입니다: %(value)r (고를 수 있는 값: %(choices)s)",
    "invalid %(type)s value: %(value)r": "%(type)s 값이 올바르지 않습니다: %(value)r",
    "expected one argument": "값이 하나 필요합니다",
    "expected at most one argument": "값은 하나까지입니다",
    "expected at least one argument": "값이 하나 이상 필요합니다",
    "ambiguous option: %(option)s could match %(matches)s": "옵션 %(option)s이(가) 여럿과 맞습니다: %(matches)s",
    "not allowed with argument %s": "인자 %s와(과) 함께 쓸 수 없습니다",
    "one of the arguments %s is required": "인자 %s 가운데 하나가 필요합니다",
    "ignored explicit argument %r": "값 %r은(는) 받지 않는 옵션입니다",
    "can't open '%(filename)s': %(error)s": "'%(filename)s' 파일을 열 수 없습니다: %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "알 수 없는 명령 %(parser_name)r (명령: %(choices)s)",
    "unexpected option string: %s": "예상하지 못한 옵션입니다: %s",
    "int": "정수",
    "float": "숫자",
}
_PLURALS: dict[str, str] = {
    "expected %s argument": "값이 %s개 필요합니다",
    "conflicting option string: %s": "옵션 이름이 겹칩니다: %s",
}


def _korean(message: str) -> str:
    return KOREAN.get(message, message)


def _korean_plural(singular: str, plural: str, n: int) -> str:
    if singular in _PLURALS:
        return _PLURALS[singular]
    return singular if n == 1 else plural


@contextlib.contextmanager
def _in_korean() -> Iterator[None]:
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _korean, _korean_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class KoreanArgumentParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` that speaks Korean: usage line, headings, ``-h`` and every error."""

    def __init__(self, *args, **kwargs) -> None:
        with _in_korean():
            super().__init__(*args, **kwargs)

    def parse_args(self, args=None, namespace=None):
        with _in_korean():
            return super().parse_args(args, namespace)

    def parse_known_args(self, args=None, namespace=None):
        with _in_korean():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with _in_korean():
            return super().format_usage()

    def format_help(self) -> str:
        with _in_korean():
            return super().format_help()

    def error(self, message: str):
        with _in_korean():
            super().error(message)

    def _get_value(self, action, arg_string):
        # argparse names the type by its __name__ ('int'); say it in Korean.
        try:
            return super()._get_value(action, arg_string)
        except argparse.ArgumentError as exc:
            name = getattr(action.type, "__name__", "")
            if name in KOREAN and f"{name} 값이" in str(exc.message):
                exc.message = str(exc.message).replace(f"{name} 값이", f"{KOREAN[name]} 값이", 1)
            raise


WILDCARD_BINDS = {"0.0.0.0", "::", "[::]", ""}  # noqa: S104 (recognised, not bound)


def serve_address(
    host: str, port: int, *, allowed_hosts: Iterable[str], ssl_redirect: bool
) -> tuple[str, list[str]]:
    """The address to open for a server bound to `host`:`port`, and Korean hints when that address
    cannot work with the settings in force (a host Django refuses with 400, or a redirect to HTTPS that
    only a TLS proxy in front can answer)."""
    allowed = [name for name in allowed_hosts if name]
    hints: list[str] = []
    shown = host
    if host in WILDCARD_BINDS:
        named = [name for name in allowed if name != "*" and not name.startswith(".")]
        shown = named[0] if named else "127.0.0.1"
    bare = shown.strip("[]")
    accepted = "*" in allowed or any(
        bare == name.strip("[]") or (name.startswith(".") and (bare == name[1:] or bare.endswith(name)))
        for name in allowed
    )
    if not accepted:
        hints.append(
            f"ALLOWED_HOSTS에 {bare}이(가) 없어 이 주소는 400(잘못된 요청)으로 답합니다. "
            f"예: ALLOWED_HOSTS={bare}"
        )
    if ssl_redirect:
        hints.append(
            "HTTPS 전환이 켜져 있어 http:// 요청은 https://로 넘어갑니다. 이 서버는 TLS를 하지 않으므로 "
            "TLS를 맡는 프록시(CHINJEOL_BEHIND_PROXY=1) 뒤에서 쓰세요. 프록시 없이 시험하려면 CHINJEOL_SSL=0"
        )
        return f"https://{shown}/", hints
    return f"http://{shown}:{port}/", hints
