/**
 * CPU time from /proc (Linux): the API process's, the PostgreSQL server's and the machine's
 * idle share, sampled before and after a scenario. CPU per request is steadier than requests/s
 * on a shared machine, and the sum of the API's and the database's is the machine time a
 * request costs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import postgres from 'postgres';

const ticksToMs = 1000 / 100; // utime, stime are in clock ticks (USER_HZ = 100 on Linux)

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces): [0] is the state, [1] the parent. */
function statFields(pid) {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return text.slice(text.lastIndexOf(') ') + 2).split(' ');
}

/** CPU time (user + system) process `pid` has used so far, in ms. */
export function processCpuMs(pid) {
  try {
    const fields = statFields(pid);
    return (Number(fields[11]) + Number(fields[12])) * ticksToMs;
  } catch {
    return Number.NaN; // not Linux, or the process is gone
  }
}

/**
 * A function giving the CPU time, in ms, the PostgreSQL server of `databaseUrl` has used so
 * far, or NaN when that server is not a process of this machine.
 *
 * The server is found exactly: the backend serving a connection of ours (`pg_backend_pid()`)
 * is a child of the postmaster, and every process of the server (backends, parallel workers,
 * checkpointer, WAL writer, autovacuum, …) is a direct child of that postmaster. Its CPU time
 * is the postmaster's own, plus that of its live children, plus the `cutime`/`cstime` of the
 * postmaster: the CPU of the children that have exited and been reaped (connections closed
 * during the scenario). Other PostgreSQL servers on the machine are not counted.
 */
export async function postgresCpu(databaseUrl) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  let postmaster;
  try {
    const [{ pid }] = await sql`select pg_backend_pid() as pid`;
    postmaster = Number(statFields(pid)[1]);
    if (readFileSync(`/proc/${postmaster}/comm`, 'utf8').trim() !== 'postgres') postmaster = undefined;
  } catch {
    postmaster = undefined; // a server on another machine, or not Linux
  } finally {
    await sql.end();
  }
  if (!postmaster) return () => Number.NaN;
  return function postgresCpuMs() {
    try {
      const own = statFields(postmaster);
      let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
      for (const entry of readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) continue;
        try {
          const fields = statFields(entry);
          if (Number(fields[1]) === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
        } catch {
          // exited meanwhile: its time is in the postmaster's cutime/cstime now
        }
      }
      return ticks * ticksToMs;
    } catch {
      return Number.NaN;
    }
  };
}

/** The machine's CPU counters so far, from the first line of /proc/stat (all cores). */
function machineTicks() {
  try {
    const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = values.map(Number);
    return { idle: idle + iowait, total: user + nice + system + idle + iowait + irq + softirq + steal };
  } catch {
    return { idle: Number.NaN, total: Number.NaN };
  }
}

/**
 * Starts measuring; the returned function ends it for `requests` requests: API CPU, PostgreSQL
 * CPU and their sum per request (ms), and the share of the machine's CPU time left idle.
 */
export function meter({ apiCpuMs = () => Number.NaN, postgresCpuMs }) {
  const api = apiCpuMs();
  const database = postgresCpuMs();
  const machine = machineTicks();
  return (requests) => {
    const now = machineTicks();
    const round = (n) => (Number.isFinite(n) ? Number(n.toFixed(3)) : null);
    const apiMs = (apiCpuMs() - api) / requests;
    const postgresMs = (postgresCpuMs() - database) / requests;
    return {
      apiCpuMsPerRequest: round(apiMs),
      postgresCpuMsPerRequest: round(postgresMs),
      machineMsPerRequest: round((Number.isFinite(apiMs) ? apiMs : 0) + postgresMs),
      idleShare: round((now.idle - machine.idle) / (now.total - machine.total)),
    };
  };
}
