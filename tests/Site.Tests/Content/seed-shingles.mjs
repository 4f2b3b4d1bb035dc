#!/usr/bin/env node
// Regenerates seed-shingles.txt beside this script from the seed articles in ../shared/seeds (beside the
// repository), when that folder is there. The tests read only the committed hashes, so they run in any clone;
// the seeds' text never enters the repository.
//
//   node tests/Site.Tests/Content/seed-shingles.mjs
//
// A shingle is a run of 8 words: ASCII letters and digits, lower-cased, joined by single spaces. Its line is the
// first 16 hex digits of the SHA-256 of that text. ContentStandardsTests computes exactly the same (and checks one
// known value), so a change here must be made there too.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repository = resolve(here, '..', '..', '..');
const seeds = resolve(repository, '..', 'shared', 'seeds');
const target = join(here, 'seed-shingles.txt');
const size = 8;

if (!existsSync(seeds)) {
  console.log(`seed-shingles: no ${seeds}; ${relative(process.cwd(), target)} left as it is.`);
  process.exit(0);
}

const hash = (text) => createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
const words = (text) => (text.match(/[A-Za-z0-9]+/g) ?? []).map((w) => w.toLowerCase());

const files = readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort();
const hashes = new Set();
for (const file of files) {
  const w = words(readFileSync(join(seeds, file), 'utf8'));
  for (let i = 0; i + size <= w.length; i++) hashes.add(hash(w.slice(i, i + size).join(' ')));
}
if (hashes.size < 1000) {
  console.error(`seed-shingles: only ${hashes.size} shingles from ${files.length} files in ${seeds}; not writing.`);
  process.exit(1);
}

const header = [
  '# Hashed 8-word runs of the seed articles the content was written from (not their text), for',
  '# ContentStandardsTests.Nothing_copies_a_seed_sentence. Made by seed-shingles.mjs beside this file: each line is',
  '# the first 16 hex digits of the SHA-256 of 8 lower-case words (ASCII letters and digits) joined by spaces.',
  `# ${files.length} seed files, ${hashes.size} distinct runs.`,
];
writeFileSync(target, [...header, ...[...hashes].sort(), ''].join('\n'));
console.log(`seed-shingles: ${hashes.size} hashes from ${files.length} files written to ${relative(process.cwd(), target)}`);
