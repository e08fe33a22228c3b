import { aemPreset } from '../core/targets/aem/preset';
import { akuminaPreset } from '../core/targets/akumina/preset';
import { appOnlyPreset } from '../core/targets/app-only/preset';
import { emailEnginePreset } from '../core/targets/emailengine/preset';
import { genericPreset } from '../core/targets/generic/preset';
import { onitPreset } from '../core/targets/onit/preset';
import { clouds } from './clouds';
import type { CloudId, TargetId } from './profile';
import type { TargetPreset } from './target-preset';

export type { ChecklistStep, PermissionToAdd, RedirectSetup, TargetPreset } from './target-preset';

/**
 * Every target's preset (checklist, permissions, scopes), the renderer-safe half of
 * its folder under src/core/targets/<target>/ (lint keeps those files free of Node and
 * of the rest of core). The wizard imports them from here; the exporters are registered
 * in src/core/targets/exports-for.ts. Scopes are for the global cloud (the wizard swaps
 * the host for national clouds).
 */
export const targetPresets: Readonly<Record<TargetId, TargetPreset>> = {
  aem: aemPreset,
  onit: onitPreset,
  emailengine: emailEnginePreset,
  akumina: akuminaPreset,
  'app-only': appOnlyPreset,
  generic: genericPreset,
};

export function targetPreset(id: TargetId): TargetPreset {
  return targetPresets[id];
}

/** Microsoft Graph's host in each cloud (national cloud deployments). */
const graphHosts: Readonly<Record<CloudId, string>> = {
  global: 'https://graph.microsoft.com',
  'gcc-high': 'https://graph.microsoft.us',
  dod: 'https://dod-graph.microsoft.us',
  china: 'https://microsoftgraph.chinacloudapi.cn',
  custom: 'https://graph.microsoft.com',
};

/**
 * The target's default scopes for a cloud: the Exchange and Graph hosts of the global
 * presets are swapped for the cloud's own resources (`/.default` takes the app-only one).
 */
export function defaultScopesFor(id: TargetId, cloud: CloudId): string[] {
  const facts = clouds[cloud];
  return targetPresets[id].defaultScopes.map((scope) => {
    const m = /^https:\/\/(outlook\.office365\.com|outlook\.office\.com|graph\.microsoft\.com)\/(.+)$/.exec(scope);
    if (!m) return scope;
    const [, host, name] = m;
    if (host === 'graph.microsoft.com') return `${graphHosts[cloud]}/${name}`;
    if (name === '.default') return `${facts.appOnlyResource}/${name}`;
    // Keep the preset's own host in the global cloud (a target may document outlook.office365.com).
    return cloud === 'global' || cloud === 'custom' ? scope : `${facts.delegatedResource}/${name}`;
  });
}
