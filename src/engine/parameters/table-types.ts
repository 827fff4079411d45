/** The shape of one ob_parameter_seed.ipp line (seed-cluster.ts, seed-tenant.ts). */

/** The ObConfigItem class a DEF_* macro makes, which decides how a value is parsed (ob_config.cpp). */
export type ParameterType = 'INT' | 'CAP' | 'TIME' | 'BOOL' | 'DOUBLE' | 'STRING' | 'STRING_LIST' | 'LOG_LEVEL' | 'MOMENT' | 'VERSION';
export type ParameterScope = 'CLUSTER' | 'TENANT';
/** EditLevel: D DYNAMIC_EFFECTIVE, S STATIC_EFFECTIVE, R READONLY. */
export type EditCode = 'D' | 'S' | 'R';

/** [name, type, default, range, section, edit level, description]. */
export type SeedRow = readonly [string, ParameterType, string, string, string, EditCode, string];

export interface ParameterDef {
  readonly name: string;
  readonly scope: ParameterScope;
  readonly type: ParameterType;
  readonly defaultValue: string;
  /** The range as the source writes it, e.g. `[0,100]`, `(1024,65536)`, `[0M,)`; '' when unbounded. */
  readonly range: string;
  readonly section: string;
  readonly editLevel: 'DYNAMIC_EFFECTIVE' | 'STATIC_EFFECTIVE' | 'READONLY';
  readonly info: string;
}
