"""The command line speaks Korean (argparse's own words included) and `serve` prints an address that
works for the settings in force."""

import argparse

import pytest

from chinjeol.cli import build_parser
from chinjeol.cli.help import serve_address


def _subparsers(parser):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action.choices
    return {}


def test_help_is_korean_and_every_option_is_explained():
    parser = build_parser()
    text = parser.format_help()
    assert (
        text.startswith("사용법: chinjeol") and "옵션:" in text and "이 도움말을 보여 주고 끝냅니다" in text
    )
    for english in ("usage:", "options:", "positional arguments", "show this help"):
        assert english not in text
    commands = _subparsers(parser)
    assert {
        "demo",
        "serve",
        "worker",
        "migrate",
        "createadmin",
        "createtoken",
        "import-org",
        "manage",
    } <= set(commands)
    for name, command in commands.items():
        help_text = command.format_help()
        assert "사용법:" in help_text and "usage:" not in help_text, name
        for action in command._actions:
            assert action.help and action.help.strip(), f"{name} {action.option_strings or action.dest}"
    assert argparse._("usage: ") == "usage: "  # nothing leaks into argparse outside the parser


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["createtoken"], "다음 인자가 필요합니다: 아이디"),
        (["serve", "--port", "x"], "인자 --port: 정수 값이 올바르지 않습니다: 'x'"),
        (["nope"], "고를 수 없는 값입니다: 'nope'"),
        (["migrate", "--x"], "알 수 없는 인자입니다: --x"),
        (["demo", "--port"], "인자 --port: 값이 하나 필요합니다"),
    ],
)
def test_errors_are_korean(argv, expected, capsys):
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("사용법: chinjeol") and ": 오류: " in err and expected in err


def test_serve_address_for_a_plain_http_try():
    assert serve_address("127.0.0.1", 8000, allowed_hosts=["127.0.0.1"], ssl_redirect=False) == (
        "http://127.0.0.1:8000/",
        [],
    )
    address, hints = serve_address("0.0.0.0", 8080, allowed_hosts=["*"], ssl_redirect=False)
    assert address == "http://127.0.0.1:8080/" and hints == []


def test_serve_address_explains_a_400_and_the_https_redirect():
    address, hints = serve_address("127.0.0.1", 8000, allowed_hosts=[], ssl_redirect=True)
    assert address == "https://127.0.0.1/"
    assert any("ALLOWED_HOSTS" in hint and "400" in hint for hint in hints)
    assert any("CHINJEOL_SSL=0" in hint for hint in hints)
    address, hints = serve_address(
        "0.0.0.0", 8000, allowed_hosts=[".example.go.kr", "cs.example.go.kr"], ssl_redirect=True
    )
    assert address == "https://cs.example.go.kr/" and not any("400" in hint for hint in hints)
    address, hints = serve_address("localhost", 9000, allowed_hosts=["127.0.0.1"], ssl_redirect=False)
    assert address == "http://localhost:9000/" and "ALLOWED_HOSTS=localhost" in hints[0]
