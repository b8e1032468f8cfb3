// The topology view's drawing, as an HTML string built from the model (pure, so it is tested in
// Node and runs unchanged in the webview). Clusters are boxes grouped by module, hosts are boxes
// inside them; a Citus deployment is drawn as its coordinator with an arrow to each worker.
// Every clickable box carries the line and character to reveal. No inline styles or scripts:
// the webview's Content-Security-Policy forbids them; classes carry the look (see styles.ts).
import type { Range, RangedTopology } from '../../../server/src/topology/protocol';

type Cluster = RangedTopology['clusters'][number];
type Member = Cluster['members'][number];
type Host = RangedTopology['hosts'][number];

/** Above this many members (with no filter) the view lists clusters instead of drawing them all. */
export const MAX_DRAWN_MEMBERS = 1500;

export interface ViewOptions {
  /** Only clusters whose name or member IPs contain it (case-insensitive); '' draws all. */
  filter: string;
  maxMembers?: number;
}

const KIND_TITLE: Record<Cluster['kind'], string> = {
  infra: 'INFRA',
  etcd: 'ETCD',
  pgsql: 'PGSQL',
  minio: 'MINIO',
  redis: 'REDIS',
  group: 'NODES',
};

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function at(range: Range): string {
  return `data-line="${range.start.line}" data-character="${range.start.character}"`;
}

function problemText(problems: { code: string; message: string }[]): string {
  return problems.map((p) => `${p.code}: ${p.message}`).join('\n');
}

function severityClass(worst: string | null | undefined): string {
  return worst === 'error' ? ' error' : worst === 'warning' ? ' warning' : '';
}

function memberBox(c: Cluster, m: Member, host: Host | undefined): string {
  const cls = `member${m.role === 'primary' ? ' primary' : ''}${severityClass(host?.worst)}`;
  const detail = [m.name !== m.ip ? m.name : '', m.role ?? '', m.admin ? 'admin_ip' : ''].filter(Boolean).join(' · ');
  const title = host?.problems.length ? problemText(host.problems) : `${m.ip} in ${c.name}: reveal in the editor`;
  return `<div class="${cls}" role="button" tabindex="0" ${at(m.span)} title="${escapeHtml(title)}"><span class="ip">${escapeHtml(m.ip)}</span>${detail ? `<span class="detail">${escapeHtml(detail)}</span>` : ''}</div>`;
}

function clusterBox(c: Cluster, hosts: Map<string, Host>): string {
  const worst = c.problems.some((p) => p.severity === 'error') ? 'error' : c.problems.length ? 'warning' : null;
  const notes = [c.vip ? `VIP ${c.vip}` : '', c.citus ? `group ${c.citus.group} (${c.citus.group === 0 ? 'coordinator' : 'worker'})` : c.mode ? `mode ${c.mode}` : ''].filter(Boolean);
  const title = c.problems.length ? problemText(c.problems) : `${c.name}: reveal in the editor`;
  const members = c.members.length ? c.members.map((m) => memberBox(c, m, hosts.get(m.ip))).join('') : '<div class="empty">no hosts</div>';
  return (
    `<div class="cluster kind-${c.kind}${severityClass(worst)}" data-cluster="${escapeHtml(c.id)}">` +
    `<div class="cluster-title" role="button" tabindex="0" ${at(c.span)} title="${escapeHtml(title)}"><span class="name">${escapeHtml(c.name)}</span>` +
    notes.map((n) => `<span class="note">${escapeHtml(n)}</span>`).join('') +
    `</div><div class="members">${members}</div></div>`
  );
}

function matches(c: Cluster, filter: string): boolean {
  if (!filter) return true;
  return c.name.toLowerCase().includes(filter) || c.members.some((m) => m.ip.includes(filter));
}

/** The view: a summary, what was left out, then the clusters (or, when too many, a list of them). */
export function renderTopologyHtml(model: RangedTopology, options: ViewOptions): string {
  const filter = options.filter.trim().toLowerCase();
  const hosts = new Map(model.hosts.map((h) => [h.ip, h]));
  const byId = new Map(model.clusters.map((c) => [c.id, c]));
  const failing = model.hosts.filter((h) => h.worst === 'error').length;
  const parts: string[] = [];
  parts.push(
    `<div class="summary">${model.clusters.length} cluster(s) · ${model.hosts.length} host(s)` +
      (model.adminIp ? ` · admin_ip ${escapeHtml(model.adminIp)}` : '') +
      (failing ? ` · <span class="error-text">${failing} host(s) with errors</span>` : '') +
      '</div>',
  );
  for (const l of model.leftOut) {
    const where = l.span ? ` role="button" tabindex="0" ${at(l.span)}` : '';
    const line = l.span ? `line ${l.span.start.line + 1}: ` : '';
    parts.push(`<div class="left-out"${where}>Not drawn: ${escapeHtml(line + l.message)}</div>`);
  }

  const shown = model.clusters.filter((c) => matches(c, filter));
  const shownIds = new Set(shown.map((c) => c.id));
  const shards = model.citusShards.filter((s) => [s.coordinator, ...s.workers].some((id) => id !== null && shownIds.has(id)));
  const inShard = new Set(shards.flatMap((s) => [s.coordinator, ...s.workers]).filter((id): id is string => id !== null));
  const memberCount = shown.reduce((n, c) => n + c.members.length, 0);

  if (memberCount > (options.maxMembers ?? MAX_DRAWN_MEMBERS)) {
    parts.push(
      `<div class="too-many">${shown.length} clusters with ${memberCount} hosts: too many to draw at once. ` +
        'Pick a cluster, or type part of a name or an IP in the filter.</div><div class="picker">' +
        shown
          .map((c) => `<button class="pick${c.problems.length || c.members.some((m) => hosts.get(m.ip)?.worst === 'error') ? ' error' : ''}" data-pick="${escapeHtml(c.name)}">${escapeHtml(c.name)}</button>`)
          .join('') +
        '</div>',
    );
    return parts.join('\n');
  }
  if (shown.length === 0) {
    parts.push(`<div class="empty">${filter ? 'No cluster matches the filter.' : 'Nothing to draw.'}</div>`);
    return parts.join('\n');
  }

  for (const kind of ['infra', 'etcd', 'pgsql', 'minio', 'redis', 'group'] as const) {
    const plain = shown.filter((c) => c.kind === kind && !inShard.has(c.id));
    const kindShards = kind === 'pgsql' ? shards : [];
    if (plain.length === 0 && kindShards.length === 0) continue;
    parts.push(`<section class="kind"><h2>${KIND_TITLE[kind]}</h2><div class="clusters">`);
    for (const s of kindShards) {
      const coordinator = s.coordinator ? byId.get(s.coordinator) : undefined;
      const workers = s.workers.map((id) => byId.get(id)!).filter(Boolean);
      parts.push(
        `<div class="citus"><div class="citus-title">CITUS ${escapeHtml(s.name)}</div><div class="citus-body">` +
          `<div class="coordinator">${coordinator ? clusterBox(coordinator, hosts) : '<div class="empty">no coordinator (pg_group 0)</div>'}</div>` +
          `<div class="workers">${workers.map((w) => `<div class="worker"><span class="arrow" aria-hidden="true">→</span>${clusterBox(w, hosts)}</div>`).join('')}</div>` +
          '</div></div>',
      );
    }
    for (const c of plain) parts.push(clusterBox(c, hosts));
    parts.push('</div></section>');
  }
  return parts.join('\n');
}
