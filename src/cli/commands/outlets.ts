import type { Command } from 'commander';
import { UserError } from '../../errors.js';
import { dbOption, printJson } from '../options.js';

export function register(program: Command): void {
  const outlets = program.command('outlets').description('the outlet registry: country, ownership, owner and your own labels');

  dbOption(outlets.command('list').description('every outlet, starter set and your own').option('--json', 'print as JSON').option('--country <cc>', 'only this country (ISO code)'))
    .action(async (opts: { db?: string; json?: boolean; country?: string }) => {
      const all = (await registry(opts.db)).all().filter((o) => !opts.country || o.country === opts.country.toUpperCase());
      if (opts.json) printJson(all);
      else for (const o of all) console.log(`${o.name.padEnd(36)} ${(o.country ?? '--').padEnd(3)} ${(o.ownership ?? '?').padEnd(8)} ${o.domains[0] ?? ''}${Object.keys(o.labels).length ? '  ' + Object.entries(o.labels).map(([k, v]) => `${k}=${v}`).join(' ') : ''}`);
    });

  dbOption(outlets.command('show').description('one outlet, with the source of its facts').argument('<name>', 'a name or a domain').option('--json', 'print as JSON'))
    .action(async (name: string, opts: { db?: string; json?: boolean }) => {
      const reg = await registry(opts.db);
      const o = reg.byOutletName(name) ?? reg.byHost(name);
      if (!o) throw new UserError(`no outlet "${name}" in the registry (see \`parallax outlets list\`)`);
      if (opts.json) printJson(o);
      else
        console.log([
          o.name, `country    ${o.country ?? 'unknown'}`, `ownership  ${o.ownership ?? 'unknown'}${o.ownership === 'state' ? ' (state-owned or state-affiliated)' : ''}`,
          `owner      ${o.owner ?? 'unknown'}`, `domains    ${o.domains.join(', ')}`, `languages  ${o.languages.join(', ')}`,
          ...Object.entries(o.labels).map(([k, v]) => `${k.padEnd(10)} ${v}`), `source     ${o.source ?? 'none given'}`,
        ].join('\n'));
    });

  dbOption(outlets.command('import').description('add or override outlets from your own file (TSV with the registry columns, or JSON); extra columns become labels').argument('<file>'))
    .action(async (file: string, opts: { db?: string }) => {
      const { readOutletFile, USER_OUTLETS_KEY } = await import('../../outlets/index.js');
      const { openStore } = await import('../../store/index.js');
      const entries = readOutletFile(file);
      const store = await openStore(opts.db);
      try {
        const prev = (await store.getState<import('../../outlets/registry.js').Outlet[]>(USER_OUTLETS_KEY)) ?? [];
        const byName = new Map(prev.map((o) => [o.name.toLowerCase(), o]));
        for (const e of entries) byName.set(e.name.toLowerCase(), e);
        await store.setState(USER_OUTLETS_KEY, [...byName.values()]);
        // Every story's outlet profiles may have changed.
        await store.clearAnalyses();
        console.log(`imported ${entries.length} outlets from ${file}; ${byName.size} of your own in the store`);
      } finally {
        await store.close();
      }
    });
}

async function registry(db?: string) {
  const { OutletRegistry, USER_OUTLETS_KEY } = await import('../../outlets/index.js');
  const { openStore } = await import('../../store/index.js');
  const { existsSync } = await import('node:fs');
  const { resolveDbSpec } = await import('../../store/index.js');
  const spec = resolveDbSpec(db);
  // Listing the registry must not create a database file as a side effect.
  if (!/^postgres/.test(spec) && !existsSync(spec)) return OutletRegistry.withUser();
  const store = await openStore(spec);
  try {
    return OutletRegistry.withUser((await store.getState(USER_OUTLETS_KEY)) ?? []);
  } finally {
    await store.close();
  }
}
