"""Every Cypher statement the project sends to Neo4j, checked by Neo4j's own Cypher front end.

The linter is the npm package ``@neo4j-cypher/language-support`` (pinned in
tools/cypher-lint/package.json, its lock file committed), run with the machine's Node.js:
``lintCypherQuery`` parses each statement and runs Neo4j's semantic analysis (undefined
variables, type errors, pattern expressions where Neo4j 5 refuses them, unknown functions and
procedures from its list of Neo4j's built-ins, undeclared parameters, labels and relationship
types the schema does not have).  The parameters each statement declares in graph/cypher.py are
given to it, so only undeclared ones are reported.  ``./dev.sh test`` installs the package
(``npm ci``) when tools/cypher-lint/node_modules is missing; so does this module.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from graph import cypher as C
from graph.neo4j_store import Tx

ROOT = Path(__file__).resolve().parent.parent
LINT = ROOT / "tools" / "cypher-lint"
PACKAGE = LINT / "node_modules" / "@neo4j-cypher" / "language-support"

Linter = Callable[[dict[str, Any]], dict[str, Any]]


@pytest.fixture(scope="module")
def lint() -> Linter:
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.fail("Node.js and npm are needed to lint the Cypher statements (tools/cypher-lint)")
    if not PACKAGE.is_dir():
        subprocess.run([npm, "ci", "--prefix", str(LINT), "--no-audit", "--no-fund", "--silent"],
                       check=True, timeout=900)

    def run(payload: dict[str, Any]) -> dict[str, Any]:
        proc = subprocess.run([node, str(LINT / "lint.cjs")], input=json.dumps(payload), capture_output=True,
                              text=True, timeout=300, check=False)
        assert proc.returncode == 0, proc.stderr
        return dict(json.loads(proc.stdout))
    return run


def test_every_statement_is_valid_cypher_for_neo4j(lint: Linter) -> None:
    out = lint(C.lint_payload())
    pinned = json.loads((LINT / "package.json").read_text())["dependencies"]["@neo4j-cypher/language-support"]
    assert out["version"] == pinned
    assert [r["name"] for r in out["results"]] == list(C.ALL)
    bad = {r["name"]: r["diagnostics"] for r in out["results"] if r["diagnostics"]}
    assert not bad, json.dumps(bad, indent=1, ensure_ascii=False)
    assert len(out["results"]) >= 80      # schema, writes, reads, per-type MERGEs, path lengths, examples


def test_the_linter_reports_errors(lint: Linter) -> None:
    """Negative controls: the same set-up reports what the project's statements must not contain."""
    cases = {
        "undefined variable": ("MATCH (n:Node {id: $id}) RETURN m", ["id"], "Variable `m` not defined"),
        "undeclared parameter": ("MATCH (n:Node) WHERE n.id = $other RETURN n", ["id"],
                                 "Parameter $other is not defined"),
        "syntax": ("MATCH (n:Node) RETRN n", [], "Invalid input 'RETRN'"),
        "unknown function": ("RETURN toLowerr('x')", [], "Function toLowerr is not present"),
        "unknown procedure": ("CALL db.idx.fulltext.queryNodes('Node', 'x')", [],
                              "Procedure db.idx.fulltext.queryNodes is not present"),
        "pattern in size()": ("MATCH (n:Node) RETURN size((n)--())", [], "pattern expression"),
        "unknown label": ("MATCH (n:Nod) RETURN n", [], "Label Nod is not present"),
        "unknown type": ("MATCH (:Node)-[r:ISSUED]->(:Node) RETURN r", [], "Relationship type ISSUED is not present"),
    }
    payload = C.lint_payload()
    payload["statements"] = [{"name": k, "text": t, "params": p} for k, (t, p, _) in cases.items()]
    out = {r["name"]: " | ".join(d["message"] for d in r["diagnostics"]) for r in lint(payload)["results"]}
    for name, (_, _, expected) in cases.items():
        assert expected.lower() in out[name].lower(), (name, out[name])


def _statements_in(value: Any) -> list[C.Statement]:
    if isinstance(value, C.Statement):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _statements_in(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _statements_in(v)]
    return []


def test_every_statement_is_registered_and_parameterised() -> None:
    found = [s for name in dir(C) if not name.startswith("_") for s in _statements_in(getattr(C, name))]
    assert {s.name for s in found} == set(C.ALL)
    assert all(C.ALL[s.name] is s for s in found)
    for s in C.ALL.values():
        assert len(set(s.params)) == len(s.params), s.name
        assert s.portable or not s.name.startswith("EXAMPLE_"), s.name


def test_the_store_sends_only_registered_statements() -> None:
    """No string is ever passed to ``run``: only the constants (checked in the source and at run time)."""
    for path in (ROOT / "graph" / "neo4j_store.py", ROOT / "app.py", ROOT / "graph" / "cli.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
            if isinstance(call.func, ast.Attribute) and call.func.attr == "run" and call.args:
                first = call.args[0]
                assert not isinstance(first, ast.Constant | ast.JoinedStr | ast.BinOp), (path.name, call.lineno)
    sent: list[tuple[str, dict[str, Any]]] = []
    tx = Tx(lambda text, params: sent.append((text, params)) or [])
    tx.run(C.NODES_LIGHT, ids=["a"])
    assert sent == [(C.NODES_LIGHT.text, {"ids": ["a"]})]
    with pytest.raises(TypeError):
        tx.run(C.Statement("X", "MATCH (n) DETACH DELETE n"))
    with pytest.raises(TypeError):
        tx.run("MATCH (n) RETURN n")      # type: ignore[arg-type]
    with pytest.raises(TypeError):
        tx.run(C.NODES_LIGHT, ids=["a"], extra="x' }) DETACH DELETE n //")
    with pytest.raises(TypeError):
        tx.run(C.NODES_LIGHT)
