// The schema (argv[2]) and a kit file (argv[3]) read by Node: every `pattern` compiled as ECMA-262 in unicode
// mode (as JSON Schema says patterns are), then the kit validated by ajv in strict mode (JSON Schema 2020-12).
// Prints a JSON report on stdout: {"bad_patterns": [[where, message]...], "valid": bool, "errors": [...]}.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const schema = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const data = JSON.parse(readFileSync(process.argv[3], 'utf8'));

const badPatterns = [];
function walk(node, where) {
  if (Array.isArray(node)) { node.forEach((item, i) => walk(item, `${where}/${i}`)); return; }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'pattern' && typeof value === 'string') {
      try { new RegExp(value, 'u'); } catch (error) { badPatterns.push([`${where}/pattern`, String(error.message)]); }
    }
    walk(value, `${where}/${key}`);
  }
}
walk(schema, '#');

let valid = false;
let errors = [];
try {
  const ajv = new Ajv2020({ strict: true, allErrors: true, unicodeRegExp: true });
  const validate = ajv.compile(schema);
  valid = validate(data);
  errors = validate.errors ?? [];
} catch (error) {
  errors = [String(error.message)];
}
process.stdout.write(JSON.stringify({ bad_patterns: badPatterns, valid, errors }));
