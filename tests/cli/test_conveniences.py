"""What people expect of a command-line tool: NO_COLOR and --no-color, -q, Ctrl-C, rule names and
house packs in explain and rules, the path of the report to open, a way past the size limit."""
import json
import os
import pty
import re
import signal
import subprocess
import sys

import pytest
from helpers import REPO, invoke

KIEV = "Officials in Kiev said on Monday that talks would resume soon.\n"
KYIV = KIEV.replace("Kiev", "Kyiv")
ESC = "\x1b["


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def on_a_terminal(args, env=None) -> str:
    """What ``tqcheck ARGS`` writes to standard output when that is a terminal."""
    main, child = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "tqcheck", *map(str, args)], stdout=child,
                            stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, env={**os.environ, **(env or {})})
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal closed: the process has exited
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    proc.wait()
    return b"".join(chunks).decode("utf-8")


# -- colour ----------------------------------------------------------------------------------------
def test_no_color_and_no_color_option_switch_colour_off_on_a_terminal(tmp_path):
    article = write(tmp_path / "a.txt", KIEV)
    env = {"NO_COLOR": "", "TQCHECK_CACHE_DIR": str(tmp_path / "cache")}
    assert ESC in on_a_terminal(["check", article], env), "coloured on a terminal"
    assert ESC not in on_a_terminal(["check", article], {**env, "NO_COLOR": "1"})
    plain = on_a_terminal(["check", "--no-color", article], env)
    assert ESC not in plain and "TE01 major" in plain


# -- quiet -----------------------------------------------------------------------------------------
def test_quiet_shows_only_failing_articles_and_the_summary(tmp_path):
    write(tmp_path / "bad.txt", KIEV)
    write(tmp_path / "good.txt", KYIV)
    write(tmp_path / "minor.txt", KYIV + "It was said ,again.\n")
    res = invoke("check", "-q", "--fail-on", "major", tmp_path)
    lines = res.stdout.splitlines()
    assert res.exit_code == 1
    passing = (str(tmp_path / "good.txt"), str(tmp_path / "minor.txt"))
    assert not any(line.startswith(passing) for line in lines), lines
    assert any(line.startswith(f"{tmp_path / 'bad.txt'}:1:14: TE01") for line in lines)
    assert any(line.startswith(f"{tmp_path / 'bad.txt'}: fail:") for line in lines)
    assert any(line.startswith("3 articles (0 unreadable)") and "2 of 3 articles pass" in line for line in lines)
    res = invoke("check", "--quiet", tmp_path / "good.txt")
    assert res.exit_code == 0 and res.stdout.startswith("1 article (0 unreadable)"), "the summary, even for one"


# -- Ctrl-C ----------------------------------------------------------------------------------------
def test_ctrl_c_exits_130_without_a_traceback(tmp_path):
    """tqcheck blocked reading its config from a FIFO (as from `--config <(...)`) gets SIGINT."""
    fifo = tmp_path / "config.toml"
    os.mkfifo(fifo)
    article = write(tmp_path / "a.txt", KIEV)
    proc = subprocess.Popen([sys.executable, "-m", "tqcheck", "check", "--config", str(fifo), str(article)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with open(fifo, "w"):  # returns once tqcheck has opened the FIFO; it then waits to read it
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate()
    assert proc.returncode == 130
    assert "Traceback" not in err and "Aborted" not in err and "KeyboardInterrupt" not in err
    assert err == "tqcheck: interrupted\n" and out == ""


# -- explain and rules -----------------------------------------------------------------------------
def test_explain_takes_a_rule_name_as_select_does():
    by_name = invoke("explain", "terminology.ukrainian-places")
    assert by_name.exit_code == 0 and by_name.stdout == invoke("explain", "TE01").stdout
    family = invoke("explain", "repetition")
    assert family.exit_code == 0 and [line[:4] for line in family.stdout.splitlines() if re.match(r"RP\d\d \(", line)] \
        == ["RP01", "RP02", "RP03", "RP04"]
    res = invoke("explain", "terminology.ukrainian-placez")
    assert res.exit_code == 2 and "unknown rule 'terminology.ukrainian-placez'" in res.stderr


def house_pack(tmp_path):
    folder = tmp_path / "house"
    write(folder / "_pack.yml", "name: house\n")
    write(folder / "words.yml", "code: HS01\nname: house.words\nkind: glossary\ncategory: Style\n"
                                "description: Our words.\nentries:\n  - {preferred: talks, variants: [negotiations]}\n")
    return folder


def test_rules_and_explain_take_pack(tmp_path):
    pack = house_pack(tmp_path)
    res = invoke("rules", "--pack", pack)
    assert res.exit_code == 0 and any(line.startswith("HS01  house.words") for line in res.stdout.splitlines())
    res = invoke("explain", "--pack", pack, "HS01")
    assert res.exit_code == 0 and res.stdout.startswith("HS01 (house.words)") and "Our words." in res.stdout
    assert invoke("explain", "HS01").exit_code == 2


# -- the report's path -----------------------------------------------------------------------------
def test_the_html_report_says_which_file_to_open(tmp_path):
    write(tmp_path / "a.txt", KIEV)
    res = invoke("report", "-o", tmp_path / "out", tmp_path / "a.txt")
    assert res.stderr.splitlines()[-1] == (f"tqcheck: wrote the html report of 1 article to {tmp_path / 'out'}; "
                                           f"open {tmp_path / 'out' / 'index.html'}")


def test_make_demo_ends_with_the_report_to_open():
    recipe = re.search(r"^demo:.*\n((?:\t.*\n)+)", (REPO / "Makefile").read_text(encoding="utf-8"), re.MULTILINE)
    commands = recipe.group(1).strip().splitlines()
    assert "tqcheck report examples -o reports" in commands[-1], "its last line is the report's 'open ...index.html'"


# -- the size limit --------------------------------------------------------------------------------
def test_the_size_limit_can_be_raised_by_option_and_config(tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as out:
        out.truncate(21 * 2**20)  # its size is refused before it is read
    res = invoke("check", huge)
    assert res.exit_code == 2
    assert res.stderr == (f"tqcheck: error: {huge}: file is 21 MiB, over the 20 MiB limit for one article "
                          "(--max-file-size raises it)\n")
    article = write(tmp_path / "articles" / "big.txt", KIEV * 300)  # 18 KiB
    assert "file is 18 KiB, over the 10 KiB limit" in invoke("check", "--max-file-size", "0.01", article).stderr
    res = invoke("check", "--select", "TE01", "--max-file-size", "0.02", "--format", "json", article)
    assert res.exit_code == 1 and json.loads(res.stdout)["articles"][0]["error"] is None
    write(tmp_path / "articles" / "tqcheck.toml", "max-file-size = 0.01\n")
    assert "over the 10 KiB limit" in invoke("check", article).stderr
    write(tmp_path / "articles" / "tqcheck.toml", "max-file-size = 0.02\nfail-on = 'critical'\n")
    assert invoke("check", "--select", "TE01", article).exit_code == 0
    res = invoke("check", "--max-file-size", "0", article)
    assert res.exit_code == 2 and "Traceback" not in res.output
    write(tmp_path / "articles" / "tqcheck.toml", 'max-file-size = "big"\n')
    res = invoke("check", article)
    assert res.exit_code == 2 and "'max-file-size' must be a number of MiB" in res.stderr


def test_standard_input_has_the_same_limit(tmp_path):
    res = invoke("check", "--max-file-size", "0.01", "-", input=KIEV * 300)
    assert res.exit_code == 2 and "over the 10 KiB limit for one article" in res.stderr
