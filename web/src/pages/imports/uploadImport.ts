import { currentCsrfToken } from '../../api/client';
import { apiErrorFrom, networkError } from '../../api/errors';
import type { Import } from '../../api/types';

/**
 * Uploads a contact list as the raw request body. XMLHttpRequest rather than fetch, because only it reports upload
 * progress, which a list of many megabytes needs. Rejects with an ApiError like the typed client.
 */
export function uploadImport(clientId: number, file: File, onProgress: (loaded: number, total: number) => void): Promise<Import> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/clients/${clientId}/imports?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('Content-Type', file.type === 'text/csv' ? 'text/csv' : 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-CSRF-Token', currentCsrfToken());
    xhr.responseType = 'text';
    xhr.upload.addEventListener('progress', (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size));
    xhr.addEventListener('error', () => reject(networkError(new Error('upload failed'))));
    xhr.addEventListener('abort', () => reject(networkError(new Error('upload aborted'))));
    xhr.addEventListener('load', () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 201) {
        resolve(body as Import);
        return;
      }
      const headers = new Headers();
      const retryAfter = xhr.getResponseHeader('Retry-After');
      if (retryAfter !== null) headers.set('Retry-After', retryAfter);
      reject(apiErrorFrom(new Response(null, { status: xhr.status, statusText: xhr.statusText, headers }), body));
    });
    xhr.send(file);
  });
}
