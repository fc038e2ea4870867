/**
 * Starts the built server. The system names the web's port WEB_PORT; the Node adapter reads
 * PORT, so the one is passed on as the other (PORT, when set, still wins).
 */
process.env.PORT ??= process.env.WEB_PORT ?? '3000';
await import('../build/index.js');
