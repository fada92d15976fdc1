/**
 * What a module tells the rest of the application about itself, in one place: its navigation
 * entry, the agreement it serves, the actions it records in the audit trail, the kinds of record
 * it puts in the search index, and its locale files. `src/shared/modules.ts` lists every
 * module; the audit actions, search kinds, the web app's navigation and its locale files are
 * read from that list.
 */
export type ModuleManifest = {
  /** The module's folder name: src/server/<id>/, src/web/pages/<id>/. */
  id: string;
  /** The agreement (its code in data/reference/agreements) the module serves, if it serves one. */
  agreement?: string;
  /** Its entry in the navigation, if it has one. */
  nav?: {
    path: string;
    /** A key of the `ui` namespace. */
    labelKey: string;
    /** Under the agreements, the work done for every agreement, or the platform. */
    group: 'agreement' | 'work' | 'platform';
    /** Not built yet: shown as such, leading to a page that says so and links to the agreement's text. */
    built: boolean;
    /** Who sees the entry: everyone, the signed-in, members of a liaison unit, the signed-out, administrators. */
    audience: 'everyone' | 'signed-in' | 'unit' | 'signed-out' | 'administrators';
    /** Its place in the group, lowest first (0 unless given); equal places keep the order of the list of modules. */
    order?: number;
  };
  /** The actions it records (recordAudit takes only these), each named in every language. */
  auditActions: readonly string[];
  /** The kinds of record its audit entries are about. */
  auditEntities: readonly string[];
  /** The kinds of record it puts in the search index. */
  searchKinds: readonly string[];
  /** Its locale files, `src/shared/locales/<lng>/<name>.json` (each with its own top-level key). */
  locales: readonly string[];
};

/** Declares a module, keeping its lists' literal types (so AuditAction and SearchKind stay exact). */
export const defineModule = <const M extends ModuleManifest>(manifest: M): M => manifest;

/** A module of an agreement not built yet: in the navigation as such, with nothing else. */
export const notYetBuilt = <const Code extends string>(code: Code, labelKey: string) =>
  defineModule({
    id: code,
    agreement: code,
    nav: { path: `/${code}`, labelKey, group: 'agreement', built: false, audience: 'everyone' },
    auditActions: [],
    auditEntities: [],
    searchKinds: [],
    locales: [],
  });
