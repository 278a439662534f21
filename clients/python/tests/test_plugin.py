"""The plugin as a user meets it: test files run by pytest. The READMEs' examples (the
package's and the repository's) run in a subprocess (the plugin loaded through its pytest11
entry point, as a user's pytest loads it); the others in-process, which is faster."""

import os
import textwrap
from pathlib import Path

import pytest


def run_in_process(pytester):
    """pytester.runpytest in this process. Under PYTEST_DISABLE_PLUGIN_AUTOLOAD (as make test
    runs these tests) the plugin is named explicitly, as the outer run named it."""
    explicit = ["-p", "lifecycled.pytest_plugin"] if os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD") else []
    return pytester.runpytest("-p", "no:cacheprovider", *explicit)

PACKAGE = Path(__file__).resolve().parents[1]
READMES = {"package": PACKAGE / "README.md", "repository": PACKAGE.parents[1] / "README.md"}


def readme_test(readme):
    """The first python block of a README: the complete test it shows."""
    text = readme.read_text()
    start = text.index("```python\n") + len("```python\n")
    return text[start:text.index("```", start)]


@pytest.mark.parametrize("which", sorted(READMES))
def test_the_readme_example_passes_against_the_running_server(which, pytester, lifecycled_url, monkeypatch):
    monkeypatch.setenv("LIFECYCLED_URL", lifecycled_url)
    monkeypatch.delenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", raising=False)  # found through the entry point
    code = readme_test(READMES[which])
    assert len(code.strip().splitlines()) <= 10
    pytester.makepyfile(test_readme=code)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines([f"lifecycled: {lifecycled_url}", "plugins:*lifecycled-0.1.0*"])


def test_a_wrong_order_fails_with_the_diff(pytester, lifecycled_url, monkeypatch):
    monkeypatch.setenv("LIFECYCLED_URL", lifecycled_url)
    pytester.makepyfile(test_wrong=textwrap.dedent('''
        from lifecycled import assert_order

        def test_wrong(new_session):
            result = new_session(lifecycle="app").act("launch")
            assert_order(result, ["applicationDidBecomeActive(_:)", ...], receiver="appDelegate")
    '''))
    result = run_in_process(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "*callback order differs (1 difference; receiver='appDelegate'):",
        "*- applicationDidBecomeActive(_:)",
        "*~ #1 appDelegate application(_:willFinishLaunchingWithOptions:) (inactive)",
    ])


def test_sessions_made_by_the_factory_are_deleted_after_the_test(pytester, lifecycled, monkeypatch):
    monkeypatch.setenv("LIFECYCLED_URL", lifecycled.url)
    pytester.makepyfile(test_made=textwrap.dedent('''
        def test_make(new_session):
            app = new_session()
            open("session-id", "w").write(app.id)
    '''))
    run_in_process(pytester).assert_outcomes(passed=1)
    made = (pytester.path / "session-id").read_text()
    assert made not in {s.id for s in lifecycled.sessions()}


def test_a_missing_binary_is_a_clear_error(pytester, monkeypatch):
    monkeypatch.delenv("LIFECYCLED_URL", raising=False)
    monkeypatch.setenv("LIFECYCLED_BIN", str(pytester.path / "nope"))
    pytester.makepyfile(test_x="def test_x(lifecycled):\n    pass\n")
    result = run_in_process(pytester)
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*LIFECYCLED_BIN=*is not an executable file*"])
