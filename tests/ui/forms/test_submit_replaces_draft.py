"""Every form that saves hands its draft's key to the service that saves it, which deletes the
draft in the record's own transaction (a crash cannot leave both a saved record and a draft that
would save it again). Nothing else deletes drafts: the audit trail does not."""

import ast
import importlib
import inspect
import pkgutil
import textwrap

import pytest

import rp_desktop.ui
from rp_desktop.ui.forms.record_form import RecordForm


def record_forms() -> list[type[RecordForm]]:
    for module in pkgutil.walk_packages(rp_desktop.ui.__path__, "rp_desktop.ui."):
        importlib.import_module(module.name)
    found: list[type[RecordForm]] = []
    pending = list(RecordForm.__subclasses__())
    while pending:
        form = pending.pop()
        found.append(form)
        pending += form.__subclasses__()
    return sorted(found, key=lambda form: form.__qualname__)


def hands_over_its_draft(submit: ast.FunctionDef) -> bool:
    return any(
        isinstance(node, ast.keyword)
        and node.arg == "replaces_draft"
        and ast.unparse(node.value) == "self.draft.key"
        for node in ast.walk(submit)
    )


def submit_of(form: type[RecordForm]) -> ast.FunctionDef:
    tree = ast.parse(textwrap.dedent(inspect.getsource(form.submit)))
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef)
    return function


FORMS = [form for form in record_forms() if "submit" in vars(form)]


def test_there_are_forms_to_check() -> None:
    assert len(FORMS) >= 12  # student, case, circle, prompt, meeting, agreement, plans, steps


@pytest.mark.parametrize("form", FORMS, ids=lambda form: form.__qualname__)
def test_each_form_names_its_draft_when_it_saves(form: type[RecordForm]) -> None:
    assert hands_over_its_draft(submit_of(form))


def test_the_check_notices_a_form_that_forgets() -> None:
    source = "def submit(self, values):\n    return students.add_student(self._db, values).id\n"
    function = ast.parse(source).body[0]
    assert isinstance(function, ast.FunctionDef)
    assert not hands_over_its_draft(function)
