"""Citation keys that never break: pinned, library keys respected, clashes refused, patterns, keys in `cite --work`."""

from __future__ import annotations

import json
import random
import shutil

import pytest
from conftest import ROOT, run_cli

from litgraph.cite.keyfile import KeyLine, read_key_lines
from litgraph.cite.keypattern import parse_pattern, render_pattern
from litgraph.cite.keys import KeyClashError, assign_keys, key_stem, library_claims, mint_keys  # noqa: F401
from litgraph.errors import InputError
from litgraph.model import Author, Work

REPPER_DOI = "10.3109/09638237.2011.583947"
REPPER_LIBRARY = ("@article{RepperCarter2011,\n  author = {Repper, Julie and Carter, Tim},\n"
                  "  title = {A review of the literature on peer support in mental health services},\n"
                  "  journal = {Journal of Mental Health}, year = {2011}, volume = {20}, number = {4},\n"
                  "  pages = {392--411}, doi = {10.3109/09638237.2011.583947}\n}\n")


def corpus_copy(tmp_path, name="corpus"):
    corpus = tmp_path / name
    shutil.copytree(ROOT / "corpus", corpus)
    return corpus


def build(corpus, build_dir, *extra):
    return run_cli("build", "--corpus", str(corpus), "--build-dir", str(build_dir), "--format", "json", *extra)


def add_library(corpus, name, text):
    (corpus / "libraries").mkdir(exist_ok=True)
    (corpus / "libraries" / name).write_text(text, encoding="utf-8")


def cite_keys(build_dir, *selection):
    out = run_cli("cite", *selection, "--format", "csl-json", "--build-dir", str(build_dir))
    assert out.returncode == 0, out.stderr
    return [i["citation-key"] for i in json.loads(out.stdout)]


def work(id, family, year, title, doi=None):
    return Work(id, doi, title, year, (Author(family, "A"),), "journal-article",
                None, None, None, None, None, None, None, None)


def test_existing_citation_keys_stay_exactly_as_they_are(tmp_path):
    corpus = corpus_copy(tmp_path)
    assert build(corpus, tmp_path / "b").returncode == 0
    assert (corpus / "citation-keys.tsv").read_bytes() == (ROOT / "corpus" / "citation-keys.tsv").read_bytes()


def test_keys_survive_a_deleted_build_folder_and_a_rebuild_from_scratch(tmp_path):
    corpus = corpus_copy(tmp_path)
    assert build(corpus, tmp_path / "b").returncode == 0
    before = cite_keys(tmp_path / "b", "--paper", "10.1186/1472-6963-13-188")
    shutil.rmtree(tmp_path / "b")
    assert build(corpus, tmp_path / "b").returncode == 0
    assert cite_keys(tmp_path / "b", "--paper", "10.1186/1472-6963-13-188") == before
    fresh = corpus_copy(tmp_path, "fresh")  # a second checkout, built into a new folder
    assert build(fresh, tmp_path / "b-fresh").returncode == 0
    assert cite_keys(tmp_path / "b-fresh", "--paper", "10.1186/1472-6963-13-188") == before


def test_minted_keys_do_not_depend_on_build_history():
    works = [work("key/3", "Mead", 2006, "Peer support again"), work("key/1", "Mead", 2006, "Peer support"),
             work("key/2", "Mead", 2006, "Peer support, a third"), work("doi/x", "Sells", 2006, "Treatment")]
    expected = {"key/1": "mead2006peer", "key/3": "mead2006peerb", "key/2": "mead2006peerc", "doi/x": "sells2006treatment"}
    for seed in range(5):
        shuffled = random.Random(seed).sample(works, len(works))
        assert {k.work: k.key for k in assign_keys(shuffled, [])} == expected


def test_author_library_key_is_kept_when_the_entry_merges_with_a_printed_reference(tmp_path):
    corpus = corpus_copy(tmp_path)
    add_library(corpus, "mine.bib", REPPER_LIBRARY)
    assert build(corpus, tmp_path / "b").returncode == 0
    assert cite_keys(tmp_path / "b", "--work", REPPER_DOI) == ["RepperCarter2011"]
    assert cite_keys(tmp_path / "b", "--work", "repper2011review") == ["RepperCarter2011"], "the old key resolves"
    text = (corpus / "citation-keys.tsv").read_text()
    assert text.startswith((ROOT / "corpus" / "citation-keys.tsv").read_text())
    assert text.endswith(f"doi/{REPPER_DOI}\tRepperCarter2011\n")


def test_two_libraries_give_one_work_two_keys_both_resolve_and_the_first_is_preferred(tmp_path):
    corpus = corpus_copy(tmp_path)
    add_library(corpus, "a.bib", REPPER_LIBRARY)
    add_library(corpus, "b.bib", REPPER_LIBRARY.replace("RepperCarter2011", "repper-peer-review"))
    assert build(corpus, tmp_path / "b").returncode == 0
    for key in ("RepperCarter2011", "repper-peer-review", "repper2011review", REPPER_DOI):
        assert cite_keys(tmp_path / "b", "--work", key) == ["RepperCarter2011"], key


def test_key_clash_stops_the_build_naming_both_works_and_both_sources(tmp_path):
    corpus = corpus_copy(tmp_path)
    add_library(corpus, "mine.bib", "@book{repper2011review, author = {Smith, Jane},\n"
                                    "  title = {A Book Nobody Else Cites}, year = {2021}, publisher = {Sage}}\n")
    before = (corpus / "citation-keys.tsv").read_bytes()
    result = build(corpus, tmp_path / "b")
    assert result.returncode == 2, result.stderr
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and "Traceback" not in message
    assert "'repper2011review' is claimed for two works" in message
    assert f"doi/{REPPER_DOI}" in message and "citation-keys.tsv:26" in message
    assert "libraries/mine.bib:1" in message
    assert (corpus / "citation-keys.tsv").read_bytes() == before, "nothing written"
    assert not (tmp_path / "b" / "current").exists(), "no generation published"


def test_key_clash_is_never_suffixed_silently():
    lines = [KeyLine("doi/a", "repper2011review", 26)]
    from litgraph.cite.keys import KeyClaim

    with pytest.raises(KeyClashError, match="doi/a by .*:26 and doi/b by x.bib:3"):
        assign_keys([work("doi/b", "Repper", 2011, "Review")], lines,
                    [KeyClaim("doi/b", "repper2011review", "x.bib:3")])


def test_key_format_pattern_mints_new_keys(tmp_path):
    corpus = corpus_copy(tmp_path)
    (corpus / "citation-keys.tsv").unlink()
    assert build(corpus, tmp_path / "b", "--key-format", "[auth:lower][year][shorttitle:1]").returncode == 0
    keys = {k.work: k.key for k in read_key_lines(corpus / "citation-keys.tsv")}
    assert keys[f"doi/{REPPER_DOI}"] == "repper2011Review"
    assert keys["doi/10.1176/appi.ps.57.8.1179"] == "sells2006Treatment"
    bad = build(corpus, tmp_path / "b", "--key-format", "[auth][bogus]")
    assert bad.returncode == 2 and "unknown field [bogus]" in bad.stderr


def test_key_format_from_the_project_setting(tmp_path):
    project = tmp_path / "review"
    corpus = corpus_copy(project)
    (corpus / "citation-keys.tsv").unlink()
    shutil.copytree(ROOT / "vocabulary", project / "vocabulary")
    (project / "litgraph.toml").write_text('title = "keys"\nkey_format = "[auth][year]"\n')
    result = run_cli("build", cwd=project)
    assert result.returncode == 0, result.stderr
    keys = {k.work: k.key for k in read_key_lines(corpus / "citation-keys.tsv")}
    assert keys[f"doi/{REPPER_DOI}"] == "Repper2011"


def test_key_patterns():
    w = Work("w", None, "The shame of it: stigma and help-seeking", 2014,
             (Author("Rüsch", "N"), Author("Van der Post", "LF")), "journal-article",
             None, None, None, None, None, None, None, None)

    def render(p):
        return render_pattern(parse_pattern(p), w)

    assert render("[auth:lower][year][shorttitle:1:lower]") == key_stem(w) == "rusch2014shame"
    assert render("[auth][year]") == "Rusch2014"
    assert render("[authors][year]") == "RuschVanderPost2014"
    assert render("[authors1]_[year]") == "Rusch_2014"
    assert render("[auth:upper]:[shorttitle]") == "RUSCH:ShameItStigma"
    assert render("[veryshorttitle:lower][year]") == "shame2014"
    for bad in ("[auth][nope]", "[auth:wobbly]", "no fields", "[auth] [year]"):
        with pytest.raises(InputError):
            parse_pattern(bad)


def test_cite_work_takes_a_key(seed_build):
    keys = cite_keys(seed_build["build"], "--work", "sells2006treatment", "--work", "10.3310/hsdr02190")
    assert keys[0] == "sells2006treatment" and len(keys) == 2
    missing = run_cli("cite", "--work", "nosuchkey1999", "--build-dir", str(seed_build["build"]))
    assert missing.returncode == 2 and "no work with citation key 'nosuchkey1999'" in missing.stderr


def test_imported_records_give_their_keys_in_every_format():
    from litgraph.cite.keys import record_key

    assert record_key("@article{RepperCarter2011,\n  title = {A review}}") == "RepperCarter2011"
    assert record_key("TY  - JOUR\nID  - repper2011\nTI  - A review\nER  - ") == "repper2011"
    assert record_key('{"id": "x1", "citation-key": "Repper2011", "title": "A review"}') == "Repper2011"
    assert record_key('{"id": "ITEM-7", "title": "A review"}') == "ITEM-7"
    assert record_key("PMID- 21770786\nTI  - A review") is None
    assert record_key("@article{has/slash,\n title={x}}") is None, "a key the key file cannot hold is minted"
