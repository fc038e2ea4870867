/**
 * Progress of long transfers, with JavaScript on: downloads of files (exports, documents) and
 * uploads of documents. The one `<TransferStatus>` in the root layout shows the current transfer
 * with a <progress> bar and announces its start and end to screen readers.
 *
 * - `trackDownloads` (an action on the layout's root element) takes over clicks on same-site
 *   links with a `download` attribute: it fetches the file, shows how much has arrived, and then
 *   saves it under the name the server gave. When anything goes wrong it follows the link as
 *   before, which is also all that happens without JavaScript.
 * - `uploadWithProgress` (an action on a multipart form, in place of `use:enhance`) sends the form
 *   through XMLHttpRequest to show the upload's progress, then applies the action's result the
 *   way `use:enhance` does.
 */
import { applyAction, deserialize } from '$app/forms';
import { invalidateAll } from '$app/navigation';
import { dispositionName } from './disposition';

export type Transfer = {
  id: number;
  direction: 'download' | 'upload';
  name: string;
  loaded: number;
  /** Bytes expected; null when the server did not say. */
  total: number | null;
  state: 'running' | 'done' | 'failed';
};

export const transfer = $state<{ current: Transfer | null }>({ current: null });

let next = 0;
let hideTimer: ReturnType<typeof setTimeout> | undefined;

function begin(direction: Transfer['direction'], name: string, total: number | null): Transfer {
  clearTimeout(hideTimer);
  transfer.current = { id: ++next, direction, name, loaded: 0, total, state: 'running' };
  return transfer.current;
}

function update(id: number, changes: Partial<Transfer>) {
  if (transfer.current?.id === id) transfer.current = { ...transfer.current, ...changes };
}

/** Keeps the finished transfer in view for a while, then hides it. */
function finish(id: number, state: 'done' | 'failed') {
  update(id, state === 'done' && transfer.current?.total ? { state, loaded: transfer.current.total } : { state });
  clearTimeout(hideTimer);
  hideTimer = setTimeout(() => dismissTransfer(id), state === 'done' ? 8000 : 20000);
}

export function dismissTransfer(id = transfer.current?.id) {
  if (transfer.current && transfer.current.id === id) transfer.current = null;
}

/** A finished transfer is news only until the user moves on: another form sent, another page. */
export function dismissFinishedTransfer() {
  if (transfer.current && transfer.current.state !== 'running') dismissTransfer(transfer.current.id);
}

/** An address of a click or a submit, resolved against the page; a value of the moment, not state. */
const absolute = (href: string) => new URL(href, window.location.href);

const linkName = (link: HTMLAnchorElement, url: URL) =>
  link.getAttribute('download') || decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? 'download');

async function download(link: HTMLAnchorElement, url: URL) {
  const started = begin('download', linkName(link, url), null);
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', headers: { accept: '*/*' } });
  } catch {
    finish(started.id, 'failed');
    return;
  }
  const type = response.headers.get('content-type') ?? '';
  // A signed-out session, a missing file or an error page: let the browser show it as before.
  if (!response.ok || !response.body || (type.startsWith('text/html') && !/attachment/i.test(response.headers.get('content-disposition') ?? ''))) {
    dismissTransfer(started.id);
    window.location.assign(url);
    return;
  }
  const name = dispositionName(response.headers.get('content-disposition')) ?? started.name;
  const length = Number(response.headers.get('content-length'));
  update(started.id, { name, total: Number.isFinite(length) && length > 0 ? length : null });
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let loaded = 0;
  try {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.byteLength;
      update(started.id, { loaded });
    }
  } catch {
    finish(started.id, 'failed');
    return;
  }
  const blob = new Blob(chunks, { type: type || 'application/octet-stream' });
  const href = URL.createObjectURL(blob);
  const save = document.createElement('a');
  save.href = href;
  save.download = name;
  save.dataset.transfer = 'saved';
  save.hidden = true;
  document.body.append(save);
  save.click();
  save.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  update(started.id, { loaded, total: loaded });
  finish(started.id, 'done');
}

/**
 * On the layout's root element: downloads of same-site `a[download]` links show their progress,
 * and sending any form (submitting the application after its uploads) clears a finished one.
 */
export function trackDownloads(root: HTMLElement) {
  // Bubbles after the form's own handler: an upload just begun is running and stays.
  const submitted = () => dismissFinishedTransfer();
  const click = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element | null)?.closest?.('a[download]');
    if (!(link instanceof HTMLAnchorElement) || link.dataset.transfer === 'saved' || link.dataset.transfer === 'off') return;
    const url = absolute(link.href);
    if (url.origin !== window.location.origin) return;
    event.preventDefault();
    void download(link, url);
  };
  root.addEventListener('click', click);
  root.addEventListener('submit', submitted);
  return {
    destroy: () => {
      root.removeEventListener('click', click);
      root.removeEventListener('submit', submitted);
    },
  };
}

/** On a multipart form, in place of use:enhance: the upload shows its progress. */
export function uploadWithProgress(form: HTMLFormElement) {
  let busy = false;
  const submit = (event: SubmitEvent) => {
    if (event.defaultPrevented) return;
    event.preventDefault();
    if (busy) return;
    const action = absolute(event.submitter?.getAttribute('formaction') ?? form.action);
    const body = new FormData(form, event.submitter);
    const files = [...body.values()].filter((value): value is File => value instanceof File && value.name !== '');
    const size = files.reduce((sum, file) => sum + file.size, 0);
    const started = begin('upload', files.map((file) => file.name).join(', ') || form.getAttribute('aria-label') || '…', size || null);
    const request = new XMLHttpRequest();
    request.open('POST', action);
    request.setRequestHeader('accept', 'application/json');
    request.setRequestHeader('x-sveltekit-action', 'true');
    request.upload.addEventListener('progress', (progress) => {
      update(started.id, { loaded: progress.loaded, total: progress.lengthComputable ? progress.total : size || null });
    });
    const done = async () => {
      busy = false;
      form.removeAttribute('aria-busy');
      let result: ReturnType<typeof deserialize>;
      try {
        result = deserialize(request.responseText);
      } catch {
        finish(started.id, 'failed');
        return;
      }
      // A refused file is explained beside its form; the panel only tells of what arrived.
      if (result.type === 'failure') dismissTransfer(started.id);
      else finish(started.id, result.type === 'error' ? 'failed' : 'done');
      if (result.type === 'success') {
        form.reset();
        await invalidateAll();
      }
      await applyAction(result);
    };
    request.addEventListener('load', () => void done());
    request.addEventListener('error', () => {
      busy = false;
      form.removeAttribute('aria-busy');
      finish(started.id, 'failed');
    });
    busy = true;
    form.setAttribute('aria-busy', 'true');
    request.send(body);
  };
  form.addEventListener('submit', submit);
  return { destroy: () => form.removeEventListener('submit', submit) };
}
