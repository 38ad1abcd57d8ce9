/**
 * The export CLI (cli/export.ts), called in process as `npm run export` calls it, and once built and
 * started as a process, as scripts/build-cli.mjs builds it.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/export';
import { backupText } from '../../../lib/export/backup';
import { NOW, trickyLibrary } from '../export/library';

/** Generous: a busy machine may take many times longer than an idle one; no test here measures speed. */
const SLOW_MACHINE_MS = 120_000;

const folder = mkdtempSync(join(tmpdir(), 'scrutiny-export-cli-'));
writeFileSync(join(folder, 'backup.json'), backupText(trickyLibrary(), NOW));
writeFileSync(join(folder, 'truncated.json'), backupText(trickyLibrary(), NOW).slice(0, 500));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: folder,
  });
  return { code, stdout, stderr };
}

describe('npm run export', () => {
  it('prints each format on stdout', async () => {
    for (const [format, start] of [
      ['markdown', '# Harbor bridge'],
      ['csv', '\ufeffKind,Passage'],
      ['json', '{\n  "format": "scrutiny-backup"'],
      ['w3c', '{\n  "@context"'],
      ['csl-json', '[\n  {\n    "id": "sartre2026harbor"'],
      ['bibtex', '@article{sartre2026harbor,'],
      ['ris', 'TY  - NEWS'],
    ] as const) {
      const result = await run('--format', format, 'backup.json');
      expect({ format, code: result.code, stderr: result.stderr }).toEqual({ format, code: 0, stderr: '' });
      expect(result.stdout.startsWith(start)).toBe(true);
    }
  });

  it('writes a zip of one Markdown file per article to an --out path ending in .zip', async () => {
    const result = await run('--format', 'markdown', '--out', 'notes.zip', 'backup.json');
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(Object.keys(unzipSync(readFileSync(join(folder, 'notes.zip'))))).toHaveLength(3);
  });

  it('ends a bad backup or bad arguments with one plain line on stderr and status 1', async () => {
    for (const args of [
      ['--format', 'csv', 'truncated.json'],
      ['--format', 'csv', 'missing.json'],
      ['--format', 'pdf', 'backup.json'],
      ['backup.json'],
      ['--format', 'csv'],
    ]) {
      const result = await run(...args);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^[^\n]+\n$/);
    }
    expect((await run('--format', 'csv', 'truncated.json')).stderr).toMatch(/truncated/);
  });

  it(
    'runs built, as a process, with the exit status reaching the shell',
    async () => {
      const root = resolve(import.meta.dirname, '../../..');
      mkdirSync(join(root, '.output'), { recursive: true });
      const bundle = mkdtempSync(join(root, '.output', 'cli-export-test-'));
      try {
        const exec = promisify(execFile);
        await exec(process.execPath, [join(root, 'scripts/build-cli.mjs'), '--outdir', bundle]);
        const ok = await exec(process.execPath, [
          join(bundle, 'export.mjs'),
          '--format',
          'ris',
          join(folder, 'backup.json'),
        ]);
        expect(ok.stdout).toMatch(/^TY {2}- NEWS/);
        const bad = await exec(process.execPath, [
          join(bundle, 'export.mjs'),
          '--format',
          'ris',
          join(folder, 'truncated.json'),
        ]).catch((error: { code: number; stderr: string }) => error);
        expect(bad).toMatchObject({ code: 1, stderr: expect.stringMatching(/truncated/) });
      } finally {
        rmSync(bundle, { recursive: true, force: true });
      }
    },
    SLOW_MACHINE_MS,
  );
});
