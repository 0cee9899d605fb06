/**
 * The package's source files, for tests that check the code's layout. Plain JavaScript: the
 * community lint rules (no file system in node code) apply to TypeScript files only.
 */
'use strict';
const { existsSync, readdirSync, readFileSync, statSync } = require('node:fs');
const { join, relative, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..', '..');

/** Every .ts file under `folder` (relative to the repository root), as repository-relative paths. */
function sourceFiles(folder) {
	const walk = (dir) =>
		readdirSync(dir).flatMap((name) => {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) return walk(path);
			return path.endsWith('.ts') ? [relative(ROOT, path)] : [];
		});
	return walk(join(ROOT, folder));
}

function readSource(path) {
	return readFileSync(join(ROOT, path), 'utf8');
}

/** The repository-relative files a source file imports with a relative path. */
function relativeImports(path) {
	return [...readSource(path).matchAll(/from '(\.[^']+)'/g)].map((m) =>
		relative(ROOT, resolve(ROOT, path, '..', m[1])),
	);
}

/** The subfolders of `folder` and the files directly in each, by name. */
function subfolders(folder) {
	const dir = join(ROOT, folder);
	return Object.fromEntries(
		readdirSync(dir)
			.filter((name) => statSync(join(dir, name)).isDirectory())
			.map((name) => [name, readdirSync(join(dir, name)).sort()]),
	);
}

/** The names of the files directly in `folder` (repository-relative). */
function filesIn(folder) {
	const dir = join(ROOT, folder);
	return readdirSync(dir).filter((name) => statSync(join(dir, name)).isFile());
}

/** Whether a repository-relative path exists. */
function exists(path) {
	return existsSync(join(ROOT, path));
}

module.exports = { exists, filesIn, sourceFiles, readSource, relativeImports, subfolders };
