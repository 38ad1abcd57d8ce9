import { defineConfig } from 'wxt';

/**
 * A test build (SCRUTINY_TEST_BUILD=1) adds a host permission for the local fixture server only,
 * because browser automation cannot click the toolbar button that grants `activeTab`, and one for the
 * two sibling blogs of the hostile-page tests (tests/e2e/hostile-*.test.ts), which the browsers map to
 * that same server. Shipped builds never carry them; tests/e2e/manifest.test.ts checks that.
 */
const testBuild = process.env.SCRUTINY_TEST_BUILD === '1';
const TEST_HOST_PERMISSIONS = ['http://127.0.0.1/*', 'http://*.blogspot.com/*'];

/**
 * The note frame (entrypoints/annotator-frame): the annotator shows it inside its closed shadow root in
 * whatever page it runs in, so that page must be allowed to load it. In Chrome only through the
 * session's dynamic address (use_dynamic_url), so a page cannot probe for it to learn Scrutiny is installed.
 */
const NOTE_FRAME = 'annotator-frame.html';

export const GECKO_ID = 'scrutiny@scrutiny.example';

export default defineConfig({
  // SCRUTINY_OUT_DIR lets two builds run side by side (a second checkout's tests, a benchmark).
  outDir: process.env.SCRUTINY_OUT_DIR ?? (testBuild ? '.output/test' : '.output'),
  manifest: ({ browser, manifestVersion }) => {
    const hostPermissions = testBuild ? TEST_HOST_PERMISSIONS : [];
    // contextMenus: Highlight / Add note / Copy with citation on a selection. unlimitedStorage: the reader's
    // notes must never be evicted. clipboardWrite: "Copy with citation" from the menu, outside a click.
    const permissions = [
      'activeTab',
      'scripting',
      'storage',
      'unlimitedStorage',
      'contextMenus',
      'clipboardWrite',
    ];
    if (browser === 'chrome') permissions.push('sidePanel');
    return {
      name: 'Scrutiny',
      description:
        'Read news critically: who is quoted, on what sources the story rests, who wrote it and when.',
      permissions: manifestVersion === 2 ? [...permissions, ...hostPermissions] : permissions,
      host_permissions: manifestVersion === 3 ? hostPermissions : undefined,
      optional_host_permissions: manifestVersion === 3 ? ['<all_urls>'] : undefined,
      optional_permissions: manifestVersion === 2 ? ['<all_urls>'] : undefined,
      web_accessible_resources:
        manifestVersion === 3
          ? [{ resources: [NOTE_FRAME], matches: ['<all_urls>'], use_dynamic_url: true }]
          : [NOTE_FRAME],
      action: { default_title: 'Analyze this article with Scrutiny' },
      commands: {
        'analyze-page': {
          suggested_key: { default: 'Alt+Shift+S' },
          description: 'Open Scrutiny and analyze this page',
        },
        'highlight-selection': {
          suggested_key: { default: 'Alt+Shift+H' },
          description: 'Highlight the selected text',
        },
        'note-selection': {
          suggested_key: { default: 'Alt+Shift+N' },
          description: 'Add a note to the selected text',
        },
        'copy-citation': {
          suggested_key: { default: 'Alt+Shift+C' },
          description: 'Copy the selected text with its citation',
        },
        // Chrome takes at most four suggested keys; there the reader sets these three at
        // chrome://extensions/shortcuts. Firefox takes them all.
        'save-article': {
          suggested_key: browser === 'firefox' ? { default: 'Alt+Shift+A' } : undefined,
          description: 'Save this article to the Scrutiny library',
        },
        'clip-selection': {
          suggested_key: browser === 'firefox' ? { default: 'Alt+Shift+K' } : undefined,
          description: 'Clip the selected text into a collection',
        },
        'open-library': {
          suggested_key: browser === 'firefox' ? { default: 'Alt+Shift+L' } : undefined,
          description: 'Open the Scrutiny library',
        },
      },
      browser_specific_settings:
        browser === 'firefox'
          ? {
              gecko: {
                id: GECKO_ID,
                strict_min_version: '140.0',
                // Scrutiny collects nothing: everything stays on the reader's machine.
                data_collection_permissions: { required: ['none'] },
              },
              gecko_android: { strict_min_version: '142.0' },
            }
          : undefined,
    };
  },
});
