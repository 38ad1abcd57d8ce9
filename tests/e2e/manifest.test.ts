/** The shipped builds ask for the fewest permissions; only the test build may reach the fixture server. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHIPPED_BUILD, TEST_BUILD } from './browsers';

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_scripts?: unknown[];
  web_accessible_resources?: unknown[];
  browser_specific_settings?: { gecko?: { id?: string } };
}

const read = (dir: string): Manifest =>
  JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
const hostLike = (permission: string) => permission.includes('://') || permission === '<all_urls>';

describe('shipped manifests', () => {
  it('Chrome (MV3) asks for activeTab, scripting, sidePanel, storage and the annotation permissions, with all sites only as optional', () => {
    const manifest = read(SHIPPED_BUILD.chrome);
    expect(manifest.manifest_version).toBe(3);
    expect([...(manifest.permissions ?? [])].sort()).toEqual([
      'activeTab',
      'clipboardWrite',
      'contextMenus',
      'scripting',
      'sidePanel',
      'storage',
      'unlimitedStorage',
    ]);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions).toEqual(['<all_urls>']);
    expect(manifest.content_scripts ?? []).toEqual([]);
    // Only the note frame, and only through the session's dynamic address (a page cannot probe for it).
    expect(manifest.web_accessible_resources).toEqual([
      { resources: ['annotator-frame.html'], matches: ['<all_urls>'], use_dynamic_url: true },
    ]);
  });

  it('Firefox (MV2) asks for activeTab, scripting, storage and the annotation permissions, with all sites only as optional', () => {
    const manifest = read(SHIPPED_BUILD.firefox);
    expect(manifest.manifest_version).toBe(2);
    expect([...(manifest.permissions ?? [])].sort()).toEqual([
      'activeTab',
      'clipboardWrite',
      'contextMenus',
      'scripting',
      'storage',
      'unlimitedStorage',
    ]);
    expect((manifest.permissions ?? []).filter(hostLike)).toEqual([]);
    expect(manifest.optional_permissions).toEqual(['<all_urls>']);
    expect(manifest.content_scripts ?? []).toEqual([]);
    expect(manifest.web_accessible_resources).toEqual(['annotator-frame.html']);
    expect(manifest.browser_specific_settings?.gecko?.id).toBe('scrutiny@scrutiny.example');
  });
});

describe('test builds', () => {
  it('add the local fixture server (and the two blogs the hostile-page tests map to it) and nothing else', () => {
    const testHosts = ['http://127.0.0.1/*', 'http://*.blogspot.com/*'];
    expect(read(TEST_BUILD.chrome).host_permissions).toEqual(testHosts);
    expect((read(TEST_BUILD.firefox).permissions ?? []).filter(hostLike)).toEqual(testHosts);
  });
});
