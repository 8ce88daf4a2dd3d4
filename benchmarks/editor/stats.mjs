// Small helpers shared by the editor benchmarks.
export function arg(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

export function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);
}

export function summary(values) {
  return { p50Ms: percentile(values, 50), p99Ms: percentile(values, 99), maxMs: percentile(values, 100) };
}

export function round(x) { return Math.round(x * 10) / 10; }

/** Resident memory of a process in MB (Linux /proc). */
export async function rssMb(pid) {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/VmRSS:\s+(\d+)/)[1]) / 1024;
}

/**
 * CPU seconds used so far by this process's descendants (Linux /proc), grouped: the web server ('server', the
 * subtree of `serverPid`), Chromium renderers ('renderers', one per tab), the GPU/utility processes and the
 * browser process ('chromium'). Diff two readings to see where the time of a measurement went.
 */
export async function cpuByGroup(serverPid) {
  const { readdir, readFile } = await import('node:fs/promises');
  const procs = new Map();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = await readFile(`/proc/${name}/cmdline`, 'utf8');
      procs.set(Number(name), { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / 100, cmdline });
    } catch { /* gone meanwhile */ }
  }
  const within = (pid, root) => { for (let p = pid; p > 1; p = procs.get(p)?.ppid ?? 0) if (p === root) return true; return false; };
  const groups = { server: 0, renderers: 0, chromium: 0 };
  for (const [pid, proc] of procs) {
    if (pid === process.pid || !within(pid, process.pid)) continue;
    if (within(pid, serverPid)) groups.server += proc.cpu;
    else if (proc.cmdline.includes('--type=renderer')) groups.renderers += proc.cpu;
    else if (proc.cmdline.includes('chrom')) groups.chromium += proc.cpu;
  }
  return groups;
}
