"""The ``content`` commands as a user types them, and the reports made with installed
content: the content line names the content, unsigned content is marked on the first page."""

from __future__ import annotations

import os
import shutil
import stat

import pytest

from tests.conftest import BUILTIN, EXAMPLES
from tests.content_updates.conftest import NEW_VERSION, members, signed
from wizard.cli import main

pytestmark = pytest.mark.slow  # runs the command line in subprocesses

EXAMPLE = EXAMPLES / "hbm_packager.json"


@pytest.fixture
def english(monkeypatch):
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")


def test_keygen_build_trust_install_list_and_use(store, tmp_path, capsys, english,
                                                 new_content):
    key = tmp_path / "keys" / "publisher.pem"
    key.parent.mkdir()
    assert main(["content", "keygen", "-o", str(key)]) == 0
    out = capsys.readouterr().out
    public = key.with_suffix(".pub")
    assert stat.S_IMODE(os.stat(key).st_mode) == 0o600 and public.is_file()
    assert "fingerprint:" in out and "PRIVATE" not in public.read_text()
    assert main(["content", "keygen", "-o", str(key)]) == 2          # never overwritten
    assert "never overwritten" in capsys.readouterr().err

    bundle_file = tmp_path / "update.aitr-content"
    assert main(["content", "build", str(new_content), "--key", str(key), "-o",
                 str(bundle_file)]) == 0
    out = capsys.readouterr().out
    assert f"us-ai-trade-rules {NEW_VERSION}" in out
    assert "affiliates_rule (90 FR 47201): In force -> Suspended" in out

    assert main(["content", "install", str(bundle_file)]) == 2       # key not trusted yet
    err = capsys.readouterr().err
    assert "content trust KEYFILE" in err and "Traceback" not in err
    assert main(["content", "trust", str(public)]) == 0
    assert "trusted key" in capsys.readouterr().out
    assert main(["content", "install", str(bundle_file)]) == 0
    out = capsys.readouterr().out
    assert "now in use" in out and "In force -> Suspended" in out

    assert main(["content", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    mine = [line for line in lines if NEW_VERSION in line and line.startswith("*")]
    assert mine and "verified" in mine[0]
    assert any("2026.12.03" in line and "built-in" in line for line in lines)

    assert main(["content", "use", "builtin"]) == 0
    assert store.active_folder() == store.builtin_folder()
    assert main(["content", "use", NEW_VERSION]) == 0
    assert store.active_folder().name == NEW_VERSION
    assert main(["content", "use", "1999.1"]) == 2
    assert "is not installed" in capsys.readouterr().err

    assert main(["content", "trust", "--list"]) == 0
    assert "trusted by you" in capsys.readouterr().out


def test_bad_input_exits_2_with_a_message(store, tmp_path, capsys, english):
    assert main(["content", "install", str(tmp_path / "missing.aitr-content")]) == 2
    assert "no such file" in capsys.readouterr().err
    junk = tmp_path / "junk.aitr-content"
    junk.write_bytes(b"not a zip at all")
    assert main(["content", "install", str(junk)]) == 2
    assert "damaged or not a content bundle" in capsys.readouterr().err
    assert main(["content", "build", str(tmp_path / "none"), "--key", "k", "-o", "x"]) == 2
    assert main(["content", "trust", str(junk)]) == 2
    assert "not an Ed25519" in capsys.readouterr().err
    assert main(["content", "untrust", "abcd"]) == 2


def test_commands_speak_korean(store, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LC_ALL", "ko_KR.UTF-8")
    junk = tmp_path / "junk.aitr-content"
    junk.write_bytes(b"not a zip at all")
    assert main(["content", "install", str(junk)]) == 2
    assert "아무것도 설치하지 않았습니다" in capsys.readouterr().err
    assert main(["content", "list"]) == 0
    assert "사용 중" in capsys.readouterr().out


def test_build_refuses_content_with_problems(tmp_path, keypair, capsys, english):
    folder = tmp_path / "content"
    shutil.copytree(BUILTIN, folder)
    (folder / "llm.yaml").write_text("id: [broken\n", "utf-8")
    key = tmp_path / "k.pem"
    key.write_bytes(keypair.private_pem)
    out = tmp_path / "x.aitr-content"
    assert main(["content", "build", str(folder), "--key", str(key), "-o", str(out)]) == 1
    assert not out.exists() and "nothing was built" in capsys.readouterr().err


def test_reports_name_the_content_and_mark_unsigned_content_on_the_first_page(
        store, good_bundle, keypair, tmp_path, capsys, english):
    from wizard.report import docx, export
    from wizard.report.common import prepare

    store.install(good_bundle)
    assert main(["report", str(EXAMPLE), "--format", "md", "--lang", "en"]) == 0
    verified = capsys.readouterr().out
    assert f"us-ai-trade-rules {NEW_VERSION}" in verified
    assert "nverified content" not in verified

    unsigned = tmp_path / "unsigned.aitr-content"
    files = members(good_bundle)
    files["content.yaml"] = files["content.yaml"].replace(NEW_VERSION.encode(), b"2099.03.01")
    unsigned.write_bytes(signed(files, keypair, sign=False,
                                manifest={"version": "2099.03.01"}))
    store.install(unsigned, allow_unsigned=True)
    assert main(["report", str(EXAMPLE), "--format", "md", "--lang", "en"]) == 0
    first_page = capsys.readouterr().out.split("## 1.")[0]
    assert "us-ai-trade-rules 2099.03.01 **(unverified content)**" in first_page
    assert "**Unverified content**:" in first_page

    prepared = prepare(EXAMPLE, store.active_folder())
    assert prepared.report.content.unverified
    html = export.render(prepared.report, "html", "ko", content=prepared.content).decode()
    cover = html.split("1. ")[0]
    assert "검증되지 않은 콘텐츠" in cover and "2099.03.01" in cover
    import io
    import zipfile

    word = docx.render(prepared.report, "en", content=prepared.content)
    document = zipfile.ZipFile(io.BytesIO(word)).read("word/document.xml").decode()
    assert document.index("Unverified content") < document.index("Executive summary")
    assert main(["report", str(EXAMPLE), "--format", "json"]) == 0
    import json

    assert json.loads(capsys.readouterr().out)["content"]["unverified"] is True
    # a comparison made with it says so before anything else, in Markdown and in HTML
    assert main(["compare", str(EXAMPLE), str(EXAMPLE), "--lang", "en"]) == 0
    comparison = capsys.readouterr().out
    assert comparison.index("**Unverified content**:") < comparison.index("## ")
    out = tmp_path / "cmp.html"
    assert main(["compare", str(EXAMPLE), str(EXAMPLE), "--lang", "ko", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.index("검증되지 않은 콘텐츠") < page.index("<h2")
