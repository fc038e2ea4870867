import { describe, expect, it } from 'vitest';
import { createDriverFaultFilter, onceAWhile } from './driver-faults.js';

const inDriver = (error: Error) => {
  error.stack = `${error.name}: ${error.message}\n    at nextWrite (file:///srv/app/node_modules/postgres/src/connection.js:255:22)\n    at Immediate.<anonymous> (node:internal/timers:476:21)`;
  return error;
};

describe('faults of the database driver outside a request', () => {
  it('are told apart from bugs of the program', () => {
    const isDriverFault = createDriverFaultFilter();
    expect(isDriverFault(inDriver(new TypeError("Cannot read properties of null (reading 'write')")))).toBe(true);
    expect(isDriverFault(Object.assign(new Error('write CONNECTION_CLOSED 127.0.0.1:5432'), { code: 'CONNECTION_CLOSED' }))).toBe(true);
    // Bugs: a TypeError of the program, an SQL error, a misuse of the driver, another client's network error.
    expect(isDriverFault(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isDriverFault(inDriver(Object.assign(new Error('duplicate key value'), { severity: 'ERROR', code: '23505' })))).toBe(false);
    expect(isDriverFault(inDriver(Object.assign(new Error('Undefined values are not allowed'), { code: 'UNDEFINED_VALUE' })))).toBe(false);
    expect(isDriverFault(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe(false);
    expect(isDriverFault('a string')).toBe(false);
  });

  it('take a rejection without a reason for the driver only shortly after a connection fault', () => {
    let clock = 1_000_000;
    const isDriverFault = createDriverFaultFilter(() => clock);
    expect(isDriverFault(undefined)).toBe(false);
    isDriverFault(Object.assign(new Error('CONNECTION_DESTROYED'), { code: 'CONNECTION_DESTROYED' }));
    clock += 5_000;
    expect(isDriverFault(undefined)).toBe(true);
    clock += 60_000;
    expect(isDriverFault(undefined)).toBe(false);
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
