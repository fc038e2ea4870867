/**
 * A warning before leaving a form with unsaved changes.
 *
 * `<form use:warnUnsaved>` marks the form as changed on its first input and forgets it again when
 * the form is submitted or reset. While a form is changed, leaving the page asks first: links and
 * back/forward within the site through SvelteKit's `beforeNavigate` (a confirm() in the page's
 * language; dismissing it keeps the user on the page), reloads, closing the tab and other sites
 * through the browser's own `beforeunload` dialog. `guardUnsavedChanges()` is called once by the
 * root layout; forms only need the action. A form that acts on what was saved instead (submitting
 * the application) carries `use:confirmUnsaved` and asks before it is sent while another form
 * holds changes. Without JavaScript nothing warns and nothing breaks.
 */
import { beforeNavigate } from '$app/navigation';
import { m } from '@exchange/texts/messages';

const changed = new Set<HTMLFormElement>();

export function warnUnsaved(form: HTMLFormElement) {
  const mark = () => changed.add(form);
  const clear = () => changed.delete(form);
  const beforeUnload = (event: BeforeUnloadEvent) => {
    if (!changed.has(form)) return;
    event.preventDefault();
    // Older browsers show the dialog only when returnValue is set.
    event.returnValue = '';
  };
  form.addEventListener('input', mark);
  form.addEventListener('change', mark);
  form.addEventListener('submit', clear);
  form.addEventListener('reset', clear);
  window.addEventListener('beforeunload', beforeUnload);
  return {
    destroy() {
      form.removeEventListener('input', mark);
      form.removeEventListener('change', mark);
      form.removeEventListener('submit', clear);
      form.removeEventListener('reset', clear);
      window.removeEventListener('beforeunload', beforeUnload);
      changed.delete(form);
    },
  };
}

/**
 * On a form that acts on what was saved (submitting an application): while another form on the
 * page holds unsaved changes, asks before sending it; dismissing sends nothing.
 */
export function confirmUnsaved(form: HTMLFormElement) {
  const submit = (event: SubmitEvent) => {
    const others = [...changed].filter((other) => other !== form && other.isConnected);
    if (others.length === 0) return;
    if (confirm(m.unsaved_submit_confirm())) {
      for (const other of others) changed.delete(other);
      return;
    }
    // A capturing listener runs before use:enhance's own on the same form.
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  form.addEventListener('submit', submit, { capture: true });
  return { destroy: () => form.removeEventListener('submit', submit, { capture: true }) };
}

/** Asks before a navigation within the site leaves changed forms behind; once, in the root layout. */
export function guardUnsavedChanges() {
  beforeNavigate((navigation) => {
    // Navigations that unload the page are asked about by the browser's beforeunload dialog.
    if (changed.size === 0 || navigation.willUnload) return;
    if (confirm(m.unsaved_confirm())) changed.clear();
    else navigation.cancel();
  });
}
