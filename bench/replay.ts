// npm run replay: the keystroke path against a full validation for as long as asked. Random edits
// (characters, lines, YAML indicators, lines at the ends of groups, groups copied) replayed over every corpus
// template and generated inventories, each result compared with `analyze` of the same text
// (test/helpers/replay.ts). Each seed replays one text from its start, so a failure is reproduced
// by its name and seed, which are printed; the exit code is 1 when any seed failed.
//   REPLAY_MINUTES=30 REPLAY_SEED=1 npm run replay
import * as fs from 'node:fs';
import { generateInventory } from './generate';
import { corpusFiles, corpusName } from '../test/helpers/corpus';
import { groupCopy, randomEdit, replay, tailEdit } from '../test/helpers/replay';

const MINUTES = Number(process.env.REPLAY_MINUTES ?? 5);
const FIRST_SEED = Number(process.env.REPLAY_SEED ?? 1);
const STEPS = 60;

/** What an operator types besides letters: YAML indicators, tabs, anchors, block scalars, document markers. */
const TYPED = ['? ', '"', '[', ']', '{', '}', '\t', '\t# c\n', '&a ', '*a', '<<: *a\n', '|\n', ' # c', '---\n', '...\n', ': ', '- ', 'pg_seq: 2', 'vip_enabled: true'];

function anyEdit(text: string, rand: () => number): string {
  const kind = rand();
  if (kind < 0.5) return randomEdit(text, rand);
  if (kind < 0.65) return tailEdit(text, rand);
  if (kind < 0.75) return groupCopy(text, rand);
  const at = Math.floor(rand() * (text.length + 1));
  return text.slice(0, at) + TYPED[Math.floor(rand() * TYPED.length)] + text.slice(at);
}

function main(): void {
  const sources: [string, string][] = [
    ...corpusFiles().map((f): [string, string] => [corpusName(f), fs.readFileSync(f, 'utf8')]),
    ...[5, 30, 40].map((n): [string, string] => [`generated-${n}`, generateInventory(n).text]),
  ];
  const until = Date.now() + MINUTES * 60_000;
  const counts = { seeds: 0, block: 0, groups: 0, full: 0 };
  const failures: string[] = [];
  for (let seed = FIRST_SEED; Date.now() < until; seed++) {
    const [name, text] = sources[seed % sources.length];
    counts.seeds++;
    try {
      const done = replay(name, text, STEPS, seed, { edit: anyEdit });
      counts.block += done.block;
      counts.groups += done.groups;
      counts.full += done.full;
    } catch (e) {
      const first = String((e as Error).message).split('\n')[0];
      failures.push(`${name}, seed ${seed}: ${first}`);
      console.log(`FAILED ${name}, seed ${seed}: ${first}`);
    }
  }
  console.log(
    `${counts.seeds} seeds of ${STEPS} edits in ${MINUTES} min: ${counts.block} edits on the block path, ${counts.groups} on a run of groups, ${counts.full} in full, ` +
      `${failures.length} seed(s) failed`,
  );
  process.exitCode = failures.length > 0 ? 1 : 0;
}

main();
