import type { ReactNode } from 'react';
import { useT } from '../i18n/LocaleContext';
import { errorText } from '../lib/errorText';
import type { Resource } from '../lib/useResource';
import { Notice } from './Notice';

interface ResourceViewProps<T> {
  resource: Resource<T> & { reload: () => void };
  children: (data: T) => ReactNode;
}

/** Shows loading and error states of a resource, and the content once it is there. */
export function ResourceView<T>({ resource, children }: ResourceViewProps<T>) {
  const t = useT();
  if (resource.status === 'loading') {
    return (
      <p className="muted" role="status">
        {t('app.loading')}
      </p>
    );
  }
  if (resource.status === 'error') {
    return (
      <Notice kind="error">
        {t('common.loadFailed')} {errorText(t, resource.error)}{' '}
        <button type="button" className="button button--small" onClick={resource.reload}>
          {t('common.retry')}
        </button>
      </Notice>
    );
  }
  return <>{children(resource.data)}</>;
}
