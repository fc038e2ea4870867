import { describe, expect, it } from 'vitest';
import { isDriverFault, onceAWhile } from './driver-faults.js';

describe('faults of the database driver outside a request', () => {
  it('are told apart from bugs of the program', () => {
    const closed = Object.assign(new Error('write CONNECTION_CLOSED 127.0.0.1:5432'), { code: 'CONNECTION_CLOSED' });
    const fromDriver = new TypeError("Cannot read properties of null (reading 'write')");
    fromDriver.stack = `TypeError: Cannot read properties of null (reading 'write')\n    at nextWrite (file:///srv/app/node_modules/postgres/src/connection.js:255:22)`;
    expect(isDriverFault(undefined)).toBe(true);
    expect(isDriverFault(closed)).toBe(true);
    expect(isDriverFault(fromDriver)).toBe(true);
    expect(isDriverFault(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isDriverFault('a string')).toBe(false);
  });

  it('replace the pool once for a burst, and again after a quiet while', () => {
    let replaced = 0;
    const reconnect = onceAWhile(() => replaced++, 50);
    for (let i = 0; i < 10; i++) reconnect();
    expect(replaced).toBe(1);
    const later = Date.now() + 60;
    while (Date.now() < later) {
      // wait out the quiet period
    }
    reconnect();
    expect(replaced).toBe(2);
  });
});
