/**
 * Generated tables (the catalogs, the dialects, the security checks…) are JSON files, read and parsed on first use:
 * a file the session never needs (networkd's keys while editing units) costs no start-up time and no memory, and
 * JSON parses faster than the same data written as JavaScript.
 *
 * Where they are: next to the source module that declares them (`server/src/catalog/x.generated.json`, for tests
 * and scripts that run the sources), and in `dist/data/` with the same relative path for the bundles (scripts/build.mjs
 * copies them; the .vsix ships them). A path may also leave server/src: `../../snippets/systemd.json` is the snippet
 * file VS Code reads, at the root of the repository and of the package alike.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Set by scripts/build.mjs in every bundle of dist/. */
declare const __BUNDLED__: boolean | undefined;
/** Set by the bundles that tests and scripts build into a temporary folder: the absolute path of server/src. */
declare const __DATA_ROOT__: string | undefined;

function dataRoot(): string {
  if (typeof __BUNDLED__ !== 'undefined' && __BUNDLED__) return join(__dirname, 'data');
  if (typeof __DATA_ROOT__ === 'string') return __DATA_ROOT__;
  return fileURLToPath(new URL('..', import.meta.url));
}

/**
 * A generated table by its path below server/src (`catalog/catalogData.generated.json`): a function that reads it
 * once, on its first call, and then returns the same object.
 */
export function lazyJson<T>(relativePath: string): () => T {
  let value: T | undefined;
  return () => {
    if (value === undefined) {
      const path = join(dataRoot(), relativePath);
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (err) {
        throw new Error(`a generated table is missing: ${path}; rebuild with npm run build`, { cause: err });
      }
      value = JSON.parse(text) as T;
    }
    return value;
  };
}

/** A value derived from the tables (an index, a set), computed on its first use and then kept. */
export function once<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}
