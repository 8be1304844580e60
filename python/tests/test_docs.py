"""The package's documentation cannot drift from the package: the stubs'
result types are what the schemas write, mypy's stubtest finds the stubs
and the runtime in agreement, every public call and result type says what
it is with an example, and the README's examples run."""

import importlib.util
import inspect
import os
import pathlib
import re
import subprocess
import sys

import pytest

import overdue

ROOT = pathlib.Path(__file__).resolve().parents[2]
INSTALLED_STUB = pathlib.Path(overdue.__file__).parent / "__init__.pyi"


def _stubs():
    spec = importlib.util.spec_from_file_location("stubs", ROOT / "python" / "stubs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_stub_result_types_are_what_the_schemas_write():
    stubs = _stubs()
    block = stubs.stub_block()
    for stub in (ROOT / "python" / "python" / "overdue" / "__init__.pyi", INSTALLED_STUB):
        assert block in stub.read_text(), f"{stub}: run `python python/stubs.py`"
    declared = set(re.findall(r"^class (\w+)\(Record\):", block, re.M))
    returned = {name for name, value in vars(overdue).items() if isinstance(value, type) and issubclass(value, overdue.Record) and value is not overdue.Record}
    assert declared == returned
    # every field the runtime returns is declared: a statement's, say
    statement = re.search(r"^class Statement\(Record\):\n(.*?)\n\n", block, re.M | re.S).group(1)
    for field in ("possible_duplicates", "rebates", "refunded", "restructures", "reversals", "unearned_prepaid"):
        assert f"    {field}: " in statement


def test_stubtest_finds_the_stubs_and_the_package_in_agreement(tmp_path):
    pytest.importorskip("mypy")
    run = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "overdue", "--mypy-config-file", os.devnull],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=dict(os.environ, MYPY_CACHE_DIR=str(tmp_path / "cache")),
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_every_public_call_and_result_type_has_a_docstring_with_an_example():
    for name in overdue.__all__:
        value = getattr(overdue, name)
        if inspect.isfunction(value):
            assert value.__doc__ and ">>>" in value.__doc__, f"{name} has no example"
    for name, value in vars(overdue).items():
        if isinstance(value, type) and issubclass(value, overdue.Record) and value is not overdue.Record:
            assert "Fields:" in value.__doc__ or "Example:" in value.__doc__, name
    # help() on a request job lists the request's fields with what they mean
    assert "budget" in overdue.compare.__doc__ and "discount_rate" in overdue.compare.__doc__


def test_the_readme_examples_run(monkeypatch):
    monkeypatch.chdir(ROOT)
    text = (ROOT / "python" / "README.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert len(blocks) >= 5
    namespace = {}
    for block in blocks:
        exec(compile(block, "python/README.md", "exec"), namespace)
