/**
 * The character sets and collations OceanBase 4.2's MySQL mode lists (information_schema.CHARACTER_SETS and
 * COLLATIONS, from __tenant_virtual_charset / __tenant_virtual_collation; inner_table r/mysql character_sets.result
 * and collations.result), limited to the sets 4.2 ships: binary, utf8mb4, gbk, utf16, gb18030, latin1, and
 * gb18030_2022.
 */
export interface Charset {
  readonly name: string;
  readonly defaultCollation: string;
  readonly description: string;
  readonly maxLength: bigint;
}

export interface Collation {
  readonly name: string;
  readonly charset: string;
  readonly id: bigint;
  readonly isDefault: boolean;
  readonly sortLength: bigint;
}

export const CHARSETS: readonly Charset[] = [
  { name: 'binary', defaultCollation: 'binary', description: 'Binary pseudo charset', maxLength: 1n },
  { name: 'utf8mb4', defaultCollation: 'utf8mb4_general_ci', description: 'UTF-8 Unicode', maxLength: 4n },
  { name: 'gbk', defaultCollation: 'gbk_chinese_ci', description: 'GBK charset', maxLength: 2n },
  { name: 'utf16', defaultCollation: 'utf16_general_ci', description: 'UTF-16 Unicode', maxLength: 2n },
  { name: 'gb18030', defaultCollation: 'gb18030_chinese_ci', description: 'GB18030 charset', maxLength: 4n },
  { name: 'latin1', defaultCollation: 'latin1_swedish_ci', description: 'cp1252 West European', maxLength: 1n },
  { name: 'gb18030_2022', defaultCollation: 'gb18030_2022_chinese_ci', description: 'GB18030-2022 charset', maxLength: 4n },
];

const c = (name: string, charset: string, id: number, isDefault = false, sortLength = 1): Collation => ({
  name,
  charset,
  id: BigInt(id),
  isDefault,
  sortLength: BigInt(sortLength),
});

export const COLLATION_LIST: readonly Collation[] = [
  c('utf8mb4_general_ci', 'utf8mb4', 45, true),
  c('utf8mb4_bin', 'utf8mb4', 46),
  c('binary', 'binary', 63, true),
  c('gbk_chinese_ci', 'gbk', 28, true),
  c('gbk_bin', 'gbk', 87),
  c('utf16_general_ci', 'utf16', 54, true),
  c('utf16_bin', 'utf16', 55),
  c('gb18030_chinese_ci', 'gb18030', 248, true, 2),
  c('gb18030_bin', 'gb18030', 249),
  c('latin1_swedish_ci', 'latin1', 8, true),
  c('latin1_bin', 'latin1', 47),
  c('gb18030_2022_bin', 'gb18030_2022', 216),
  c('gb18030_2022_chinese_ci', 'gb18030_2022', 217, true),
  c('gb18030_2022_chinese_cs', 'gb18030_2022', 218),
  c('gb18030_2022_radical_ci', 'gb18030_2022', 219),
  c('gb18030_2022_radical_cs', 'gb18030_2022', 220),
  c('gb18030_2022_stroke_ci', 'gb18030_2022', 221),
  c('gb18030_2022_stroke_cs', 'gb18030_2022', 222),
  c('utf16_unicode_ci', 'utf16', 101, false, 8),
  c('utf8mb4_unicode_ci', 'utf8mb4', 224, false, 8),
];
