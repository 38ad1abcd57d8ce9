import type { ComponentChildren } from 'preact';

/** A plain-words notice with an optional action, announced to screen readers. */
export function StatusNotice({
  title,
  children,
  tone = 'info',
  testId,
}: {
  title: string;
  children?: ComponentChildren;
  tone?: 'info' | 'warning' | 'error';
  testId: string;
}) {
  return (
    <section
      class={`notice notice-${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid={testId}
    >
      <h2>{title}</h2>
      {children}
    </section>
  );
}
