/** The matrix rows of centres, events, registrations, check-in and calendar feeds. */
import { randomBytes } from 'node:crypto';
import { missingId } from '../fixtures/security.js';
import { centreFor, env, eventBody, eventFor, everyone, get, institutionFor, localized, only, registrationFor, signedIn, type Table } from './support.js';

export const events: Table = {
  // ——— centres and events ———
  'GET /api/v1/centres': { owned: false, build: async () => get('/api/v1/centres'), expect: everyone(200) },
  'GET /api/v1/centres/:id': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/centres/${await centreFor(f, caller, owner)}`),
    expect: everyone([200, 200, 200, 404]),
  },
  // Ownership: the institution the centre is opened at.
  'POST /api/v1/centres': {
    owned: true,
    build: async (f, caller, owner) => ({
      method: 'POST',
      url: '/api/v1/centres',
      payload: { institutionId: owner === 'missing' ? missingId : f.institution[institutionFor(caller, owner)], name: localized('Centre') },
    }),
    expect: only({ admin: [201, 201, 201, 422] }),
  },
  'GET /api/v1/centres/:id/events.ics': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/centres/${await centreFor(f, caller, owner)}/events.ics`),
    expect: everyone([200, 200, 200, 404]),
  },
  'GET /api/v1/centres/:id/attendance': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/centres/${await centreFor(f, caller, owner)}/attendance`),
    expect: only({ coordinator: [200, 200, 404, 404], admin: [200, 200, 200, 404] }),
  },
  'GET /api/v1/events': { owned: false, build: async () => get('/api/v1/events'), expect: everyone(200) },
  // Events (here and below): own = a draft at home, same = published at home, other = a draft elsewhere.
  'GET /api/v1/events/:id': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/events/${(await eventFor(f, caller, owner)).id}`),
    expect: { ...everyone([404, 200, 404, 404]), coordinator: [200, 200, 404, 404], admin: [200, 200, 200, 404] },
  },
  'GET /api/v1/events/:id/calendar.ics': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/events/${(await eventFor(f, caller, owner)).id}/calendar.ics`),
    expect: { ...everyone([404, 200, 404, 404]), coordinator: [200, 200, 404, 404], admin: [200, 200, 200, 404] },
  },
  // Ownership: the centre the event is created at.
  'POST /api/v1/events': {
    owned: true,
    build: async (f, caller, owner) => ({ method: 'POST', url: '/api/v1/events', payload: eventBody(await centreFor(f, caller, owner)) }),
    // A centre of another institution is, to a coordinator, no centre at all.
    expect: only({ coordinator: [201, 201, 422, 422], admin: [201, 201, 201, 422] }),
  },
  'PATCH /api/v1/events/:id': {
    owned: true,
    build: async (f, caller, owner) => ({
      method: 'PATCH',
      url: `/api/v1/events/${(await eventFor(f, caller, owner)).id}`,
      payload: { venue: 'Room 6' },
    }),
    expect: only({ coordinator: [200, 200, 404, 404], admin: [200, 200, 200, 404] }),
  },
  'POST /api/v1/events/:id/publish': {
    owned: true,
    build: async (f, caller, owner) => ({ method: 'POST', url: `/api/v1/events/${(await eventFor(f, caller, owner)).id}/publish` }),
    // Publishing a published event changes nothing and answers it again.
    expect: only({ coordinator: [200, 200, 404, 404], admin: [200, 200, 200, 404] }),
  },
  'POST /api/v1/events/:id/cancel': {
    owned: true,
    build: async (f, caller, owner) => ({ method: 'POST', url: `/api/v1/events/${(await eventFor(f, caller, owner)).id}/cancel` }),
    expect: only({ coordinator: [200, 200, 404, 404], admin: [200, 200, 200, 404] }),
  },
  'POST /api/v1/events/:id/registrations': {
    owned: true,
    build: async (f, caller, owner) => ({ method: 'POST', url: `/api/v1/events/${(await eventFor(f, caller, owner)).id}/registrations` }),
    expect: { ...signedIn([404, 201, 404, 404]), coordinator: [409, 201, 404, 404], admin: [409, 201, 409, 404] },
  },
  // Registrations of the caller: own = a draft at home (nothing to find), same = a published event
  // the caller is registered for, other = a draft elsewhere.
  'GET /api/v1/events/:id/registrations/me': {
    owned: true,
    build: async (f, caller, owner) => {
      const event = await eventFor(f, caller, owner);
      if (owner === 'same' && caller.email) await f.registration(event.id, caller.email);
      return get(`/api/v1/events/${event.id}/registrations/me`);
    },
    expect: signedIn([404, 200, 404, 404]),
  },
  'DELETE /api/v1/events/:id/registrations/me': {
    owned: true,
    build: async (f, caller, owner) => {
      const event = await eventFor(f, caller, owner);
      if (owner === 'same' && caller.email) await f.registration(event.id, caller.email);
      return { method: 'DELETE', url: `/api/v1/events/${event.id}/registrations/me` };
    },
    expect: signedIn([404, 204, 404, 404]),
  },
  'GET /api/v1/events/:id/registrations': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/events/${(await eventFor(f, caller, owner)).id}/registrations`),
    expect: only({ coordinator: [200, 200, 404, 404], admin: [200, 200, 200, 404] }),
  },
  'GET /api/v1/events/:id/registrations.csv': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/events/${(await eventFor(f, caller, owner)).id}/registrations.csv`),
    expect: only({ coordinator: [200, 200, 404, 404], admin: [200, 200, 200, 404] }),
  },
  'GET /api/v1/events/:id/registrations.xlsx': {
    owned: true,
    build: async (f, caller, owner) => get(`/api/v1/events/${(await eventFor(f, caller, owner)).id}/registrations.xlsx`),
    expect: only({ coordinator: [200, 200, 404, 404], admin: [200, 200, 200, 404] }),
  },
  // Check-in: own and same = a registration for a published event at home, other = elsewhere.
  'POST /api/v1/events/:id/registrations/:regId/check-in': {
    owned: true,
    build: async (f, caller, owner) => {
      const made = await registrationFor(f, caller, owner);
      return { method: 'POST', url: `/api/v1/events/${made.eventId}/registrations/${made.id}/check-in` };
    },
    expect: only({ coordinator: [200, 200, 404, 404], admin: [200, 200, 200, 404] }),
  },
  'POST /api/v1/events/:id/check-in': {
    owned: true,
    build: async (f, caller, owner) => {
      const made = await registrationFor(f, caller, owner);
      return { method: 'POST', url: `/api/v1/events/${made.eventId}/check-in`, payload: { code: made.code } };
    },
    expect: only({ coordinator: [200, 200, 404, 422], admin: [200, 200, 200, 422] }),
  },
  'GET /api/v1/me/registrations': { owned: false, build: async () => get('/api/v1/me/registrations'), expect: signedIn(200) },
  'POST /api/v1/me/calendar-feed': {
    owned: false,
    build: async () => ({ method: 'POST', url: '/api/v1/me/calendar-feed', payload: {} }),
    expect: signedIn(200),
  },
  // A feed is public to whoever holds its unguessable address: own = the caller's, same and other = someone else's.
  'GET /api/v1/calendar-feeds/:token/events.ics': {
    owned: true,
    build: async (f, caller, owner) => {
      if (owner === 'missing') return get(`/api/v1/calendar-feeds/${randomBytes(24).toString('base64url')}/events.ics`);
      const email = owner === 'own' && caller.email ? caller.email : (await f.student(institutionFor(caller, owner))).email;
      const feed = await env.t.request({ method: 'POST', url: '/api/v1/me/calendar-feed', token: await f.token(email), payload: {} });
      return get(`/api/v1/calendar-feeds/${feed.json().token as string}/events.ics`);
    },
    expect: everyone([200, 200, 200, 404]),
  },
};
