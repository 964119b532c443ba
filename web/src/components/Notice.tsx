import type { ReactNode } from 'react';

interface NoticeProps {
  kind: 'error' | 'success' | 'info';
  children: ReactNode;
}

/** A message box; errors are announced immediately, other messages politely. */
export function Notice({ kind, children }: NoticeProps) {
  return (
    <div className={`notice notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
