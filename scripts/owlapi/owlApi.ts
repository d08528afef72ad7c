/**
 * Runs the OWL API (scripts/owlapi/OwlApi.java) for the OWL oracle test and the OWL benchmark. On first
 * use Maven fetches the OWL API from Maven Central into .cache/owlapi/lib (scripts/owlapi/pom.xml) and
 * javac compiles OwlApi.java into .cache/owlapi/classes: launched from source, every run would pay about
 * a second and 70 MB of resident memory for the compiler. Throws, with Maven's or Java's output, when
 * Java, Maven or the OWL API fails, so that a test fails instead of skipping.
 *
 * @example
 * await owlApiConvert([{ input: 'pizza.owl', output: '/tmp/pizza.ofn', format: 'functional' }]);
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const root = resolve(import.meta.dirname, '../..');
const here = join(root, 'scripts/owlapi');
const lib = join(root, '.cache/owlapi/lib');
const classes = join(root, '.cache/owlapi/classes');
const source = join(here, 'OwlApi.java');
const run = promisify(execFile);

/** A syntax the OWL API saves in. */
export type OwlApiFormat = 'ntriples' | 'functional' | 'owlxml' | 'rdfxml';

/** One document to load and the file to save it to. */
export interface OwlApiConversion {
  input: string;
  output: string;
  format: OwlApiFormat;
}

/** What `time` prints: each round's load in ms (the first one cold), the axiom count and the JVM's peak RSS. */
export interface OwlApiTiming {
  roundsMs: number[];
  axioms: number;
  maxRssBytes: number;
}

/** Fetches the OWL API's jars and compiles OwlApi.java when they are missing or the source is newer. */
export function ensureOwlApi(): void {
  if (!existsSync(lib) || !readdirSync(lib).some((name) => name.startsWith('owlapi-distribution-'))) {
    const mvn = spawnSync('mvn', ['-q', '-B', '-f', join(here, 'pom.xml'), 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${lib}`], { encoding: 'utf8', timeout: 600_000 });
    if (mvn.status !== 0) throw new Error(`Fetching the OWL API with Maven failed (${mvn.error?.message ?? `exit ${mvn.status}`}):\n${mvn.stdout}${mvn.stderr}`);
  }
  const compiled = join(classes, 'OwlApi.class');
  if (existsSync(compiled) && statSync(compiled).mtimeMs >= statSync(source).mtimeMs) return;
  const javac = spawnSync('javac', ['-cp', `${lib}/*`, '-d', classes, source], { encoding: 'utf8', timeout: 120_000 });
  if (javac.status !== 0) throw new Error(`Compiling ${source} failed (${javac.error?.message ?? `exit ${javac.status}`}):\n${javac.stdout}${javac.stderr}`);
}

/** Runs OwlApi with `args` in a fresh JVM (a 4 GiB heap at most: the 1M-triple ontology needs about 2) and returns its stdout. */
async function owlApi(args: string[]): Promise<string> {
  ensureOwlApi();
  try {
    const { stdout } = await run('java', ['-Xmx4g', '-cp', `${classes}:${lib}/*`, 'OwlApi', ...args], { cwd: root, maxBuffer: 1 << 24 });
    return stdout;
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`The OWL API failed on ${args.join(' ')}:\n${stderr ?? (error as Error).message}`, { cause: error });
  }
}

/** Loads each input once (imports neither fetched nor followed) and saves it in each format asked, all in one JVM. */
export async function owlApiConvert(conversions: readonly OwlApiConversion[]): Promise<void> {
  await owlApi(['convert', ...conversions.flatMap(({ input, output, format }) => [input, output, format])]);
}

/** Loads `file` `rounds` times in one JVM and reports each round's time. */
export async function owlApiTime(file: string, rounds: number): Promise<OwlApiTiming> {
  return JSON.parse((await owlApi(['time', file, String(rounds)])).trim().split('\n').at(-1)!) as OwlApiTiming;
}
