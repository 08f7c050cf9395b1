import type { ReactNode } from 'react';

type NoticeProps = {
  tone: 'error' | 'success' | 'info' | 'warning';
  children: ReactNode;
  /** Errors and successes are announced to screen readers as they appear. */
  title?: string;
};

export function Notice({ tone, children, title }: NoticeProps) {
  const role = tone === 'error' ? 'alert' : tone === 'info' ? undefined : 'status';
  return (
    <div className={`notice notice-${tone}`} role={role}>
      {title ? <strong className="notice-title">{title}</strong> : null}
      <div className="notice-body">{children}</div>
    </div>
  );
}

export function Spinner({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="spinner" role="status">
      <span className="spinner-dot" aria-hidden="true" />
      {label}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <strong>{title}</strong>
      {children ? <p>{children}</p> : null}
    </div>
  );
}
