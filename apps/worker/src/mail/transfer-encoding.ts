/**
 * The Content-Transfer-Encoding nodemailer would pick for a text body, or undefined when it would
 * send the body as it is (7bit). nodemailer decides with two global regex matches over the whole
 * body, each building an array of every matching character, and does it twice per body: ~10 % of
 * the worker's CPU in a burst. Handing it the answer skips that; the bytes sent are the same.
 *
 * Its rules (mime-node getTransferEncoding, _getTextEncoding; mime-funcs isPlainText, hasLongerLines):
 * a body with no control or non-ASCII character and no line over 76 characters goes as it is;
 * otherwise quoted-printable when it has fewer such characters than ASCII letters, else base64.
 */
export function transferEncoding(content: string): 'quoted-printable' | 'base64' | undefined {
  let letters = 0;
  let other = 0;
  let line = 0;
  let longLines = content.length > 128 * 1024;
  for (let i = 0; i < content.length; i++) {
    const c = content.charCodeAt(i);
    if (c === 10 || c === 13) {
      line = 0;
      continue;
    }
    if (++line > 76) longLines = true;
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
    else if (c <= 8 || c === 11 || c === 12 || (c >= 14 && c <= 31) || c >= 128) other++;
  }
  if (other === 0 && !longLines) return undefined;
  return other < letters ? 'quoted-printable' : 'base64';
}

/** A body with its transfer encoding decided here, or as it is for nodemailer to send as 7bit. */
export function encodedBody(content: string): string | { content: string; contentTransferEncoding: string } {
  const encoding = transferEncoding(content);
  return encoding ? { content, contentTransferEncoding: encoding } : content;
}
