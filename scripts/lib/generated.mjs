/**
 * Writes generated tables the way the server reads them (server/src/util/dataFile.ts): the values as a JSON file, the
 * types and a lazy accessor as a small TypeScript module next to it. `--check` mode compares instead of writing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';

/** JSON with one row (array layout) or one entry (object layout) per line, so that diffs stay readable. */
function layoutJson(fields) {
  const parts = fields.map(({ name, value, layout }) => {
    const key = JSON.stringify(name);
    if (layout === 'rows' && Array.isArray(value))
      return value.length ? `${key}: [\n${value.map((r) => JSON.stringify(r)).join(',\n')}\n]` : `${key}: []`;
    if (layout === 'entries' && value && typeof value === 'object' && !Array.isArray(value)) {
      const entries = Object.entries(value);
      return entries.length
        ? `${key}: {\n${entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n}`
        : `${key}: {}`;
    }
    return `${key}: ${JSON.stringify(value)}`;
  });
  return `{\n${parts.join(',\n')}\n}\n`;
}

/**
 * @param {object} o
 * @param {string} o.root        the repository root
 * @param {string} o.tsPath      e.g. server/src/catalog/catalogData.generated.ts (the JSON goes next to it)
 * @param {string[]} o.header    comment lines (without the leading //)
 * @param {string[]} [o.preamble] TypeScript lines before the interface (types the fields use)
 * @param {string} o.interfaceName
 * @param {string} o.accessor    the exported lazy accessor's name
 * @param {{name: string, type: string, doc?: string, value: unknown, layout?: 'rows'|'entries'}[]} o.fields
 * @returns {{path: string, content: string}[]} the two files
 */
export function tableFiles({ root, tsPath, header, preamble = [], interfaceName, accessor, fields }) {
  const jsonPath = tsPath.replace(/\.ts$/, '.json');
  const fromSrc = relative('server/src', jsonPath);
  const loader = relative(dirname(tsPath), 'server/src/util/dataFile.js');
  const ts = [
    ...header.map((h) => `// ${h}`),
    '/* eslint-disable */',
    `import { lazyJson } from '${loader.startsWith('.') ? loader : `./${loader}`}';`,
    '',
    ...preamble,
    ...(preamble.length ? [''] : []),
    `export interface ${interfaceName} {`,
    ...fields.flatMap((f) => [...(f.doc ? [`  /** ${f.doc} */`] : []), `  readonly ${f.name}: ${f.type};`]),
    '}',
    '',
    `/** The tables, read from ${fromSrc.split('/').pop()} on first use. */`,
    `export const ${accessor}: () => ${interfaceName} = lazyJson<${interfaceName}>('${fromSrc}');`,
    '',
  ].join('\n');
  return [
    { path: `${root}/${tsPath}`, content: ts },
    { path: `${root}/${jsonPath}`, content: layoutJson(fields) },
  ];
}

/** Writes the files, or (check) returns the relative paths of those that differ. */
export function writeOrCheck(root, files, check) {
  const stale = [];
  for (const f of files) {
    const current = existsSync(f.path) ? readFileSync(f.path, 'utf8') : '';
    if (current === f.content) continue;
    if (check) stale.push(relative(root, f.path));
    else writeFileSync(f.path, f.content);
  }
  return stale;
}
