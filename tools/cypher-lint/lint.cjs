// Lint Cypher statements with Neo4j's Cypher front end (@neo4j-cypher/language-support).
//
// stdin:  {"labels": [...], "relationshipTypes": [...],
//          "statements": [{"name": "...", "text": "...", "params": ["rows", ...]}, ...]}
// stdout: {"version": "...", "results": [{"name": "...", "diagnostics": [{"severity": "error"|"warning"|...,
//          "message": "...", "line": 1, "column": 0, "offset": 0}]}]}
//
// Syntax errors and semantic ones (undefined variables, type errors, unknown functions and
// procedures) are reported; parameters a statement declares are given to the linter so that
// only undeclared ones are.  The built-in functions and procedures are the package's own list
// of Neo4j 5's (its test schema), so a function Neo4j does not have is reported too.
'use strict';

const ls = require('@neo4j-cypher/language-support');
const path = require('path');
const fs = require('fs');
const pkg = JSON.parse(fs.readFileSync(
  path.join(__dirname, 'node_modules', '@neo4j-cypher', 'language-support', 'package.json'), 'utf8'));

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

function main(input) {
  const request = JSON.parse(input);
  const base = ls.testData.mockSchema;
  const results = request.statements.map((st) => {
    // A declared parameter is a key with a defined value (the linter checks `!== undefined`).
    const parameters = {};
    for (const p of st.params || []) parameters[p] = '';
    const schema = {
      functions: base.functions,
      procedures: base.procedures,
      labels: request.labels || [],
      relationshipTypes: request.relationshipTypes || [],
      propertyKeys: base.propertyKeys,
      parameters,
    };
    const diagnostics = ls.lintCypherQuery(st.text, schema).map((d) => ({
      severity: SEVERITY[d.severity] || String(d.severity),
      message: d.message,
      line: d.range.start.line + 1,
      column: d.range.start.character,
      offset: d.offsets ? d.offsets.start : null,
    }));
    return { name: st.name, diagnostics };
  });
  process.stdout.write(JSON.stringify({ version: pkg.version, results }) + '\n');
}

let data = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { data += chunk; });
process.stdin.on('end', () => {
  try {
    main(data);
  } catch (e) {
    process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
    process.exit(2);
  }
});
