"""The content model the program works with (plain objects) and the pack format pydantic checks
(``wizard.core.schema``) declare the same classes and fields, and content survives the trip
through the cache's plain data unchanged."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from pydantic import BaseModel

from tests.conftest import BUILTIN
from wizard.core import model, schema
from wizard.core.content import load_content

SCHEMA_CLASSES = {name: cls for name, cls in vars(schema).items()
                  if isinstance(cls, type) and issubclass(cls, BaseModel)
                  and cls.__module__ == schema.__name__ and not name.startswith("_")}


def test_every_schema_class_has_a_plain_twin_with_the_same_fields_and_defaults():
    assert set(SCHEMA_CLASSES) == {"Text", "Option", "Question", "Section", "Finding",
                                   "Action", "CountryGroup", "Pack", "Term", "Glossary",
                                   "Event", "LegalRule", "Registry", "Manifest"}
    for name, checked in SCHEMA_CLASSES.items():
        plain = getattr(model, name)
        fields = {f.name: f for f in dataclasses.fields(plain)}
        assert set(fields) == set(checked.model_fields), name
        for field_name, info in checked.model_fields.items():
            ours = fields[field_name]
            if info.is_required():
                assert ours.default is dataclasses.MISSING \
                    and ours.default_factory is dataclasses.MISSING, (name, field_name)
            elif info.default_factory is not None:
                assert ours.default_factory() == info.default_factory(), (name, field_name)
            else:
                assert ours.default == info.default, (name, field_name)


def test_content_survives_the_trip_through_plain_data():
    content = load_content(BUILTIN)
    for pack in content.packs:
        again = model.from_plain(model.Pack, model.to_plain(pack))
        assert again == pack
        assert isinstance(again.as_of, dt.date) and isinstance(again.sections, tuple)
    assert model.from_plain(model.Glossary, model.to_plain(content.glossary)) == content.glossary


def test_numbers_come_back_as_the_schema_makes_them():
    # JSON writes 0.0 as 0 only if we let it; a bound read back must still be a float, as
    # pydantic gives it, so reports print the same thing from the cache as from the YAML
    data = {"id": "q", "kind": "number", "text": {"ko": "가", "en": "a"},
            "help": {"ko": "가", "en": "a"}, "why": {"ko": "가", "en": "a"}, "min": 0, "max": 5}
    checked = schema.Question.model_validate(data).model_dump(mode="json")
    ours = model.from_plain(model.Question, data)
    assert ours == model.from_plain(model.Question, checked)
    assert type(ours.min) is float and type(ours.max) is float


@pytest.mark.parametrize("bad", [[], {"id": "q"}, {"terms": "none"}, {"terms": [3]}])
def test_wrong_shapes_raise_plain_errors(bad):
    with pytest.raises((TypeError, KeyError, ValueError)):
        model.from_plain(model.Glossary, bad)


def test_assessment_objects_and_the_file_schema_declare_the_same_fields_and_defaults():
    from wizard.core import assessment, assessment_schema

    for name in ("Meta", "PlanEdit", "ContentRecord", "Assessment"):
        plain, checked = getattr(assessment, name), getattr(assessment_schema, name)
        fields = {f.name: f for f in dataclasses.fields(plain)}
        assert set(fields) == set(checked.model_fields), name
        for field_name, info in checked.model_fields.items():
            ours = fields[field_name]
            theirs = info.default_factory() if info.default_factory else info.default
            mine = ours.default_factory() if ours.default_factory is not dataclasses.MISSING \
                else ours.default
            assert mine == theirs or (hasattr(theirs, "model_dump")
                                      and theirs.model_dump() == mine.as_dict()), \
                (name, field_name)


def test_a_start_and_an_evaluation_need_no_pydantic(tmp_path):
    # loading unchanged packs from the cache, a new assessment, answers and a full report:
    # pydantic is only needed to read files (packs from YAML, assessment files)
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = ("import sys\n"
            "from wizard.core.content import load_content\n"
            "from wizard.core.assessment import new_assessment, set_answer\n"
            "from wizard.core.engine import evaluate\n"
            "c = load_content()\n"
            "a = new_assessment(c)\n"
            "set_answer(a, c, 'profile.activities', ['chips_hardware'])\n"
            "r = evaluate(c, a)\n"
            "print(len(r.areas), 'pydantic' in sys.modules)\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "READINESS_CACHE_DIR": str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env=env, cwd=ROOT, check=True)
    again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env=env, cwd=ROOT, check=True)
    assert first.stdout.split() == [again.stdout.split()[0], "True"]   # packs read from YAML
    assert again.stdout.split()[1] == "False"                         # then from the cache
