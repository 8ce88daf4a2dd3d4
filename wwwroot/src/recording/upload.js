// Uploads one recording to the room (RecordingsEndpoints.cs): the WebM blob as the raw request body, which the
// browser streams from the blob and the server streams to disk; the tab's session key proves membership. XHR rather
// than fetch for upload progress. Resolves to { id, fileName, size, sha256 } or rejects with the server's message.
import { loadIdentity } from '../room/session-identity.js';

export function uploadRecording({ roomId, blob, name, onProgress, signal }) {
  const key = loadIdentity(roomId)?.key;
  if (!key) return Promise.reject(new Error('Join the room before uploading.'));
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/rooms/${encodeURIComponent(roomId)}/recordings?name=${encodeURIComponent(name)}`);
    xhr.setRequestHeader('X-Interview-Session', key);
    xhr.setRequestHeader('Content-Type', 'video/webm');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress?.(e.loaded / e.total); };
    xhr.onload = () => {
      if (xhr.status === 201) resolve(xhr.response);
      else reject(new Error(xhr.response?.error ?? `Upload failed (HTTP ${xhr.status}).`));
    };
    xhr.onerror = () => reject(new Error('Upload failed: the connection to the server broke.'));
    xhr.onabort = () => reject(new Error('Upload cancelled.'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(blob);
  });
}
