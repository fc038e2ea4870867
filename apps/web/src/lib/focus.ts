/**
 * Keeps the keyboard focus where the user was after a form that stays on its page.
 *
 * After a successful `use:enhance` submission SvelteKit resets the focus to the top of the page,
 * so a keyboard user who saved a draft or registered for an event would have to Tab through the
 * whole header again. `keepFocusAfterActions()` (once, in the root layout) puts the focus back on
 * the button that submitted the form when it is still there; when it is gone (the form made way
 * for its result) on the page's status message, or else on the main content. Navigations to
 * another page keep SvelteKit's behaviour.
 */
import { onMount } from 'svelte';
import { beforeNavigate } from '$app/navigation';

type Submitted = { form: HTMLFormElement; submitter: HTMLElement | null; at: number };

const usable = (element: HTMLElement | null): element is HTMLElement =>
  !!element && element.isConnected && !element.matches(':disabled') && element.getClientRects().length > 0;

function target(last: Submitted): HTMLElement | null {
  if (usable(last.submitter)) return last.submitter;
  const message = document.querySelector<HTMLElement>('main [role="alert"], main [role="status"]:not(:empty):not(.visually-hidden)');
  if (message && message.getClientRects().length > 0) {
    if (!message.hasAttribute('tabindex')) message.setAttribute('tabindex', '-1');
    return message;
  }
  return document.querySelector<HTMLElement>('main');
}

export function keepFocusAfterActions() {
  let last: Submitted | null = null;
  beforeNavigate(() => {
    last = null;
  });
  onMount(() => {
    const submit = (event: SubmitEvent) => {
      if (event.target instanceof HTMLFormElement) last = { form: event.target, submitter: event.submitter as HTMLElement | null, at: Date.now() };
    };
    // SvelteKit moves the focus to <body> when it resets it.
    const bodyFocused = () => {
      const submitted = last;
      last = null;
      if (!submitted || Date.now() - submitted.at > 60_000) return;
      setTimeout(() => {
        if (document.activeElement === document.body || document.activeElement === null) target(submitted)?.focus({ preventScroll: true });
      });
    };
    document.addEventListener('submit', submit, true);
    document.body.addEventListener('focus', bodyFocused);
    return () => {
      document.removeEventListener('submit', submit, true);
      document.body.removeEventListener('focus', bodyFocused);
    };
  });
}
