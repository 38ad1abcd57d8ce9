/**
 * A modal dialog of the library page (Export, Import): the browser's own `<dialog>` opened with
 * showModal, so focus stays inside, the page behind is inert and Escape asks to close.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';

export function Dialog({
  title,
  onClose,
  closable,
  testId,
  children,
}: {
  title: string;
  onClose(): void;
  /** False while work is under way that the dialog's own Cancel must stop first. */
  closable: boolean;
  testId: string;
  children: ComponentChildren;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // jsdom (the component tests) has no showModal; an open dialog shows the same content.
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else dialog.setAttribute('open', '');
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class="library-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (closable) onClose();
      }}
      data-testid={testId}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
