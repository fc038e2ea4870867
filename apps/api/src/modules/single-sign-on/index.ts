export type { IdentityProvidersService } from './identity-providers.service.js';
export type { OidcSignInService } from './oidc-sign-in.service.js';
