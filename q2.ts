import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { JSDOM } from 'jsdom';
import { readMetadata } from './lib/extract/metadata';
const html = gunzipSync(readFileSync(process.argv[2]!)).toString('utf8');
const doc = new JSDOM(html, { url: process.argv[3] }).window.document;
const m = readMetadata(doc, process.argv[3]!);
console.log(JSON.stringify(m.byline.evidence, null, 1).slice(0, 4000));
