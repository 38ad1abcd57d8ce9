/**
 * A large WARC for the command line's memory measure (docs/research.md): the Zyte benchmark's pages as
 * HTML responses, over and over (each copy under an address of its own), with an image record after
 * every page, until the file reaches the size asked for.
 *
 *   npx tsx scripts/zyte-warc.ts ZYTE_DIR OUT.warc[.gz] [--megabytes N]   (N: 1024)
 */
import { closeSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { warcRecord } from '../tests/fixtures/warc/build';

const [zyteDir, out, ...rest] = process.argv.slice(2);
if (!zyteDir || !out)
  throw new Error('usage: npx tsx scripts/zyte-warc.ts ZYTE_DIR OUT.warc[.gz] [--megabytes N]');
const megabytes = rest[0] === '--megabytes' ? Number(rest[1]) : 1024;
const gzip = out.endsWith('.gz');
const truth = JSON.parse(readFileSync(join(zyteDir, 'ground-truth.json'), 'utf8')) as Record<
  string,
  { url: string }
>;
const pages = readdirSync(join(zyteDir, 'html'))
  .filter((file) => file.endsWith('.html.gz'))
  .sort()
  .map((file) => {
    const id = file.slice(0, -'.html.gz'.length);
    return { url: truth[id]!.url, body: gunzipSync(readFileSync(join(zyteDir, 'html', file))) };
  });
const image = new Uint8Array(20_000).fill(0x42);
const file = openSync(out, 'w');
let written = 0;
let records = 0;
for (let copy = 0; written < megabytes * 1_048_576; copy++) {
  for (const page of pages) {
    const url = `${page.url}${page.url.includes('?') ? '&' : '?'}copy=${copy}`;
    const html = await warcRecord(gzip, 'response', url, page.body, {
      status: '200 OK',
      contentType: 'text/html; charset=utf-8',
    });
    const png = await warcRecord(gzip, 'response', `${url}#logo.png`, image, {
      status: '200 OK',
      contentType: 'image/png',
    });
    written += writeSync(file, html) + writeSync(file, png);
    records++;
    if (written >= megabytes * 1_048_576) break;
  }
}
closeSync(file);
console.log(`${out}: ${(written / 1_048_576).toFixed(0)} MB, ${records} HTML pages`);
