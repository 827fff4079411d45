/**
 * What a `--trace` line may show of a statement: every password literal masked, as OceanBase's audit masks them
 * (IDENTIFIED BY '…' and IDENTIFIED BY PASSWORD '…' in CREATE / ALTER USER, SET ENCRYPTION ON IDENTIFIED BY '…',
 * SET DECRYPTION IDENTIFIED BY '…', '…', SET PASSWORD = PASSWORD('…'), PASSWORD = '…'), and the access_key of a
 * dest URI. Works on the text alone, so it masks rejected and unparsable statements too.
 */

const MASK = "'******'";
/** A string literal ('' and \ escapes), a word, blanks, or any one other character. */
const TOKEN = /'(?:[^'\\]|\\[\s\S]|'')*'?|"(?:[^"\\]|\\[\s\S]|"")*"?|[A-Za-z_][A-Za-z0-9_]*|\s+|[\s\S]/g;
/** Words after which the next string literals (until a word or another token) are secrets. */
const SECRET_AFTER = new Set(['BY', 'PASSWORD']);

export function redactSecrets(sql: string): string {
  // SET PASSWORD [FOR user] = '…': every literal of the statement after the `=` is the password.
  let afterEquals = false;
  const setPassword = /^\s*SET\s+PASSWORD\b/i.test(sql);
  let out = '';
  let secret = false;
  let previousWord = '';
  for (const m of sql.matchAll(TOKEN)) {
    const token = m[0];
    const first = token[0] ?? '';
    if (first === "'" || first === '"') {
      out += secret || (setPassword && afterEquals) ? MASK : maskAccessKey(token);
      continue;
    }
    out += token;
    if (token === '=') afterEquals = true;
    if (token === ';') afterEquals = false;
    if (/^\s+$/.test(token) || token === ',' || token === '=' || token === '(') continue;
    if (/^[A-Za-z_]/.test(token)) {
      const word = token.toUpperCase();
      // BY is a secret marker only after IDENTIFIED (ORDER BY 'x' is no password).
      secret = SECRET_AFTER.has(word) && (word === 'PASSWORD' || previousWord === 'IDENTIFIED');
      previousWord = word;
      continue;
    }
    secret = false;
    previousWord = '';
  }
  return out;
}

/** `access_key=…` inside a dest URI, up to the next `&` or the end of the literal. */
function maskAccessKey(literal: string): string {
  return literal.replace(/(access_key=)[^&'"]*/gi, '$1******');
}
