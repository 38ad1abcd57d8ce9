/**
 * The toolbar button and the keyboard shortcut: open the panel next to the page and tell it which
 * tab to analyze. Opening must happen synchronously inside the click, or the browser refuses it.
 */
import type { AnalyzeTabRequest } from '@/lib/messages';

export default defineBackground(() => {
  const openPanelAndAnalyze = (tab: { id?: number; windowId?: number } | undefined) => {
    if (!tab || tab.id === undefined || tab.windowId === undefined) return;
    if (import.meta.env.FIREFOX) {
      // Firefox's sidebarAction is missing from WXT's Chrome-shaped types.
      void (browser as unknown as { sidebarAction: { open(): Promise<void> } }).sidebarAction.open();
    } else {
      void browser.sidePanel.open({ windowId: tab.windowId });
    }
    const request: AnalyzeTabRequest = {
      type: 'scrutiny/analyze-tab',
      tabId: tab.id,
      windowId: tab.windowId,
    };
    // No panel open yet is fine: a panel that opens analyzes the active tab by itself.
    browser.runtime.sendMessage(request).catch(() => undefined);
  };

  (browser.action ?? browser.browserAction).onClicked.addListener((tab) => openPanelAndAnalyze(tab));
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'analyze-page') openPanelAndAnalyze(tab);
  });
});
