import type { Locale, User } from '@exchange/shared';
import type { Api } from '$lib/server/api';

declare global {
  namespace App {
    interface Error {
      /** A catalog key, never a technical detail. */
      message: string;
      /** Reference to quote to the support desk; the details are in the server log. */
      id?: string;
    }
    interface Locals {
      locale: Locale;
      user: User | null;
      api: Api;
    }
    interface PageData {
      user: User | null;
      locale: Locale;
    }
  }
}

export {};
